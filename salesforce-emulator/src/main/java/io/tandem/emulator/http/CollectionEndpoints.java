package io.tandem.emulator.http;

import io.tandem.emulator.org.Dml;
import io.tandem.emulator.org.FieldDef;
import io.tandem.emulator.org.Ids;
import io.tandem.emulator.org.ObjectDef;
import io.tandem.emulator.org.Record;
import io.tandem.emulator.org.RecordView;
import io.tandem.emulator.org.SalesforceError;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sObject Collections: create, update, upsert, delete and retrieve up to 200 records in one call,
 * results in request order; with allOrNone one failure rolls back the rest.
 */
final class CollectionEndpoints {

    private static final String ROLLED_BACK = "Record rolled back because not all records were valid and the request was using AllOrNone header";
    private static final int MAX = 200;

    private final Emulation emulation;
    private final SObjectEndpoints sobjects;

    CollectionEndpoints(Emulation emulation, SObjectEndpoints sobjects) {
        this.emulation = emulation;
        this.sobjects = sobjects;
    }

    /** Segments: composite, sobjects[, Type[, ExtIdField]]. */
    ApiResponse handle(ApiRequest req) {
        int n = req.segments().size();
        if (n == 2) {
            return switch (req.method()) {
                case "POST" -> write(req, Op.CREATE, null, null);
                case "PATCH" -> write(req, Op.UPDATE, null, null);
                case "DELETE" -> delete(req);
                default -> throw SObjectEndpoints.methodNotAllowed(req, "POST, PATCH, DELETE");
            };
        }
        ObjectDef type = emulation.org().schema().require(req.segment(2));
        if (n == 3) {
            SObjectEndpoints.requireMethod(req, "GET", "POST");
            return retrieve(req, type);
        }
        if (n == 4) {
            SObjectEndpoints.requireMethod(req, "PATCH");
            FieldDef field = type.field(req.segment(3));
            if (field == null || !field.externalId()) {
                throw new SalesforceError(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + req.segment(3));
            }
            return write(req, Op.UPSERT, type, field);
        }
        throw SalesforceError.notFound();
    }

    private enum Op { CREATE, UPDATE, UPSERT }

    @SuppressWarnings("unchecked")
    private ApiResponse write(ApiRequest req, Op op, ObjectDef upsertType, FieldDef extField) {
        Map<String, Object> body = req.jsonObject();
        boolean allOrNone = Boolean.TRUE.equals(body.get("allOrNone"));
        if (!(body.get("records") instanceof List<?> list)) {
            throw SalesforceError.badRequest("JSON_PARSER_ERROR", "records is required");
        }
        if (list.size() > MAX) {
            throw SalesforceError.badRequest("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records into this call");
        }
        Dml.Context ctx = new Dml.Context(req.userId(), req.autoAssign());
        return emulation.dml().transaction(all -> {
            boolean campaignLocked = writesCampaignMembers(list, upsertType) && emulation.faults().campaignLocked();
            List<Map<String, Object>> results = new ArrayList<>();
            boolean failed = false;
            for (Object item : list) {
                try {
                    if (!(item instanceof Map<?, ?> m)) {
                        throw SalesforceError.badRequest("JSON_PARSER_ERROR", "each record must be a JSON object");
                    }
                    Map<String, Object> fields = new LinkedHashMap<>((Map<String, Object>) m);
                    if (campaignLocked) {
                        throw SalesforceError.badRequest("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record or 1 records: "
                                + campaignOf(fields));
                    }
                    Map<String, Object> result = emulation.dml().atomically(undo -> one(op, fields, upsertType, extField, ctx, undo));
                    results.add(result);
                } catch (SalesforceError e) {
                    failed = true;
                    results.add(SObjectEndpoints.saveResult(null, e));
                }
            }
            if (allOrNone && failed) {
                Dml.rollback(all);
                for (int i = 0; i < results.size(); i++) {
                    if (Boolean.TRUE.equals(results.get(i).get("success"))) {
                        results.set(i, SObjectEndpoints.saveResult(null,
                                SalesforceError.badRequest("ALL_OR_NONE_OPERATION_ROLLED_BACK", ROLLED_BACK)));
                    }
                }
            }
            return ApiResponse.json(200, results);
        });
    }

    /** Whether the records are CampaignMembers (by their type, or, for updates, by the record an id names). */
    private boolean writesCampaignMembers(List<?> records, ObjectDef upsertType) {
        if (upsertType != null) {
            return upsertType.name().equals("CampaignMember");
        }
        for (Object item : records) {
            if (item instanceof Map<?, ?> m) {
                if (m.get("attributes") instanceof Map<?, ?> a && "CampaignMember".equals(a.get("type"))) {
                    return true;
                }
                Object id = m.containsKey("id") ? m.get("id") : m.get("Id");
                Record r = id == null ? null : emulation.org().find(id.toString());
                if (r != null && r.type().name().equals("CampaignMember")) {
                    return true;
                }
            }
        }
        return false;
    }

    private Object campaignOf(Map<String, Object> fields) {
        if (fields.get("CampaignId") != null) {
            return fields.get("CampaignId");
        }
        Object id = fields.containsKey("id") ? fields.get("id") : fields.get("Id");
        Record r = id == null ? null : emulation.org().find(id.toString());
        return r == null ? "" : r.get("CampaignId");
    }

