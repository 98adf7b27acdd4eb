package io.tandem.emulator.http;

import io.tandem.emulator.org.SalesforceError;

import java.util.LinkedHashMap;
import java.util.Map;

/** Routes a call below {@code /services/data/vXX.X/} to its endpoint. */
final class RestApi {

    private final Emulation emulation;
    private final SObjectEndpoints sobjects;
    private final QueryEndpoints query;
    private final CollectionEndpoints collections;
    private final CompositeEndpoint composite;
    private final BulkQueryEndpoints bulk;

    RestApi(Emulation emulation) {
        this.emulation = emulation;
        this.sobjects = new SObjectEndpoints(emulation);
        this.query = new QueryEndpoints(emulation);
        this.collections = new CollectionEndpoints(emulation, sobjects);
        this.composite = new CompositeEndpoint(emulation, this);
        this.bulk = new BulkQueryEndpoints(emulation);
    }

    ApiResponse dispatch(ApiRequest req) {
        try {
            String first = req.segment(0);
            if (first == null) {
                return resources(req);
            }
            return switch (first) {
                case "sobjects" -> sobjects.handle(req);
                case "query" -> query.handle(req, false);
                case "queryAll" -> query.handle(req, true);
                case "limits" -> limits(req);
                case "composite" -> "sobjects".equals(req.segment(1)) ? collections.handle(req)
                        : req.segments().size() == 1 ? composite.handle(req) : notFound();
                case "jobs" -> "query".equals(req.segment(1)) ? bulk.handle(req) : notFound();
                default -> notFound();
            };
        } catch (SalesforceError e) {
            return ApiResponse.error(e);
        }
    }

    private static ApiResponse notFound() {
        throw SalesforceError.notFound();
    }

    private ApiResponse resources(ApiRequest req) {
        String base = "/services/data/" + req.version();
        Map<String, Object> m = new LinkedHashMap<>();
        for (String r : new String[] {"sobjects", "query", "queryAll", "limits", "composite", "jobs/query"}) {
            m.put(r.equals("jobs/query") ? "jobs" : r, base + "/" + r);
        }
        return ApiResponse.json(200, m);
    }

    private ApiResponse limits(ApiRequest req) {
        SObjectEndpoints.requireMethod(req, "GET");
        long max = emulation.settings().dailyApiLimit();
        long used = emulation.usage().used(emulation.org().nowMillis());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("DailyApiRequests", limit(max, Math.max(0, max - used)));
        m.put("DailyBulkApiBatches", limit(15_000, 15_000));
        m.put("DailyBulkV2QueryJobs", limit(10_000, 10_000 - emulation.bulkJobs().all().size()));
        m.put("DailyBulkV2QueryFileStorageMB", limit(976_562, 976_562));
        m.put("DataStorageMB", limit(1024, 1024 - Math.min(1024, emulation.org().size() / 500)));
        m.put("ConcurrentAsyncGetReportInstances", limit(200, 200));
        return ApiResponse.json(200, m);
    }

    private static Map<String, Object> limit(long max, long remaining) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Max", max);
        m.put("Remaining", remaining);
        return m;
    }
}
