package io.tandem.emulator.org;

import java.util.List;

/**
 * One field of an object. {@code required} means required on create (not nillable and not defaulted);
 * {@code derived} fields are computed when read (Name, IsClosed) and never stored.
 */
public record FieldDef(String name, String label, FieldType type, int length, boolean required, boolean nillable,
                       boolean createable, boolean updateable, boolean custom, boolean externalId,
                       List<String> picklist, String defaultValue, boolean restricted,
                       List<String> referenceTo, String relationshipName, boolean derived) {

    public static Builder of(String name, FieldType type) {
        return new Builder(name, type);
    }

    public boolean isSystem() {
        return !createable && !updateable;
    }

    /** Fluent construction of the standard schema. */
    public static final class Builder {
        private final String name;
        private final FieldType type;
        private int length;
        private boolean required;
        private boolean nillable = true;
        private boolean createable = true;
        private boolean updateable = true;
        private boolean custom;
        private boolean externalId;
        private List<String> picklist = List.of();
        private String defaultValue;
        private boolean restricted;
        private List<String> referenceTo = List.of();
        private String relationshipName;
        private boolean derived;

        Builder(String name, FieldType type) {
            this.name = name;
            this.type = type;
            this.length = switch (type) {
                case ID, REFERENCE -> 18;
                case EMAIL -> 80;
                case PHONE -> 40;
                case PICKLIST -> 255;
                case URL, STRING -> 255;
                case TEXTAREA -> 32000;
                default -> 0;
            };
            this.custom = name.endsWith("__c");
        }

        public Builder length(int l) {
            length = l;
            return this;
        }

        public Builder required() {
            required = true;
            nillable = false;
            return this;
        }

        public Builder notNillable() {
            nillable = false;
            return this;
        }

        public Builder readOnly() {
            createable = false;
            updateable = false;
            return this;
        }

        public Builder createOnly() {
            updateable = false;
            return this;
        }

        public Builder externalId() {
            externalId = true;
            return this;
        }

        public Builder picklist(String defaultValue, boolean restricted, String... values) {
            this.picklist = List.of(values);
            this.defaultValue = defaultValue;
            this.restricted = restricted;
            return this;
        }

        public Builder defaultValue(String value) {
            this.defaultValue = value;
            return this;
        }

        public Builder reference(String relationshipName, String... targets) {
            this.referenceTo = List.of(targets);
            this.relationshipName = relationshipName;
            return this;
        }

        public Builder derived() {
            derived = true;
            createable = false;
            updateable = false;
            return this;
        }

        public FieldDef build() {
            String label = name.replace("__c", "").replaceAll("([a-z])([A-Z])", "$1 $2").replace('_', ' ');
            return new FieldDef(name, label, type, length, required, nillable, createable, updateable, custom,
                    externalId, picklist, defaultValue, restricted, referenceTo, relationshipName, derived);
        }
    }
}
