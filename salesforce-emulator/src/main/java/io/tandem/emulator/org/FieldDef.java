package io.tandem.emulator.org;

import java.util.List;

/**
 * One field of an object. {@code required} means required on create (not nillable and not defaulted);
 * {@code derived} fields are computed when read (Name, IsClosed) and never stored. Numbers have a
 * precision (all digits) and a scale (digits after the point), as describe gives them.
 */
public record FieldDef(String name, String label, FieldType type, int length, boolean required, boolean nillable,
                       boolean createable, boolean updateable, boolean custom, boolean externalId,
                       List<String> picklist, String defaultValue, boolean restricted,
                       List<String> referenceTo, String relationshipName, boolean derived, int precision, int scale) {

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
        private int precision;
        private int scale;

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
            this.precision = type == FieldType.INT ? 9 : type.isNumber() ? 18 : 0;
            this.scale = type == FieldType.CURRENCY ? 2 : 0;
        }

        public Builder digits(int precision, int scale) {
            this.precision = precision;
            this.scale = scale;
            return this;
        }

        public Builder updateable(boolean updateable) {
            this.updateable = updateable;
            return this;
        }

        public Builder restricted() {
            this.restricted = true;
            return this;
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
                    externalId, picklist, defaultValue, restricted, referenceTo, relationshipName, derived, precision, scale);
        }
    }
}
