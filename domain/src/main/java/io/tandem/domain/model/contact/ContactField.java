package io.tandem.domain.model.contact;

import io.tandem.domain.shared.InvalidValueException;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The standard fields of a contact, by their API names, with the lengths Salesforce allows for the
 * matching Lead and Contact fields, so a value that fits here fits there.
 */
public enum ContactField {
    FIRST_NAME("firstName", 40), LAST_NAME("lastName", 80), PHONE("phone", 40), TITLE("title", 128),
    CITY("city", 40), STATE("state", 80), COUNTRY("country", 80), LEAD_SCORE("leadScore", 0),
    TRAFFIC_SOURCE("trafficSource", 255), UTM_SOURCE("utmSource", 255), UTM_MEDIUM("utmMedium", 255),
    UTM_CAMPAIGN("utmCampaign", 255);

    private static final Map<String, ContactField> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toMap(ContactField::apiName, Function.identity()));

    private final String apiName;
    private final int maxLength;

    ContactField(String apiName, int maxLength) {
        this.apiName = apiName;
        this.maxLength = maxLength;
    }

    public String apiName() {
        return apiName;
    }

    /** The longest text the field holds (0 for the lead score, a number). */
    public int maxLength() {
        return maxLength;
    }

    public static ContactField byName(String name) {
        return BY_NAME.get(name);
    }

    /** The value as stored: trimmed text (empty means none) or an integer for the lead score. */
    public Object normalize(Object value) {
        if (value == null) {
            return null;
        }
        if (this == LEAD_SCORE) {
            if (value instanceof Integer i) {
                return i;
            }
            String s = value.toString().trim();
            if (s.isEmpty()) {
                return null;
            }
            try {
                return new java.math.BigDecimal(s).intValueExact();
            } catch (NumberFormatException | ArithmeticException e) {
                throw new InvalidValueException(apiName, "must be a whole number");
            }
        }
        String s = value.toString().trim();
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > maxLength) {
            throw new InvalidValueException(apiName, "is longer than " + maxLength + " characters");
        }
        return s;
    }
}
