package io.tandem.application.internal;

import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.shared.EmailAddress;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Contacts a request names by id or by email, read in two queries whatever their number; {@link #find}
 * answers each reference's contact, or null when there is none.
 */
public final class ContactRefs {

    /** A contact as a request names it: by id, else by email. */
    public record Ref(Long contactId, String email) {
    }

    private final Map<Long, Contact> byId = new HashMap<>();
    private final Map<String, Contact> byEmail = new HashMap<>();

    private ContactRefs() {
    }

    public static ContactRefs read(ContactRepository contacts, Collection<Ref> refs) {
        ContactRefs found = new ContactRefs();
        Set<Long> ids = new LinkedHashSet<>();
        Set<String> keys = new LinkedHashSet<>();
        for (Ref r : refs) {
            if (r != null && r.contactId() != null) {
                ids.add(r.contactId());
            } else if (r != null && r.email() != null) {
                keys.add(EmailAddress.keyOf(r.email()));
            }
        }
        contacts.findAll(ids).forEach(c -> found.byId.put(c.id(), c));
        contacts.findByEmailKeys(keys).forEach(c -> found.byEmail.put(c.email().key(), c));
        return found;
    }

    public Contact find(Ref r) {
        if (r == null) {
            return null;
        }
        return r.contactId() != null ? byId.get(r.contactId()) : r.email() == null ? null : byEmail.get(EmailAddress.keyOf(r.email()));
    }

    /** Every contact found. */
    public Collection<Contact> all() {
        Map<Long, Contact> all = new HashMap<>(byId);
        byEmail.values().forEach(c -> all.put(c.id(), c));
        return all.values();
    }
}
