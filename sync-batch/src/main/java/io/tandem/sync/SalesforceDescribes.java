package io.tandem.sync;

import io.tandem.domain.model.sync.ApiCallLedger;
import io.tandem.domain.service.SalesforceField;
import io.tandem.domain.service.SalesforceGateway;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the org says its objects' fields are, cached per object: a describe is one call (counted against
 * the limits like any other), and the mappings and every outbound value are checked against it. An object's
 * entry is read again once a day, when a mapping changes, and after Salesforce refused a field by name
 * ({@code INVALID_FIELD}, {@code No such column}): the org's fields changed under us.
 */
@ApplicationScoped
public class SalesforceDescribes {

    private static final Duration KEEP = Duration.ofHours(24);

    @Inject
    ApiCallLedger ledger;

    private record Described(Map<String, SalesforceField> fields, Instant at) {
    }

    private final Map<String, Described> cache = new ConcurrentHashMap<>();

    /**
     * The object's fields by API name, from the cache while it is fresh, read through a gateway whose caller
     * counts its calls (the drain counts every call of a batch, a describe included).
     */
    public Map<String, SalesforceField> fields(SalesforceGateway gateway, String object) {
        Described d = cache.get(object);
        if (d != null && d.at().plus(KEEP).isAfter(Instant.now())) {
            return d.fields();
        }
        return describe(gateway, object);
    }

    /** Reads the object again now (a mapping is about to change), the call counted against the limits here. */
    public Map<String, SalesforceField> read(SalesforceGateway gateway, String object) {
        long before = gateway.callsSent();
        try {
            return describe(gateway, object);
        } finally {
            ledger.record((int) (gateway.callsSent() - before));
        }
    }

    private Map<String, SalesforceField> describe(SalesforceGateway gateway, String object) {
        Map<String, SalesforceField> fields = new LinkedHashMap<>();
        gateway.describe(object).forEach(f -> fields.put(f.name(), f));
        cache.put(object, new Described(Map.copyOf(fields), Instant.now()));
        return fields;
    }

    /** Forgets every object: the next use reads them again. */
    public void forget() {
        cache.clear();
    }

    /**
     * After Salesforce refused a field by name ({@code INVALID_FIELD}: "No such column", or one that takes no
     * writes), the org's fields changed: forgets them. Answers whether it did.
     */
    public boolean forgetIfFieldsChanged(String errorCode) {
        if ("INVALID_FIELD".equals(errorCode) || "INVALID_FIELD_FOR_INSERT_UPDATE".equals(errorCode)) {
            forget();
            return true;
        }
        return false;
    }
}
