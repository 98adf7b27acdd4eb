package io.tandem.emulator.http;

import io.tandem.emulator.json.Json;
import io.tandem.emulator.json.JsonException;
import io.tandem.emulator.org.Dml;
import io.tandem.emulator.org.FieldDef;
import io.tandem.emulator.org.FieldType;
import io.tandem.emulator.org.Schema;
import io.tandem.emulator.org.Org;
import io.tandem.emulator.org.Record;
import io.tandem.emulator.org.RecordView;
import io.tandem.emulator.org.SalesforceError;
import io.tandem.emulator.org.Seeder;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.spec.X509EncodedKeySpec;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /__emulator/…}: not Salesforce's surface but the test's and the demo's: reset, seed, act as a
 * sales rep, convert, merge, add fields, configure limits, sessions and faults, read the call log.
 * Nothing here counts against the API limit.
 */
final class ControlEndpoints {

    private final Emulation emulation;
    private final RestApi api;

    ControlEndpoints(Emulation emulation, RestApi api) {
        this.emulation = emulation;
        this.api = api;
    }

    ApiResponse handle(String method, List<String> segs, Map<String, String> params, String body) {
        String what = segs.isEmpty() ? "" : segs.get(0);
        return switch (what) {
            case "reset" -> {
                emulation.reset();
                yield ApiResponse.json(200, Map.of("status", "reset", "users", emulation.users()));
            }
            case "seed" -> seed(object(body));
            case "calls" -> {
                if (method.equals("DELETE")) {
                    emulation.calls().clear();
                }
                yield ApiResponse.json(200, emulation.calls().describe());
            }
            case "config" -> method.equals("GET") ? ApiResponse.json(200, config()) : configure(object(body));
            case "counts" -> ApiResponse.json(200, emulation.counts());
            case "users" -> ApiResponse.json(200, emulation.users());
            case "as-rep" -> asRep(method, segs, params, body);
            case "convert" -> convert(segs, body);
            case "merge" -> merge(object(body));
            case "fields" -> addField(object(body));
            case "campaign-members" -> addCampaignMembers(object(body));
            case "records" -> record(segs);
            case "query" -> query(params);
            case "refresh-token" -> refreshToken(object(body));
            default -> throw SalesforceError.notFound();
        };
    }

    private ApiResponse seed(Map<String, Object> spec) {
        Map<String, Integer> created = Seeder.seed(emulation.org(), emulation.dml(), emulation.actions(), emulation.users(),
                integer(spec, "accounts", 0), integer(spec, "contacts", 0), integer(spec, "leads", 0),
                integer(spec, "campaigns", 0), integer(spec, "seed", 1));
        return ApiResponse.json(200, Map.of("created", created, "counts", emulation.counts()));
    }