    private Map<String, Object> one(Op op, Map<String, Object> fields, ObjectDef upsertType, FieldDef extField,
                                    Dml.Context ctx, List<Runnable> undo) {
        ObjectDef type = upsertType != null ? upsertType : typeOf(fields);
        fields.remove("attributes");
        switch (op) {
            case CREATE -> {
                Record r = emulation.dml().create(type, fields, ctx, undo);
                return SObjectEndpoints.saveResult(r.id(), null);
            }
            case UPDATE -> {
                Object id = fields.containsKey("id") ? fields.remove("id") : fields.remove("Id");
                Record r = id == null ? null : emulation.org().find(id.toString());
                if (r == null || r.type() != type) {
                    throw SalesforceError.badRequest("MALFORMED_ID", "malformed id " + id, "Id");
                }
                emulation.dml().update(r, fields, ctx, undo);
                return SObjectEndpoints.saveResult(r.id(), null);
            }
            default -> {
                Object value = fields.get(extField.name());
                if (value == null) {
                    throw SalesforceError.badRequest("REQUIRED_FIELD_MISSING", "Required fields are missing: [" + extField.name() + "]", extField.name());
                }
                List<Record> matches = sobjects.matches(type, extField, value.toString());
                if (matches.size() > 1) {
                    throw SalesforceError.badRequest("DUPLICATE_EXTERNAL_ID", extField.name() + ": more than one record found for external id field: "
                            + matches.stream().map(Record::id).toList(), extField.name());
                }
                Map<String, Object> result;
                if (matches.isEmpty()) {
                    Record r = emulation.dml().create(type, fields, ctx, undo);
                    result = SObjectEndpoints.saveResult(r.id(), null);
                    result.put("created", true);
                } else {
                    emulation.dml().update(matches.get(0), fields, ctx, undo);
                    result = SObjectEndpoints.saveResult(matches.get(0).id(), null);
                    result.put("created", false);
                }
                return result;
            }
        }
    }

    private ObjectDef typeOf(Map<String, Object> fields) {
        Object attributes = fields.get("attributes");
        Object type = attributes instanceof Map<?, ?> a ? a.get("type") : null;
        ObjectDef def = type == null ? null : emulation.org().schema().object(type.toString());
        if (def == null) {
            throw SalesforceError.badRequest("INVALID_TYPE", "Must send a concrete entity type.");
        }
        return def;
    }

    private ApiResponse delete(ApiRequest req) {
        String idList = req.param("ids");
        if (idList == null || idList.isBlank()) {
            throw SalesforceError.badRequest("MISSING_ARGUMENT", "ids is required");
        }
        List<String> ids = Arrays.asList(idList.split(","));
        if (ids.size() > MAX) {
            throw SalesforceError.badRequest("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 200 records into this call");
        }
        boolean allOrNone = "true".equalsIgnoreCase(req.param("allOrNone"));
        Dml.Context ctx = new Dml.Context(req.userId(), null);
        return emulation.dml().transaction(all -> {
            List<Map<String, Object>> results = new ArrayList<>();
            boolean failed = false;
            for (String id : ids) {
                try {
                    Record r = emulation.org().find(id.trim());
                    if (r == null) {
                        throw SalesforceError.badRequest("MALFORMED_ID", "malformed id " + id);
                    }
                    emulation.dml().atomically(undo -> {
                        emulation.dml().delete(r, ctx, undo);
                        return r;
                    });
                    results.add(SObjectEndpoints.saveResult(r.id(), null));
                } catch (SalesforceError e) {
                    failed = true;
                    String normalized = Ids.normalize(id.trim());
                    results.add(SObjectEndpoints.saveResult(normalized, e));
                }
            }
            if (allOrNone && failed) {
                Dml.rollback(all);
                for (int i = 0; i < results.size(); i++) {
                    if (Boolean.TRUE.equals(results.get(i).get("success"))) {
                        results.set(i, SObjectEndpoints.saveResult(ids.get(i),
                                SalesforceError.badRequest("ALL_OR_NONE_OPERATION_ROLLED_BACK", ROLLED_BACK)));
                    }
                }
            }
            return ApiResponse.json(200, results);
        });
    }

    @SuppressWarnings("unchecked")
    private ApiResponse retrieve(ApiRequest req, ObjectDef type) {
        List<String> ids;
        List<String> fields;
        if (req.method().equals("POST")) {
            Map<String, Object> body = req.jsonObject();
            ids = body.get("ids") instanceof List<?> l ? (List<String>) l : List.of();
            fields = body.get("fields") instanceof List<?> f ? (List<String>) f : List.of();
        } else {
            String idParam = req.param("ids");
            String fieldParam = req.param("fields");
            ids = idParam == null || idParam.isBlank() ? List.of() : Arrays.asList(idParam.split(","));
            fields = fieldParam == null || fieldParam.isBlank() ? List.of() : Arrays.asList(fieldParam.split(","));
        }
        if (ids.isEmpty() || fields.isEmpty()) {
            throw SalesforceError.badRequest("MISSING_ARGUMENT", "ids and fields are required");
        }
        if (ids.size() > (req.method().equals("POST") ? 2000 : 800)) {
            throw SalesforceError.badRequest("EXCEEDED_ID_LIMIT", "too many ids");
        }
        List<List<String>> paths = new ArrayList<>();
        for (String f : fields) {
            type.requireField(f.trim());
            paths.add(List.of(f.trim()));
        }
        return emulation.org().read(() -> {
            List<Object> out = new ArrayList<>();
            for (String id : ids) {
                Record r = emulation.org().find(id.trim());
                out.add(r == null || r.isDeleted() || r.type() != type ? null : RecordView.select(emulation.org(), r, paths, req.version()));
            }
            return ApiResponse.json(200, out);
        });
    }
}
