package io.tandem.emulator.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An sObject type: its key prefix and fields, each with a slot in a record's value array. */
public final class ObjectDef {

    private final String name;
    private final String label;
    private final String keyPrefix;
    private final boolean ownable;
    private final Map<String, FieldDef> fields = new LinkedHashMap<>();
    private final Map<String, Integer> slots = new LinkedHashMap<>();
    /** Slots by field identity: the hot path of every read, with no string work. */
    private volatile Map<FieldDef, Integer> slotByField = new java.util.IdentityHashMap<>();
    private final Map<String, FieldDef> relationships = new LinkedHashMap<>();

    public ObjectDef(String name, String keyPrefix, boolean ownable) {
        this.name = name;
        this.label = name.replaceAll("([a-z])([A-Z])", "$1 $2");
        this.keyPrefix = keyPrefix;
        this.ownable = ownable;
    }

    public synchronized void add(FieldDef field) {
        String key = field.name().toLowerCase(Locale.ROOT);
        fields.put(key, field);
        if (!field.derived()) {
            slots.putIfAbsent(key, slots.size());
            Map<FieldDef, Integer> copy = new java.util.IdentityHashMap<>(slotByField);
            copy.put(field, slots.get(key));
            slotByField = copy;
        }
        if (field.relationshipName() != null) {
            relationships.put(field.relationshipName().toLowerCase(Locale.ROOT), field);
        }
    }

    public String name() {
        return name;
    }

    public String label() {
        return label;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public boolean ownable() {
        return ownable;
    }

    /** The field of that name, case-insensitively, or null. */
    public FieldDef field(String fieldName) {
        return fields.get(fieldName.toLowerCase(Locale.ROOT));
    }

    public FieldDef requireField(String fieldName) {
        FieldDef f = field(fieldName);
        if (f == null) {
            throw SalesforceError.badRequest("INVALID_FIELD", "No such column '" + fieldName + "' on sobject of type " + name);
        }
        return f;
    }

    /** The reference field whose relationship has that name (Account for AccountId), or null. */
    public FieldDef relationship(String relationshipName) {
        return relationships.get(relationshipName.toLowerCase(Locale.ROOT));
    }

    public Collection<FieldDef> fields() {
        return List.copyOf(fields.values());
    }

    public List<FieldDef> storedFields() {
        List<FieldDef> list = new ArrayList<>();
        for (FieldDef f : fields.values()) {
            if (!f.derived()) {
                list.add(f);
            }
        }
        return list;
    }

    int slot(FieldDef field) {
        Integer s = slotByField.get(field);
        if (s == null) {
            s = slots.get(field.name().toLowerCase(Locale.ROOT));
        }
        if (s == null) {
            throw new IllegalStateException(field.name() + " is derived on " + name);
        }
        return s;
    }

    int slotCount() {
        return slots.size();
    }
}
