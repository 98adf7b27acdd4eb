package io.tandem.application.internal;

import io.tandem.application.InvalidRequestException;
import io.tandem.domain.model.contact.ContactFilter;

import java.util.Map;
import java.util.Set;

/**
 * An action's contacts chosen by the contact list's filters ({@code email}, {@code q}, {@code companyId},
 * {@code linked}), as the request gave them and as the job reads them back.
 */
public final class ActionSelections {

    private static final Set<String> NAMES = Set.of("email", "q", "companyId", "linked");

    private ActionSelections() {
    }

    /** The filter a request's {@code contacts.filter} means; a name the list does not filter by is refused. */
    public static ContactFilter filter(Map<String, Object> filter) {
        for (String name : filter.keySet()) {
            if (!NAMES.contains(name)) {
                throw new InvalidRequestException("contacts.filter." + name, "is not a contact filter (they are email, q, companyId, linked)");
            }
        }
        Object company = filter.get("companyId");
        Object linked = filter.get("linked");
        if (linked != null && !(linked instanceof Boolean)) {
            throw new InvalidRequestException("contacts.filter.linked", "must be true or false");
        }
        Long companyId;
        try {
            companyId = company == null ? null : Long.valueOf(company.toString());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("contacts.filter.companyId", "must be a whole number");
        }
        return new ContactFilter(text(filter.get("email")), text(filter.get("q")), companyId, (Boolean) linked);
    }

    /** The filter an action stored with its selection ({@code {"filter": {…}}}). */
    @SuppressWarnings("unchecked")
    public static ContactFilter stored(Map<String, Object> selection) {
        Object filter = selection.get("filter");
        return filter(filter instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
    }

    private static String text(Object v) {
        return v == null || v.toString().isBlank() ? null : v.toString().trim();
    }
}
