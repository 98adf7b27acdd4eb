package io.tandem.domain.model.company;

import io.tandem.domain.shared.InvalidValueException;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * The company fields an administrator maps to Account fields, beside the name and website every company
 * carries to its Account as Name and Website: industry, annual revenue, employees.
 */
public enum CompanyField {
    INDUSTRY("company.industry"), ANNUAL_REVENUE("company.annualRevenue"), EMPLOYEES("company.employees");

    private static final int MAX_TEXT = 255;
    private static final BigDecimal MAX_REVENUE = new BigDecimal("9999999999999999.99");

    private final String apiName;

    CompanyField(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static CompanyField byName(String name) {
        return Arrays.stream(values()).filter(f -> f.apiName.equals(name)).findFirst().orElse(null);
    }

    public boolean isNumber() {
        return this != INDUSTRY;
    }

    /** The longest text the field holds (0 for numbers). */
    public int maxLength() {
        return this == INDUSTRY ? MAX_TEXT : 0;
    }

    /** The value as stored: trimmed text, an amount with two decimals at most, a whole number of people; null for empty. */
    public Object normalize(Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        String text = value.toString().trim();
        if (this == INDUSTRY) {
            if (text.length() > MAX_TEXT) {
                throw new InvalidValueException(apiName, "is longer than " + MAX_TEXT + " characters");
            }
            return text;
        }
        BigDecimal n;
        try {
            n = value instanceof BigDecimal d ? d : new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(apiName, "must be a number, was '" + text + "'");
        }
        if (n.signum() < 0) {
            throw new InvalidValueException(apiName, "must not be negative");
        }
        if (this == EMPLOYEES) {
            try {
                return n.intValueExact();
            } catch (ArithmeticException e) {
                throw new InvalidValueException(apiName, "must be a whole number up to " + Integer.MAX_VALUE);
            }
        }
        if (n.compareTo(MAX_REVENUE) > 0) {
            throw new InvalidValueException(apiName, "is larger than " + MAX_REVENUE.toPlainString());
        }
        return n.setScale(Math.min(2, Math.max(0, n.stripTrailingZeros().scale())), java.math.RoundingMode.HALF_UP);
    }
}
