package io.firstwall.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.format.annotation.DateTimeFormat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** The plan form: every field of the v1 format, phases and attributes as rows. */
public record PlanForm(
        @NotBlank(message = "{plan.name.required}") @Size(max = 200, message = "{plan.name.size}") String name,
        @NotBlank(message = "{plan.location.required}") String location,
        @NotNull(message = "{plan.power.required}") Power power,
        @NotBlank(message = "{plan.accelerator.required}") String accelerator,
        @NotNull(message = "{plan.decisionDate.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate decisionDate,
        @Valid @NotEmpty(message = "{plan.phases.required}") List<PhaseRow> phases,
        @Valid List<AttributeRow> attributes) {

    public PlanForm {
        phases = phases == null ? new ArrayList<>() : new ArrayList<>(phases.stream().filter(p -> p != null && !p.blank()).toList());
        attributes = attributes == null ? new ArrayList<>()
                : new ArrayList<>(attributes.stream().filter(a -> a != null && !a.blank()).toList());
    }

    /** A phase row: by {@code online}, {@code accelerators} in total. */
    public record PhaseRow(
            @NotNull(message = "{plan.phase.online.required}") @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate online,
            @NotNull(message = "{plan.phase.accelerators.required}") @Positive(message = "{plan.phase.accelerators.positive}") Long accelerators) {

        boolean blank() {
            return online == null && accelerators == null;
        }
    }

    /** An attribute row: a key and a value (true/false and numbers are typed as such). */
    public record AttributeRow(@NotBlank(message = "{plan.attribute.key.required}") String key, String value) {

        boolean blank() {
            return (key == null || key.isBlank()) && (value == null || value.isBlank());
        }
    }

    /** A blank form for a new plan, with one phase row. */
    public static PlanForm blank(LocalDate today) {
        return new PlanForm("", "", null, "", today, new ArrayList<>(List.of(new PhaseRow(null, null))), new ArrayList<>());
    }

    public static PlanForm of(Plan plan) {
        List<PhaseRow> phases = plan.phases().stream().map(p -> new PhaseRow(p.online(), p.accelerators())).toList();
        List<AttributeRow> attributes = plan.attributes().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new AttributeRow(e.getKey(), String.valueOf(e.getValue()))).toList();
        return new PlanForm(plan.name(), plan.location(), plan.power(), plan.accelerator(), plan.decisionDate(),
                new ArrayList<>(phases), new ArrayList<>(attributes));
    }
}
