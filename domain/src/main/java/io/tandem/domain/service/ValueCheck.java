package io.tandem.domain.service;

import io.tandem.domain.shared.EmailAddress;
import io.tandem.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Whether Salesforce would take a record's values, judged against the object's describe before the
 * record is sent: a text longer than the field, a value a restricted picklist does not hold, a number
 * with more digits before the point than the field keeps, a malformed email, a field required on create
 * left empty. A record with such a value is parked with the reason and costs no call; Salesforce would
 * refuse it anyway.
 */
public final class ValueCheck {

    private ValueCheck() {
    }

    /**
     * What is wrong with the values, field by field (empty when nothing is): {@code values} by Salesforce
     * API name, as they would be sent; {@code creating} also checks the fields a new record needs.
     */
    public static List<String> problems(String object, Map<String, Object> values, boolean creating, Map<String, SalesforceField> described) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            SalesforceField f = described.get(e.getKey());
            if (f != null && e.getValue() != null) {
                String problem = problem(object, f, e.getValue());
                if (problem != null) {
                    problems.add(problem);
                }
            }
        }
        if (creating) {
            for (SalesforceField f : described.values()) {
                if (f.requiredOnCreate() && isEmpty(values.get(f.name()))) {
                    problems.add(object + "." + f.name() + " is required when a " + object + " is created, and has no value here");
                }
            }
        }
        return problems;
    }

    private static String problem(String object, SalesforceField f, Object value) {
        String name = object + "." + f.name();
        if (f.isText()) {
            String text = value.toString();
            if (f.length() > 0 && text.length() > f.length()) {
                return name + " holds at most " + f.length() + " characters; this value has " + text.length();
            }
            if (f.restrictedPicklist() && "picklist".equals(f.type()) && !f.picklistValues().contains(text)) {
                return name + " is a restricted picklist without \"" + text + "\" (it has " + String.join(", ", f.picklistValues()) + ")";
            }
            if ("email".equals(f.type())) {
                try {
                    EmailAddress.of(text);
                } catch (InvalidValueException ex) {
                    return name + " takes an email address; \"" + text + "\" " + ex.getMessage();
                }
            }
            return null;
        }
        if (f.precision() > 0 && value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString()).stripTrailingZeros();
            int whole = Math.max(0, d.precision() - d.scale());
            int allowed = f.precision() - f.scale();
            if (whole > allowed) {
                return name + " keeps " + allowed + " digits before the point; " + d.toPlainString() + " has " + whole;
            }
        }
        return null;
    }

    private static boolean isEmpty(Object v) {
        return v == null || (v instanceof String s && s.isBlank());
    }
}
