package io.tandem.domain.service;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One record to write to Salesforce: its object, its id (null to create it) and the values by the
 * field names of the org, in the order given.
 */
public record RecordWrite(String object, String id, Map<String, Object> fields) {

    public RecordWrite {
        fields = new LinkedHashMap<>(fields);
    }

    public static RecordWrite create(String object, Map<String, Object> fields) {
        return new RecordWrite(object, null, fields);
    }

    public static RecordWrite update(String object, String id, Map<String, Object> fields) {
        return new RecordWrite(object, id, fields);
    }

    public boolean isCreate() {
        return id == null;
    }
}
