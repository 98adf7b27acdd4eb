package io.tandem.domain.shared;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.Objects;

/**
 * A Salesforce record id, always kept in its 18-character form. Accepts the 15-character form and
 * checks the case checksum of the 18-character one, so a mangled id never gets stored.
 */
@Embeddable
public class SalesforceId {

    private static final String CHECKSUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
    private static final java.util.regex.Pattern SHAPE = java.util.regex.Pattern.compile("[A-Za-z0-9]{15}|[A-Za-z0-9]{18}");

    @Column(name = "sf_id", length = 18)
    private String value;

    protected SalesforceId() {
    }

    private SalesforceId(String value) {
        this.value = value;
    }

    public static SalesforceId of(String raw) {
        String id = raw == null ? "" : raw.trim();
        if (!SHAPE.matcher(id).matches()) {
            throw new InvalidValueException("salesforceId", "must be a 15- or 18-character Salesforce id");
        }
        String full = to18(id.substring(0, 15));
        if (id.length() == 18 && !full.equalsIgnoreCase(id)) {
            throw new InvalidValueException("salesforceId", "has a wrong checksum: " + id);
        }
        return new SalesforceId(full);
    }

    static String to18(String id15) {
        StringBuilder sb = new StringBuilder(id15);
        for (int chunk = 0; chunk < 3; chunk++) {
            int bits = 0;
            for (int j = 0; j < 5; j++) {
                char c = id15.charAt(chunk * 5 + j);
                if (c >= 'A' && c <= 'Z') {
                    bits |= 1 << j;
                }
            }
            sb.append(CHECKSUM.charAt(bits));
        }
        return sb.toString();
    }

    /** The three-character key prefix that names the object (00Q Lead, 003 Contact, 001 Account). */
    public String keyPrefix() {
        return value.substring(0, 3);
    }

    public String value() {
        return value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SalesforceId other && Objects.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
