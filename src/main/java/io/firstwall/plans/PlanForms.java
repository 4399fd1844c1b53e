package io.firstwall.plans;

import org.springframework.validation.BindingResult;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import io.firstwall.plan.InvalidPlanException;
import io.firstwall.plan.Plan;
import io.firstwall.plan.PlanProblem;
import io.firstwall.plan.PlanReader;
import java.util.Locale;

/** Turns a bound form into a checked plan, putting the plan reader's problems next to their fields. */
public final class PlanForms {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private PlanForms() {
    }

    /** The plan, or null with the problems added to {@code errors}. */
    public static Plan toPlan(PlanForm form, PlanReader reader, BindingResult errors) {
        for (int i = 0; i < form.attributes().size(); i++) {
            PlanForm.AttributeRow row = form.attributes().get(i);
            if (!row.blank() && (row.key() == null || row.key().isBlank())) {
                errors.rejectValue("attributes[" + i + "].key", "plan.attribute.key.required");
            }
        }
        if (errors.hasErrors()) {
            return null;
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("name", form.name());
        root.put("location", form.location());
        root.put("power", form.power().trim());
        root.put("accelerator", form.accelerator());
        root.put("decisionDate", form.decisionDate().trim());
        ArrayNode phases = root.putArray("phases");
        for (PlanForm.PhaseRow row : form.phases()) {
            phases.addObject().put("online", row.online().trim()).put("accelerators", Long.parseLong(row.accelerators().trim()));
        }
        ObjectNode attributes = root.putObject("attributes");
        for (PlanForm.AttributeRow row : form.attributes()) {
            if (row.value() == null || row.value().isBlank()) {
                continue;
            }
            putTyped(attributes, row.key().trim(), row.value().trim());
        }
        try {
            return reader.read(root);
        } catch (InvalidPlanException e) {
            for (PlanProblem p : e.problems()) {
                int row = attributeRow(form, p.field());
                if (row >= 0) {
                    errors.rejectValue("attributes[" + row + "].key", "plan.invalid", p.message());
                    continue;
                }
                String field = p.field().startsWith("attributes") ? "attributes" : p.field();
                if (field.equals(PlanProblem.WHOLE_PLAN) || field.contains(".when") || !isFormField(field)) {
                    errors.reject("plan.invalid", p.toString());
                } else {
                    errors.rejectValue(field, "plan.invalid", p.message());
                }
            }
            return null;
        }
    }

    /** The row of the attribute a problem is about ({@code attributes.NAME}), or -1. */
    private static int attributeRow(PlanForm form, String field) {
        if (!field.startsWith("attributes.")) {
            return -1;
        }
        String name = field.substring("attributes.".length());
        for (int i = 0; i < form.attributes().size(); i++) {
            String key = form.attributes().get(i).key();
            if (key != null && key.trim().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isFormField(String field) {
        return field.matches("name|location|power|accelerator|decisionDate|phases|attributes|phases\\[\\d+]\\.(online|accelerators)");
    }

    /** "true"/"false" become booleans, numbers become numbers, anything else stays text. */
    static void putTyped(ObjectNode node, String key, String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            node.put(key, Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
        } else if (value.matches("-?\\d{1,18}")) {
            node.put(key, Long.parseLong(value));
        } else if (value.matches("-?\\d+\\.\\d+")) {
            node.put(key, Double.parseDouble(value));
        } else {
            node.put(key, value);
        }
    }
}
