package io.tandem.infrastructure.salesforce;

import java.util.Optional;

/** The org's API requests in the rolling 24 hours, as the last response's {@code Sforce-Limit-Info} said. */
public record ApiUsage(long used, long max) {

    /** Reads {@code api-usage=18/5000}, ignoring the other {@code ;}-separated parts. */
    public static Optional<ApiUsage> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        for (String part : header.split(";")) {
            String p = part.trim();
            if (p.startsWith("api-usage=")) {
                String[] nums = p.substring("api-usage=".length()).split("/");
                try {
                    return Optional.of(new ApiUsage(Long.parseLong(nums[0].trim()), Long.parseLong(nums[1].trim())));
                } catch (RuntimeException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
