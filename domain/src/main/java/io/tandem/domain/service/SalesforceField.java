package io.tandem.domain.service;

import java.util.List;

/**
 * One field of a Salesforce object as the org's describe gives it: what a mapping is checked against
 * and what a value is checked against before it is sent.
 */
public record SalesforceField(String name, String type, int length, int precision, int scale, boolean createable,
                              boolean updateable, boolean nillable, boolean defaultedOnCreate, boolean restrictedPicklist,
                              List<String> picklistValues) {

    public SalesforceField {
        picklistValues = List.copyOf(picklistValues);
    }

    /** Must have a value when a record is created. */
    public boolean requiredOnCreate() {
        return createable && !nillable && !defaultedOnCreate && !"boolean".equals(type);
    }

    public boolean isText() {
        return switch (type) {
            case "string", "textarea", "email", "phone", "url", "picklist", "multipicklist" -> true;
            default -> false;
        };
    }
}
