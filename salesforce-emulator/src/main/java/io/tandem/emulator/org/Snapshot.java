package io.tandem.emulator.org;

import io.tandem.emulator.json.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Saves an org to a JSON file and loads it back, so a demo org survives a restart. */
public final class Snapshot {

    private Snapshot() {
    }

    public static void save(Org org, Path file) {
        String json = org.read(() -> {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("idSequence", org.ids().current());
            root.put("integrationUserId", org.integrationUserId());
            List<Object> custom = new ArrayList<>();
            for (ObjectDef o : org.schema().objects()) {
                for (FieldDef f : o.fields()) {
                    if (f.custom()) {
                        Map<String, Object> field = new LinkedHashMap<>();
                        field.put("object", o.name());
                        field.put("name", f.name());
                        field.put("type", f.type().describeName());
                        field.put("length", f.length());
                        field.put("externalId", f.externalId());
                        field.put("picklistValues", f.picklist());
                        field.put("restricted", f.restricted());
                        field.put("required", f.required());
                        field.put("precision", f.precision());
                        field.put("scale", f.scale());
                        field.put("updateable", f.updateable());
                        custom.add(field);
                    }
                }
            }
            root.put("customFields", custom);
            List<Object> records = new ArrayList<>();
            for (ObjectDef o : org.schema().objects()) {
                for (Record r : org.rows(o)) {
                    Map<String, Object> fields = new LinkedHashMap<>();
                    for (FieldDef f : o.storedFields()) {
                        Object v = RecordView.wire(r, f);
                        if (v != null) {
                            fields.put(f.name(), v);
                        }
                    }
                    Map<String, Object> rec = new LinkedHashMap<>();
                    rec.put("type", o.name());
                    rec.put("deletedAt", r.isDeleted() ? r.deletedAt() : null);
                    rec.put("fields", fields);
                    records.add(rec);
                }
            }
            root.put("records", records);
            return Json.write(root);
        });
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the org to " + file, e);
        }
    }

    /** A new org holding what the file holds. */
    @SuppressWarnings("unchecked")
    public static Org load(Path file) {
        Map<String, Object> root;
        try {
            root = Json.parseObject(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the org from " + file, e);
        }
        Schema schema = Schema.standard();
        for (Object o : (List<Object>) root.get("customFields")) {
            Map<String, Object> f = (Map<String, Object>) o;
            schema.addCustomField((String) f.get("object"), (String) f.get("name"), FieldType.parse((String) f.get("type")),
                    new Schema.CustomFieldOptions(number(f, "length"), Boolean.TRUE.equals(f.get("externalId")),
                            (List<String>) f.get("picklistValues"), Boolean.TRUE.equals(f.get("restricted")),
                            Boolean.TRUE.equals(f.get("required")), number(f, "precision"), number(f, "scale"),
                            !Boolean.FALSE.equals(f.get("updateable"))));
        }
        Org org = new Org(schema, ((BigDecimal) root.get("idSequence")).longValue());
        org.integrationUserId((String) root.get("integrationUserId"));
        org.write(() -> {
            for (Object o : (List<Object>) root.get("records")) {
                Map<String, Object> rec = (Map<String, Object>) o;
                ObjectDef type = schema.require((String) rec.get("type"));
                Map<String, Object> fields = (Map<String, Object>) rec.get("fields");
                Record r = new Record(type, (String) fields.get("Id"));
                for (Map.Entry<String, Object> e : fields.entrySet()) {
                    FieldDef f = type.field(e.getKey());
                    r.set(f, stored(f, e.getValue()));
                }
                if (rec.get("deletedAt") instanceof BigDecimal at) {
                    r.markDeleted(at.longValue());
                }
                org.insert(r);
            }
            return null;
        });
        return org;
    }

    private static Object stored(FieldDef f, Object wire) {
        return switch (f.type()) {
            case DATETIME -> SfTime.parse((String) wire);
            case DATE -> LocalDate.parse((String) wire);
            case INT -> ((BigDecimal) wire).intValue();
            case DOUBLE, CURRENCY, PERCENT -> ((BigDecimal) wire).doubleValue();
            default -> wire;
        };
    }

    /** A whole number of a snapshot's field, 0 when an older snapshot lacks it. */
    private static int number(Map<String, Object> f, String key) {
        return f.get(key) instanceof BigDecimal d ? d.intValue() : 0;
    }
}
