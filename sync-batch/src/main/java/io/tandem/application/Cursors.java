package io.tandem.application;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque list cursors: the last id of a page, so the next page starts after it whatever was added since. */
final class Cursors {

    private Cursors() {
    }

    static String after(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + id).getBytes(StandardCharsets.UTF_8));
    }

    static long read(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String s = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (s.startsWith("after:")) {
                return Long.parseLong(s.substring(6));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new InvalidRequestException("cursor", "is not a cursor this API gave out");
    }

    static int limit(Integer requested) {
        if (requested == null) {
            return 50;
        }
        if (requested < 1 || requested > 1000) {
            throw new InvalidRequestException("limit", "must be between 1 and 1000");
        }
        return requested;
    }
}
