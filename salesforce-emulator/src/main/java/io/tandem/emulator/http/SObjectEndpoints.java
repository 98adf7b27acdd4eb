package io.tandem.emulator.http;

import io.tandem.emulator.org.Dml;
import io.tandem.emulator.org.FieldDef;
import io.tandem.emulator.org.ObjectDef;
import io.tandem.emulator.org.Org;
import io.tandem.emulator.org.Record;
import io.tandem.emulator.org.RecordView;
import io.tandem.emulator.org.SalesforceError;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code /sobjects}: describe, single-record create, read, update, delete, upsert; the change feeds are {@link ChangeFeeds}. */
final class SObjectEndpoints {

    private final Emulation emulation;
    private final ChangeFeeds changes;

    SObjectEndpoints(Emulation emulation) {
        this.emulation = emulation;
        this.changes = new ChangeFeeds(emulation);
    }

    ApiResponse handle(ApiRequest req) {
        Org org = emulation.org();
        int n = req.segments().size();
        if (n == 1) {
            requireMethod(req, "GET");
            return ApiResponse.json(200, Describe.global(org.schema(), req.version()));
        }
        ObjectDef type = org.schema().require(req.segment(1));
        if (n == 2) {
            if (req.method().equals("POST")) {
                return create(req, type);
            }
            requireMethod(req, "GET", "POST");
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("objectDescribe", Describe.summary(type, req.version()));
            body.put("recentItems", List.of());
            return ApiResponse.json(200, body);
        }
        String third = req.segment(2);
        if (n == 3 && third.equals("describe")) {
            requireMethod(req, "GET");
            return ApiResponse.json(200, Describe.object(type, org.schema(), req.version()));
        }
        if (n == 3 && (third.equals("updated") || third.equals("deleted"))) {
            requireMethod(req, "GET");
            return third.equals("updated") ? changes.updated(req, type) : changes.deleted(req, type);
        }
        if (n == 3) {
            return byId(req, type, third);
        }
        if (n == 4) {
            return byExternalId(req, type, third, req.segment(3));
        }
        throw SalesforceError.notFound();
    }

    private ApiResponse create(ApiRequest req, ObjectDef type) {
        Map<String, Object> fields = req.jsonObject();
        Record r = emulation.dml().atomically(undo ->
                emulation.dml().create(type, fields, new Dml.Context(req.userId(), req.autoAssign()), undo));
        return ApiResponse.json(201, saveResult(r.id(), null));
    }

    private ApiResponse byId(ApiRequest req, ObjectDef type, String id) {
        Org org = emulation.org();
        return switch (req.method()) {
            case "GET" -> org.read(() -> {
                Record r = require(type, id);
                Dml.requireLive(r);
                String since = req.header("If-Modified-Since");
                Long sinceMillis = since == null ? null : rfc1123(since);
                if (sinceMillis != null && r.lastModified() <= sinceMillis) {
                    return new ApiResponse(304, null, null, null, new LinkedHashMap<>());
                }
                return ApiResponse.json(200, view(req, r));
            });
            case "PATCH" -> {
                Map<String, Object> fields = req.jsonObject();
                emulation.dml().atomically(undo -> {
                    Record r = require(type, id);
                    Dml.requireLive(r);
                    String unmodified = req.header("If-Unmodified-Since");
                    Long limit = unmodified == null ? null : rfc1123(unmodified);
                    if (limit != null && r.lastModified() > limit) {
                        throw new SalesforceError(412, "PRECONDITION_FAILED",
                                "The requested resource has been modified since " + unmodified);
                    }
                    emulation.dml().update(r, fields, new Dml.Context(req.userId(), req.autoAssign()), undo);
                    return r;
                });
                yield ApiResponse.noContent();
            }
            case "DELETE" -> {
                emulation.dml().atomically(undo -> {
                    Record r = require(type, id);
                    emulation.dml().delete(r, new Dml.Context(req.userId(), null), undo);
                    return r;
                });
                yield ApiResponse.noContent();
            }
            default -> throw methodNotAllowed(req, "GET, PATCH, DELETE");
        };
    }

    private Map<String, Object> view(ApiRequest req, Record r) {
        String fieldList = req.param("fields");
        if (fieldList == null || fieldList.isBlank()) {
            return RecordView.all(r, req.version());
        }
        List<List<String>> paths = new ArrayList<>();
        for (String f : fieldList.split(",")) {
            r.type().requireField(f.trim());
            paths.add(List.of(f.trim()));
        }
        return RecordView.select(emulation.org(), r, paths, req.version());
    }

