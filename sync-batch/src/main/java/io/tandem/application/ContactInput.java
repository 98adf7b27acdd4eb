package io.tandem.application;

import java.util.Map;

/**
 * A contact as a caller sent it: only the keys present (a null value clears a field). Keys are the
 * contact JSON's: {@code email}, the standard field names, {@code companyId}, {@code customFields}
 * (a map). Values are plain Java: String, BigDecimal, Boolean, Map, null.
 */
public record ContactInput(Map<String, Object> values) {
}
