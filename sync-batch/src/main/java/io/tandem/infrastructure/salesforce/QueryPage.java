package io.tandem.infrastructure.salesforce;

import jakarta.json.JsonObject;

import java.util.List;

/** One page of a SOQL result: the records, the total, and where the next page is (null when done). */
public record QueryPage(int totalSize, boolean done, String nextRecordsUrl, List<JsonObject> records) {
}