    private ApiResponse byExternalId(ApiRequest req, ObjectDef type, String fieldName, String value) {
        FieldDef field = type.field(fieldName);
        if (field == null || !(field.externalId() || field.name().equals("Id"))) {
            throw new SalesforceError(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + fieldName);
        }
        if (field.name().equals("Id") && !req.method().equals("PATCH")) {
            return byId(req, type, value);
        }
        if (req.method().equals("GET")) {
            return emulation.org().read(() -> {
                List<Record> matches = matches(type, field, value);
                if (matches.isEmpty()) {
                    throw SalesforceError.notFound();
                }
                if (matches.size() > 1) {
                    return multipleChoices(req, matches);
                }
                return ApiResponse.json(200, view(req, matches.get(0)));
            });
        }
        if (!req.method().equals("PATCH")) {
            throw methodNotAllowed(req, "GET, PATCH");
        }
        Map<String, Object> fields = new LinkedHashMap<>(req.jsonObject());
        boolean updateOnly = "true".equalsIgnoreCase(req.param("updateOnly"));
        Dml.Context ctx = new Dml.Context(req.userId(), req.autoAssign());
        return emulation.dml().atomically(undo -> {
            List<Record> matches = field.name().equals("Id") ? byIdMatch(type, value) : matches(type, field, value);
            if (matches.size() > 1) {
                return multipleChoices(req, matches);
            }
            if (matches.isEmpty()) {
                if (updateOnly || field.name().equals("Id")) {
                    throw SalesforceError.notFound();
                }
                fields.put(field.name(), value);
                Record r = emulation.dml().create(type, fields, ctx, undo);
                return ApiResponse.json(201, upsertResult(r.id(), true));
            }
            Record r = matches.get(0);
            emulation.dml().update(r, fields, ctx, undo);
            if (versionNumber(req.version()) < 46) {
                return ApiResponse.noContent();
            }
            return ApiResponse.json(200, upsertResult(r.id(), false));
        });
    }

    private List<Record> byIdMatch(ObjectDef type, String id) {
        Record r = emulation.org().find(id);
        return r == null || r.isDeleted() || r.type() != type ? List.of() : List.of(r);
    }

    List<Record> matches(ObjectDef type, FieldDef field, String value) {
        List<Record> found = new ArrayList<>();
        for (Record r : emulation.org().rows(type)) {
            Object v = r.get(field);
            if (!r.isDeleted() && v != null && v.toString().equalsIgnoreCase(value)) {
                found.add(r);
            }
        }
        return found;
    }

    private static ApiResponse multipleChoices(ApiRequest req, List<Record> matches) {
        List<String> urls = new ArrayList<>();
        for (Record r : matches) {
            urls.add("/services/data/" + req.version() + "/sobjects/" + r.type().name() + "/" + r.id());
        }
        return ApiResponse.json(300, urls);
    }

    private Record require(ObjectDef type, String id) {
        Record r = emulation.org().find(id);
        if (r == null || r.type() != type) {
            throw new SalesforceError(404, "NOT_FOUND", "Provided external ID field does not exist or is not accessible: " + id);
        }
        return r;
    }

    static Map<String, Object> saveResult(String id, SalesforceError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (id != null) {
            m.put("id", id);
        }
        m.put("success", e == null);
        m.put("errors", e == null ? List.of() : List.of(ApiResponse.saveError(e)));
        return m;
    }

    private static Map<String, Object> upsertResult(String id, boolean created) {
        Map<String, Object> m = saveResult(id, null);
        m.put("created", created);
        return m;
    }

    static double versionNumber(String version) {
        return Double.parseDouble(version.substring(1));
    }

    private static Long rfc1123(String value) {
        try {
            return ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static void requireMethod(ApiRequest req, String... allowed) {
        for (String m : allowed) {
            if (m.equals(req.method())) {
                return;
            }
        }
        throw methodNotAllowed(req, String.join(", ", allowed));
    }

    static SalesforceError methodNotAllowed(ApiRequest req, String allowed) {
        return new SalesforceError(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + req.method() + "' not allowed. Allowed are " + allowed);
    }
}
