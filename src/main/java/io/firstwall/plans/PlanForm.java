package io.firstwall.plans;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import io.firstwall.plan.Attributes;
import io.firstwall.plan.Plan;

/**
 * The plan form: every field of the v1 format, phases and attributes as rows. Values stay text
 * until they are checked, so a mistyped date or number comes back to the person as typed, with a
 * message next to it.
 */
public record PlanForm(
        @NotBlank(message = "{plan.name.required}") @Size(max = 200, message = "{plan.name.size}") String name,
        @NotBlank(message = "{plan.location.required}") String location,
        @NotBlank(message = "{plan.power.required}") String power,
        @NotBlank(message = "{plan.accelerator.required}") String accelerator,
        @NotBlank(message = "{plan.decisionDate.required}") @Pattern(regexp = DATE, message = "{plan.date.format}") String decisionDate,
        @Valid @NotEmpty(message = "{plan.phases.required}") List<PhaseRow> phases,
        @Valid List<AttributeRow> attributes) {

    static final String DATE = "\\s*\\d{4}-\\d{2}-\\d{2}\\s*";

    public PlanForm {
        phases = phases == null ? new ArrayList<>() : new ArrayList<>(phases);
        attributes = attributes == null ? new ArrayList<>() : new ArrayList<>(attributes);
    }

    /** A phase row: by {@code online}, {@code accelerators} in total. */
    public record PhaseRow(
            @NotBlank(message = "{plan.phase.online.required}") @Pattern(regexp = DATE, message = "{plan.date.format}") String online,
            @NotBlank(message = "{plan.phase.accelerators.required}") @Pattern(regexp = "\\s*[0-9]{1,15}\\s*", message = "{plan.phase.accelerators.whole}") String accelerators) {
    }

    /**
     * An attribute row: a key and a value ("true"/"false" and numbers are typed as such). A row
     * without a value is not set (an unticked box, an empty number, the default choice).
     */
    public record AttributeRow(String key, String value) {

        boolean blank() {
            return (key == null || key.isBlank()) && (value == null || value.isBlank());
        }
    }

    /**
     * This form with one attribute row per declared attribute, in declaration order, holding the
     * value the plan has or nothing, followed by any other row the plan carries (an undeclared key
     * stays visible with its error until it is removed). The form shows a typed control for each
     * declared row.
     */
    public PlanForm withDeclared(Attributes declared) {
        Map<String, String> values = new LinkedHashMap<>();
        List<AttributeRow> others = new ArrayList<>();
        for (AttributeRow row : attributes) {
            if (row.key() != null && declared.declared().containsKey(row.key().trim())) {
                values.put(row.key().trim(), row.value());
            } else if (!row.blank()) {
                others.add(row);
            }
        }
        List<AttributeRow> rows = new ArrayList<>();
        declared.declared().keySet().forEach(name -> rows.add(new AttributeRow(name, values.getOrDefault(name, ""))));
        rows.addAll(others);
        return new PlanForm(name, location, power, accelerator, decisionDate, phases, rows);
    }

    /** A blank form for a new plan, with one phase row. */
    public static PlanForm blank(LocalDate today) {
        return new PlanForm("", "", "", "", today.toString(), new ArrayList<>(List.of(new PhaseRow("", ""))),
                new ArrayList<>());
    }

    public static PlanForm of(Plan plan) {
        List<PhaseRow> phases = plan.phases().stream()
                .map(p -> new PhaseRow(p.online().toString(), Long.toString(p.accelerators()))).toList();
        List<AttributeRow> attributes = plan.attributes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new AttributeRow(e.getKey(), String.valueOf(e.getValue()))).toList();
        return new PlanForm(plan.name(), plan.location(), plan.power().name(), plan.accelerator(),
                plan.decisionDate().toString(), new ArrayList<>(phases), new ArrayList<>(attributes));
    }
}
