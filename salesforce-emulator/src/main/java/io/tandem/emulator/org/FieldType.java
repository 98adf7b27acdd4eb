package io.tandem.emulator.org;

/** Salesforce field types as describe names them. */
public enum FieldType {
    ID("id", "tns:ID"), STRING("string", "xsd:string"), TEXTAREA("textarea", "xsd:string"),
    EMAIL("email", "xsd:string"), PHONE("phone", "xsd:string"), URL("url", "xsd:string"),
    PICKLIST("picklist", "xsd:string"), BOOLEAN("boolean", "xsd:boolean"), INT("int", "xsd:int"),
    DOUBLE("double", "xsd:double"), CURRENCY("currency", "xsd:double"), PERCENT("percent", "xsd:double"),
    DATE("date", "xsd:date"), DATETIME("datetime", "xsd:dateTime"), REFERENCE("reference", "tns:ID");

    private final String describeName;
    private final String soapType;

    FieldType(String describeName, String soapType) {
        this.describeName = describeName;
        this.soapType = soapType;
    }

    public String describeName() {
        return describeName;
    }

    public String soapType() {
        return soapType;
    }

    public boolean isText() {
        return this == STRING || this == TEXTAREA || this == EMAIL || this == PHONE || this == URL || this == PICKLIST;
    }

    public boolean isNumber() {
        return this == INT || this == DOUBLE || this == CURRENCY || this == PERCENT;
    }

    public static FieldType parse(String name) {
        for (FieldType t : values()) {
            if (t.describeName.equalsIgnoreCase(name) || t.name().equalsIgnoreCase(name)) {
                return t;
            }
        }
        throw SalesforceError.badRequest("INVALID_TYPE", "Unknown field type: " + name);
    }
}
