package io.tandem.emulator.http;

import io.tandem.emulator.org.FieldDef;
import io.tandem.emulator.org.FieldType;
import io.tandem.emulator.org.ObjectDef;
import io.tandem.emulator.org.Schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Describe results: the global list and one object's fields, in Salesforce's shapes. */
final class Describe {

    private Describe() {
    }

    static Map<String, Object> global(Schema schema, String version) {
        List<Object> objects = new ArrayList<>();
        for (ObjectDef o : schema.objects()) {
            objects.add(summary(o, version));
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("encoding", "UTF-8");
        m.put("maxBatchSize", 200);
        m.put("sobjects", objects);
        return m;
    }

    static Map<String, Object> summary(ObjectDef o, String version) {
        boolean writable = !o.name().equals("LeadStatus") && !o.name().equals("User");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", o.name());
        m.put("label", o.label());
        m.put("labelPlural", o.label() + "s");
        m.put("keyPrefix", o.keyPrefix());
        m.put("custom", false);
        m.put("createable", writable);
        m.put("updateable", writable);
        m.put("deletable", writable);
        m.put("queryable", true);
        m.put("retrieveable", true);
        m.put("replicateable", true);
        m.put("searchable", true);
        m.put("urls", urls(o, version));
        return m;
    }

    static Map<String, Object> object(ObjectDef o, Schema schema, String version) {
        Map<String, Object> m = summary(o, version);
        List<Object> fields = new ArrayList<>();
        for (FieldDef f : o.fields()) {
            fields.add(field(f));
        }
        m.put("fields", fields);
        List<Object> children = new ArrayList<>();
        for (ObjectDef child : schema.objects()) {
            for (FieldDef f : child.fields()) {
                if (f.type() == FieldType.REFERENCE && f.referenceTo().contains(o.name()) && f.relationshipName() != null
                        && !f.isSystem()) {
                    Map<String, Object> rel = new LinkedHashMap<>();
                    rel.put("childSObject", child.name());
                    rel.put("field", f.name());
                    rel.put("relationshipName", child.name().endsWith("s") ? child.name() + "es" : child.name() + "s");
                    rel.put("cascadeDelete", false);
                    children.add(rel);
                }
            }
        }
        m.put("childRelationships", children);
        m.put("recordTypeInfos", List.of());
        return m;
    }

    private static Map<String, Object> field(FieldDef f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("label", f.label());
        m.put("type", f.type().describeName());
        m.put("soapType", f.type().soapType());
        m.put("length", f.type().isText() || f.type() == FieldType.ID || f.type() == FieldType.REFERENCE ? f.length() : 0);
        m.put("byteLength", f.type().isText() ? f.length() * 3 : 0);
        m.put("precision", f.type().isNumber() && f.type() != FieldType.INT ? f.precision() : 0);
        m.put("scale", f.type().isNumber() && f.type() != FieldType.INT ? f.scale() : 0);
        m.put("digits", f.type() == FieldType.INT ? 9 : 0);
        m.put("nillable", f.nillable());
        m.put("createable", f.createable());
        m.put("updateable", f.updateable());
        m.put("custom", f.custom());
        m.put("externalId", f.externalId());
        m.put("idLookup", f.externalId() || f.type() == FieldType.ID || f.name().equals("Email"));
        m.put("unique", f.type() == FieldType.ID);
        m.put("calculated", f.derived());
        m.put("defaultedOnCreate", f.defaultValue() != null || f.isSystem() || f.name().equals("OwnerId"));
        m.put("filterable", true);
        m.put("sortable", f.type() != FieldType.TEXTAREA);
        m.put("restrictedPicklist", f.restricted());
        List<Object> values = new ArrayList<>();
        for (String v : f.picklist()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("active", true);
            p.put("defaultValue", v.equals(f.defaultValue()));
            p.put("label", v);
            p.put("validFor", null);
            p.put("value", v);
            values.add(p);
        }
        m.put("picklistValues", values);
        m.put("referenceTo", f.referenceTo());
        m.put("relationshipName", f.relationshipName());
        return m;
    }

    private static Map<String, Object> urls(ObjectDef o, String version) {
        String base = "/services/data/" + version + "/sobjects/" + o.name();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sobject", base);
        m.put("describe", base + "/describe");
        m.put("rowTemplate", base + "/{ID}");
        return m;
    }
}
