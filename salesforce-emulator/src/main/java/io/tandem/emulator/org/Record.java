package io.tandem.emulator.org;

import java.util.Arrays;

/**
 * One row of an sObject, its values in the slots of its type. Deleted rows stay (the recycle bin)
 * with their deletion time, visible to queryAll and /deleted.
 */
public final class Record {

    private final ObjectDef type;
    private final String id;
    private Object[] values;
    private boolean deleted;
    private long deletedAt;

    Record(ObjectDef type, String id) {
        this.type = type;
        this.id = id;
        this.values = new Object[type.slotCount()];
    }

    public ObjectDef type() {
        return type;
    }

    public String id() {
        return id;
    }

    public Object get(FieldDef field) {
        int slot = type.slot(field);
        return slot < values.length ? values[slot] : null;
    }

    /** The value in a slot of the type's ({@link ObjectDef#slot}), for readers that looked the slot up once. */
    public Object valueAt(int slot) {
        return slot < values.length ? values[slot] : null;
    }

    public Object get(String fieldName) {
        FieldDef f = type.field(fieldName);
        return f == null || f.derived() ? null : get(f);
    }

    public String string(String fieldName) {
        Object v = get(fieldName);
        return v == null ? null : v.toString();
    }

    void set(FieldDef field, Object value) {
        int slot = type.slot(field);
        if (slot >= values.length) {
            values = Arrays.copyOf(values, type.slotCount());
        }
        values[slot] = value;
    }

    void set(String fieldName, Object value) {
        set(type.requireField(fieldName), value);
    }

    public long modstamp() {
        Object v = get("SystemModstamp");
        return v == null ? 0 : (Long) v;
    }

    public long lastModified() {
        Object v = get("LastModifiedDate");
        return v == null ? 0 : (Long) v;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public long deletedAt() {
        return deletedAt;
    }

    void markDeleted(long at) {
        deleted = true;
        deletedAt = at;
        set("IsDeleted", Boolean.TRUE);
    }

    void undelete() {
        deleted = false;
        deletedAt = 0;
        set("IsDeleted", Boolean.FALSE);
    }
}
