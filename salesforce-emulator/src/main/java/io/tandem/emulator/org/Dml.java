package io.tandem.emulator.org;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Inserts, updates and deletes with the org's rules. Every change registers its undo, so a
 * collection with {@code allOrNone} can roll back what it already did. Callers hold the write lock.
 */
public final class Dml {

    /** Who writes, and what the Sforce-Auto-Assign header said (null when absent). */
    public record Context(String userId, Boolean autoAssign) {
    }

    private final Org org;
    private final OrgSettings settings;

    public Dml(Org org, OrgSettings settings) {
        this.org = org;
        this.settings = settings;
    }

    public Record create(ObjectDef type, Map<String, Object> input, Context ctx, List<Runnable> undo) {
        if (type.name().equals("LeadStatus") || type.name().equals("User")) {
            throw SalesforceError.badRequest("INVALID_TYPE", "entity type " + type.name() + " does not support insert");
        }
        Map<String, Object> fields = resolve(type, input, true);
        long now = org.now();
        Record r = org.newRecord(type, ctx.userId(), now);
        applyDefaults(type, r);
        for (Map.Entry<FieldDef, Object> e : coerce(type, fields).entrySet()) {
            r.set(e.getKey(), e.getValue());
        }
        for (FieldDef f : type.fields()) {
            if (f.required() && r.get(f) == null) {
                throw SalesforceError.badRequest("REQUIRED_FIELD_MISSING", "Required fields are missing: [" + f.name() + "]", f.name());
            }
        }
        Behaviours.beforeInsert(org, r, ctx, settings);
        org.insert(r);
        undo.add(() -> org.remove(r));
        Behaviours.afterInsert(org, this, r, ctx, undo);
        return r;
    }

    public void update(Record r, Map<String, Object> input, Context ctx, List<Runnable> undo) {
        requireLive(r);
        ObjectDef type = r.type();
        Map<String, Object> fields = resolve(type, input, false);
        Map<FieldDef, Object> values = coerce(type, fields);
        for (Map.Entry<FieldDef, Object> e : values.entrySet()) {
            if (e.getValue() == null && !e.getKey().nillable()) {
                throw SalesforceError.badRequest("REQUIRED_FIELD_MISSING", "Required fields are missing: [" + e.getKey().name() + "]",
                        e.getKey().name());
            }
        }
        Behaviours.beforeUpdate(org, r, values, ctx, settings);
        Map<FieldDef, Object> old = snapshot(r);
        undo.add(() -> old.forEach(r::set));
        for (Map.Entry<FieldDef, Object> e : values.entrySet()) {
            r.set(e.getKey(), e.getValue());
        }
        touch(r, ctx.userId());
    }

    public void delete(Record r, Context ctx, List<Runnable> undo) {
        requireLive(r);
        if (r.type().name().equals("CampaignMemberStatus")) {
            Behaviours.checkStatusDeletable(org, r);
        }
        long at = org.now();
        Map<FieldDef, Object> old = snapshot(r);
        r.markDeleted(at);
        touch(r, ctx.userId());
        undo.add(() -> {
            r.undelete();
            old.forEach(r::set);
        });
    }

    /** Sets fields as Salesforce itself does (conversion, merge): no createable/updateable checks. */
    public void system(Record r, Map<String, Object> values, String userId, List<Runnable> undo) {
        Map<FieldDef, Object> old = snapshot(r);
        undo.add(() -> old.forEach(r::set));
        values.forEach(r::set);
        touch(r, userId);
    }

    public static void requireLive(Record r) {
        if (r.isDeleted()) {
            throw new SalesforceError(404, "ENTITY_IS_DELETED", "entity is deleted");
        }
    }

    void touch(Record r, String userId) {
        long now = org.now();
        r.set("LastModifiedDate", now);
        r.set("LastModifiedById", userId);
        r.set("SystemModstamp", now);
    }

    private Map<String, Object> resolve(ObjectDef type, Map<String, Object> input, boolean creating) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> readOnly = new ArrayList<>();
        for (Map.Entry<String, Object> e : input.entrySet()) {
            String name = e.getKey();
            if (name.equals("attributes")) {
                continue;
            }
            if (name.equalsIgnoreCase("Id")) {
                if (creating) {
                    throw SalesforceError.badRequest("INVALID_FIELD", "The Id field should not be specified in the sobject data.");
                }
                continue;
            }
            FieldDef f = type.field(name);
            if (f == null) {
                throw SalesforceError.badRequest("INVALID_FIELD", "No such column '" + name + "' on sobject of type " + type.name());
            }
            if (creating ? !f.createable() : !f.updateable()) {
                readOnly.add(f.name());
                continue;
            }
            out.put(f.name(), e.getValue());
        }
        if (!readOnly.isEmpty()) {
            throw new SalesforceError(400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: "
                    + String.join(", ", readOnly) + ". Please check the security settings of this field and verify that it is "
                    + "read/write for your profile or permission set.", readOnly);
        }
        return out;
    }

    private Map<FieldDef, Object> coerce(ObjectDef type, Map<String, Object> fields) {
        Map<FieldDef, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : fields.entrySet()) {
            FieldDef f = type.field(e.getKey());
            values.put(f, FieldValues.coerce(org, f, e.getValue()));
        }
        return values;
    }

    private void applyDefaults(ObjectDef type, Record r) {
        for (FieldDef f : type.storedFields()) {
            if (f.defaultValue() != null && r.get(f) == null) {
                r.set(f, f.type() == FieldType.BOOLEAN ? Boolean.valueOf(f.defaultValue()) : f.defaultValue());
            } else if (f.type() == FieldType.BOOLEAN && !f.nillable() && r.get(f) == null) {
                r.set(f, Boolean.FALSE);
            }
        }
    }

    private static Map<FieldDef, Object> snapshot(Record r) {
        Map<FieldDef, Object> old = new LinkedHashMap<>();
        for (FieldDef f : r.type().storedFields()) {
            old.put(f, r.get(f));
        }
        return old;
    }

    /**
     * Runs {@code work} under the write lock; on failure undoes everything it registered and rethrows.
     * Inside {@link #transaction}, what succeeded stays undoable by that outer transaction.
     */
    public <T> T atomically(java.util.function.Function<List<Runnable>, T> work) {
        return org.write(() -> {
            List<Runnable> undo = new ArrayList<>();
            try {
                T result = work.apply(undo);
                List<Runnable> enclosing = OUTER.get();
                if (enclosing != null) {
                    enclosing.addAll(undo);
                }
                return result;
            } catch (RuntimeException e) {
                rollback(undo);
                throw e;
            }
        });
    }

    /**
     * Runs several writes as one: {@code work} gets the undo list of everything done inside it and may
     * roll it back (a composite request with allOrNone).
     */
    public <T> T transaction(java.util.function.Function<List<Runnable>, T> work) {
        return org.write(() -> {
            List<Runnable> previous = OUTER.get();
            List<Runnable> undo = new ArrayList<>();
            OUTER.set(undo);
            try {
                return work.apply(undo);
            } finally {
                if (previous == null) {
                    OUTER.remove();
                } else {
                    previous.addAll(undo);
                    OUTER.set(previous);
                }
            }
        });
    }

    private static final ThreadLocal<List<Runnable>> OUTER = new ThreadLocal<>();

    public static void rollback(List<Runnable> undo) {
        for (int i = undo.size() - 1; i >= 0; i--) {
            undo.get(i).run();
        }
        undo.clear();
    }
}
