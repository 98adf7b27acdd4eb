package io.tandem.emulator.http;

import io.tandem.emulator.org.ObjectDef;
import io.tandem.emulator.org.Record;
import io.tandem.emulator.org.SalesforceError;
import io.tandem.emulator.org.SfTime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /sobjects/{T}/updated} and {@code /deleted}: ids changed or deleted in a window, which is cut
 * to whole minutes and may reach 30 (updated) or 15 (deleted) days back.
 */
final class ChangeFeeds {

    private static final long DAY = 86_400_000L;

    private final Emulation emulation;

    ChangeFeeds(Emulation emulation) {
        this.emulation = emulation;
    }

    ApiResponse updated(ApiRequest req, ObjectDef type) {
        long[] window = window(req, 30, false);
        return emulation.org().read(() -> {
            List<String> ids = new ArrayList<>();
            for (Record r : emulation.org().rows(type)) {
                if (!r.isDeleted() && r.modstamp() >= window[0] && r.modstamp() < window[1]) {
                    ids.add(r.id());
                }
            }
            limitIds(ids.size());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ids", ids);
            body.put("latestDateCovered", SfTime.format(window[1]));
            return ApiResponse.json(200, body);
        });
    }

    ApiResponse deleted(ApiRequest req, ObjectDef type) {
        long[] window = window(req, 15, true);
        return emulation.org().read(() -> {
            List<Object> deleted = new ArrayList<>();
            for (Record r : emulation.org().rows(type)) {
                if (r.isDeleted() && r.deletedAt() >= window[0] && r.deletedAt() < window[1]) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("id", r.id());
                    d.put("deletedDate", SfTime.format(r.deletedAt()));
                    deleted.add(d);
                }
            }
            limitIds(deleted.size());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("deletedRecords", deleted);
            body.put("earliestDateAvailable", SfTime.format(emulation.org().now() - 15 * DAY));
            body.put("latestDateCovered", SfTime.format(window[1]));
            return ApiResponse.json(200, body);
        });
    }

    /** start and end, to the minute, checked the way getUpdated and getDeleted check them. */
    private long[] window(ApiRequest req, int maxDays, boolean deleted) {
        Long start = SfTime.parse(req.param("start"));
        Long end = SfTime.parse(req.param("end"));
        if (start == null || end == null) {
            throw SalesforceError.badRequest("MISSING_ARGUMENT", "start and end must be given as ISO-8601 date-times");
        }
        start = start / 60_000 * 60_000;
        end = end / 60_000 * 60_000;
        if (end <= start || (deleted && end - start < 60_000)) {
            throw SalesforceError.badRequest("INVALID_REPLICATION_DATE", "start date must chronologically precede end date");
        }
        if (start < emulation.org().now() - maxDays * DAY) {
            throw SalesforceError.badRequest("INVALID_REPLICATION_DATE", "startDate cannot be more than " + maxDays + " days ago");
        }
        return new long[] {start, Math.min(end, emulation.org().now() / 60_000 * 60_000)};
    }

    private static void limitIds(int count) {
        if (count > 600_000) {
            throw SalesforceError.badRequest("EXCEEDED_ID_LIMIT", "record limit reached. cannot submit more than 600000 records into this call");
        }
    }

}
