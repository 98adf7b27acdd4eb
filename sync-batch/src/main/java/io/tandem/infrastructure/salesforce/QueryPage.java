package io.tandem.infrastructure.salesforce;

import jakarta.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** One page of a SOQL result: the records, the total, and where the next page is (null when done). */
public record QueryPage(int totalSize, boolean done, String nextRecordsUrl, List<JsonObject> records) {

    /** The page a query answers, as JSON. */
    static QueryPage of(JsonObject o) {
        List<JsonObject> records = new ArrayList<>();
        o.getJsonArray("records").forEach(v -> records.add(v.asJsonObject()));
        return new QueryPage(o.getInt("totalSize"), o.getBoolean("done"),
                o.containsKey("nextRecordsUrl") && !o.isNull("nextRecordsUrl") ? o.getString("nextRecordsUrl") : null, records);
    }
}