    private Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dailyApiLimit", emulation.settings().dailyApiLimit());
        m.put("apiUsage", emulation.usage().used(emulation.org().nowMillis()));
        m.put("tokenLifetimeSeconds", emulation.settings().tokenLifetimeSeconds());
        m.put("organizationId", emulation.settings().organizationId());
        m.put("leadAssignmentOwnerId", emulation.settings().leadAssignmentOwnerId());
        m.put("faults", emulation.faults().describe());
        return m;
    }

    @SuppressWarnings("unchecked")
    private ApiResponse configure(Map<String, Object> c) {
        Org org = emulation.org();
        if (c.get("dailyApiLimit") instanceof Number n) {
            emulation.settings().dailyApiLimit(n.longValue());
        }
        if (c.get("apiUsage") instanceof Number n) {
            emulation.usage().set(n.longValue(), org.nowMillis());
        }
        if (c.get("tokenLifetimeSeconds") instanceof Number n) {
            emulation.settings().tokenLifetimeSeconds(n.longValue());
        }
        if (c.containsKey("leadAssignmentRule")) {
            Object rule = c.get("leadAssignmentRule");
            String owner = null;
            if (rule instanceof Map<?, ?> r && !Boolean.FALSE.equals(r.get("active"))) {
                owner = r.get("ownerId") == null ? emulation.users().get("webLeadsQueue") : r.get("ownerId").toString();
            }
            emulation.settings().leadAssignmentOwnerId(owner);
        }
        if (c.get("faults") instanceof Map<?, ?> f) {
            emulation.faults().configure((Map<String, Object>) f, org.nowMillis());
        }
        if (c.get("advanceClockSeconds") instanceof Number n) {
            org.advanceClock(n.longValue() * 1000);
        }
        if (c.get("organizationId") instanceof String id && !id.equals(emulation.settings().organizationId())) {
            if (!id.matches("00D[0-9A-Za-z]{12}([0-9A-Za-z]{3})?")) {
                throw SalesforceError.badRequest("INVALID_FIELD", "organizationId must be an org id (00D…, 15 or 18 characters)");
            }
            // another org: the sessions of the one before are not valid there
            emulation.settings().organizationId(id);
            emulation.sessions().expireAll();
        }
        if (Boolean.TRUE.equals(c.get("expireSessions"))) {
            emulation.sessions().expireAll();
        }
        if (c.get("clients") instanceof List<?> clients) {
            for (Object o : clients) {
                Map<String, Object> cl = (Map<String, Object>) o;
                emulation.sessions().addClient(new Sessions.Client(String.valueOf(cl.get("clientId")),
                        String.valueOf(cl.get("clientSecret")), emulation.org().integrationUserId()));
            }
        }
        if (c.get("jwt") instanceof Map<?, ?> jwt) {
            String clientId = String.valueOf(jwt.get("clientId"));
            if (emulation.sessions().client(clientId) == null) {
                emulation.sessions().addClient(new Sessions.Client(clientId, "", null));
            }
            emulation.sessions().jwtKey(clientId, publicKey(String.valueOf(jwt.get("certificate"))));
        }
        return ApiResponse.json(200, config());
    }

    private static PublicKey publicKey(String pem) {
        try {
            if (pem.contains("BEGIN CERTIFICATE")) {
                return CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(pem.getBytes())).getPublicKey();
            }
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw SalesforceError.badRequest("INVALID_CERTIFICATE", "Not a PEM certificate or RSA public key: " + e.getMessage());
        }
    }

    /** As a sales rep in the Salesforce UI: create, edit or delete without API calls. */
    private ApiResponse asRep(String method, List<String> segs, Map<String, String> params, String body) {
        if (segs.size() < 2) {
            throw SalesforceError.notFound();
        }
        var type = emulation.org().schema().require(segs.get(1));
        String userId = params.getOrDefault("userId", emulation.repUserId());
        Dml.Context ctx = new Dml.Context(userId, Boolean.FALSE);
        Dml dml = emulation.dml();
        if (segs.size() == 2 && method.equals("POST")) {
            Record r = dml.atomically(undo -> dml.create(type, object(body), ctx, undo));
            return ApiResponse.json(201, SObjectEndpoints.saveResult(r.id(), null));
        }
        if (segs.size() != 3) {
            throw SalesforceError.notFound();
        }
        String id = segs.get(2);
        dml.atomically(undo -> {
            Record r = emulation.org().find(id);
            if (r == null || r.type() != type) {
                throw SalesforceError.notFound();
            }
            switch (method) {
                case "PATCH", "POST" -> dml.update(r, object(body), ctx, undo);
                case "DELETE" -> dml.delete(r, ctx, undo);
                default -> throw SalesforceError.badRequest("METHOD_NOT_ALLOWED", "Use PATCH or DELETE");
            }
            return r;
        });
        return ApiResponse.noContent();
    }

    private ApiResponse convert(List<String> segs, String body) {
        if (segs.size() != 2) {
            throw SalesforceError.notFound();
        }
        Map<String, Object> options = body == null || body.isBlank() ? Map.of() : object(body);
        return ApiResponse.json(200, emulation.actions().convert(segs.get(1), string(options, "accountId"),
                string(options, "contactId"), Boolean.TRUE.equals(options.get("createOpportunity")), emulation.repUserId()));
    }

    @SuppressWarnings("unchecked")
    /**
     * {@code {"campaignId", "ids": [Lead or Contact ids], "status"}}: makes them members of the campaign at
     * once, as a rep would one by one (for benchmarks); people already members, or gone, are counted, not added.
     */
    private ApiResponse addCampaignMembers(Map<String, Object> spec) {
        String campaignId = string(spec, "campaignId");
        String status = spec.get("status") == null ? null : spec.get("status").toString();
        if (!(spec.get("ids") instanceof List<?> ids)) {
            throw SalesforceError.badRequest("JSON_PARSER_ERROR", "ids is required");
        }
        var type = emulation.org().schema().require("CampaignMember");
        Dml.Context ctx = new Dml.Context(emulation.repUserId(), Boolean.FALSE);
        int[] counts = new int[2];
        emulation.org().write(() -> {
            List<Runnable> ignored = new java.util.ArrayList<>();
            for (Object id : ids) {
                Record person = emulation.org().find(String.valueOf(id));
                if (person == null || person.isDeleted()) {
                    counts[1]++;
                    continue;
                }
                Map<String, Object> fields = new java.util.LinkedHashMap<>();
                fields.put("CampaignId", campaignId);
                fields.put(person.type().name().equals("Lead") ? "LeadId" : "ContactId", person.id());
                if (status != null) {
                    fields.put("Status", status);
                }
                try {
                    emulation.dml().create(type, fields, ctx, ignored);
                    counts[0]++;
                } catch (SalesforceError notAdded) {
                    counts[1]++;
                }
                ignored.clear();
            }
            return null;
        });
        return ApiResponse.json(200, Map.of("added", counts[0], "notAdded", counts[1]));
    }

    private ApiResponse merge(Map<String, Object> spec) {
        Object ids = spec.get("mergeIds");
        return ApiResponse.json(200, emulation.actions().merge(string(spec, "masterId"),
                ids instanceof List<?> l ? (List<String>) l : List.of(), emulation.repUserId()));
    }

    @SuppressWarnings("unchecked")
    private ApiResponse addField(Map<String, Object> spec) {
        Object picklist = spec.get("picklistValues");
        Schema.CustomFieldOptions options = new Schema.CustomFieldOptions(integer(spec, "length", 0),
                Boolean.TRUE.equals(spec.get("externalId")), picklist instanceof List<?> l ? (List<String>) l : List.of(),
                Boolean.TRUE.equals(spec.get("restricted")), Boolean.TRUE.equals(spec.get("required")), integer(spec, "precision", 0),
                integer(spec, "scale", 0), !Boolean.FALSE.equals(spec.get("updateable")));
        FieldDef f = emulation.org().write(() -> emulation.org().schema().addCustomField(string(spec, "object"),
                string(spec, "name"), FieldType.parse(String.valueOf(spec.getOrDefault("type", "string"))), options));
        return ApiResponse.json(201, Map.of("object", string(spec, "object"), "name", f.name(), "type", f.type().describeName()));
    }

    private ApiResponse record(List<String> segs) {
        if (segs.size() != 2) {
            throw SalesforceError.notFound();
        }
        return emulation.org().read(() -> {
            Record r = emulation.org().find(segs.get(1));
            if (r == null) {
                throw SalesforceError.notFound();
            }
            Map<String, Object> m = RecordView.all(r, "v62.0");
            m.put("IsDeleted", r.isDeleted());
            return ApiResponse.json(200, m);
        });
    }

    /** SOQL without a session and without counting: for tests that check what reached the org. */
    private ApiResponse query(Map<String, String> params) {
        ApiRequest req = new ApiRequest("GET", "v62.0", List.of("queryAll"), params, Map.of(), null, emulation.org().integrationUserId());
        return api.dispatch(req);
    }

    private ApiResponse refreshToken(Map<String, Object> spec) {
        String clientId = string(spec, "clientId");
        if (emulation.sessions().client(clientId) == null) {
            throw SalesforceError.badRequest("INVALID_CLIENT", "Unknown client " + clientId);
        }
        return ApiResponse.json(200, Map.of("refresh_token",
                emulation.sessions().issueRefreshToken(emulation.org().integrationUserId(), clientId)));
    }

    private static Map<String, Object> object(String body) {
        if (body == null || body.isBlank()) {
            return Map.of();
        }
        try {
            return Json.parseObject(body);
        } catch (JsonException e) {
            throw SalesforceError.badRequest("JSON_PARSER_ERROR", e.getMessage());
        }
    }

    private static String string(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    private static int integer(Map<String, Object> m, String key, int fallback) {
        return m.get(key) instanceof Number n ? n.intValue() : fallback;
    }
}
