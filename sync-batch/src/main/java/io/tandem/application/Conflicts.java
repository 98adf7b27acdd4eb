package io.tandem.application;

import io.tandem.application.internal.ContactInputParser;
import io.tandem.application.internal.ContactWriter;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.contact.FieldConflict;
import io.tandem.domain.model.contact.FieldConflictRepository;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.SyncSettingsRepository;
import io.tandem.domain.shared.InvalidValueException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The conflicts inbox (§8): true two-way conflicts the inbound sync met, with both values and times and
 * what was kept. An operator keeps the outcome, or sends the other value: Tandem's back to Salesforce (a
 * change here, queued as any other), or Salesforce's into Tandem (not sent back); one at a time or up to
 * {@value #MAX_BULK} at once.
 */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class Conflicts {

    public static final int MAX_BULK = 1000;

    public record ConflictView(long id, long contactId, String email, String field, String tandemValue, Instant tandemAt,
                               String salesforceValue, Instant salesforceAt, String kept, String reason, Instant detectedAt,
                               String resolution, String resolvedBy, Instant resolvedAt) {
    }

    @Inject
    FieldConflictRepository conflicts;
    @Inject
    ContactRepository contacts;
    @Inject
    ContactWriter writer;
    @Inject
    Outbox outbox;
    @Inject
    SyncSettingsRepository settings;
    @Resource
    SessionContext session;

    /** Open conflicts (or all), newest first. */
    public Page<ConflictView> list(boolean openOnly, String cursor, Integer limit) {
        int size = Cursors.limit(limit);
        List<FieldConflict> rows = conflicts.page(openOnly, Cursors.read(cursor), size + 1);
        List<FieldConflict> page = rows.subList(0, Math.min(size, rows.size()));
        Map<Long, String> emails = new HashMap<>();
        contacts.findAll(page.stream().map(FieldConflict::contactId).distinct().toList()).forEach(c -> emails.put(c.id(), c.email().address()));
        return new Page<>(page.stream().map(c -> view(c, emails.get(c.contactId()))).toList(), conflicts.count(openOnly),
                rows.size() > size ? Cursors.after(rows.get(size - 1).id()) : null);
    }

    /** Ends conflicts: {@code keep} what was kept, or {@code send_other} to bring the other value. */
    @RolesAllowed(Roles.OPERATOR)
    public List<ConflictView> resolve(List<Long> ids, String choice) {
        if (ids == null || ids.isEmpty()) {
            throw new InvalidRequestException("ids", "name at least one conflict");
        }
        if (ids.size() > MAX_BULK) {
            throw new TooLargeException("ids", "at most " + MAX_BULK + " conflicts at once");
        }
        String how = choice == null ? "" : choice.trim().toLowerCase(Locale.ROOT);
        if (!how.equals("keep") && !how.equals("send_other")) {
            throw new InvalidRequestException("choice", "must be keep or send_other");
        }
        Map<Long, FieldConflict> found = new LinkedHashMap<>();
        conflicts.findAll(ids).forEach(c -> found.put(c.id(), c));
        for (Long id : ids) {
            if (!found.containsKey(id)) {
                throw new UnknownRecordException("conflict", id);
            }
        }
        Instant now = Instant.now();
        String by = session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
        List<ConflictView> done = new ArrayList<>();
        for (FieldConflict c : found.values()) {
            try {
                c.resolve(how.equals("keep") ? FieldConflict.Resolution.KEPT : FieldConflict.Resolution.OTHER_SENT, by, now);
            } catch (InvalidValueException e) {
                throw new ConflictException("id", e.getMessage());
            }
            Contact contact = contacts.find(c.contactId()).orElseThrow(() -> new UnknownRecordException("contact", c.contactId()));
            if (how.equals("send_other")) {
                sendOther(contact, c, now);
            }
            done.add(view(c, contact.email().address()));
        }
        return done;
    }

    /**
     * The value the contact does not hold: Tandem's goes back out (a change made here, under the field's
     * mode in the drain like any other); Salesforce's is taken here (not sent back).
     */
    private void sendOther(Contact contact, FieldConflict c, Instant now) {
        boolean tandemsBack = c.kept() == FieldConflict.Side.SALESFORCE;
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("email", contact.email().address());
        if (c.field().startsWith(Contact.CUSTOM_PREFIX)) {
            Map<String, Object> custom = new HashMap<>();
            custom.put(c.field().substring(Contact.CUSTOM_PREFIX.length()), c.otherValue());
            values.put("customFields", custom);
        } else {
            values.put(c.field(), c.otherValue());
        }
        ContactInputParser.Parsed p = writer.parser().parse(new ContactInput(values), true);
        if (!p.isValid()) {
            throw new InvalidInputException(p.errors());
        }
        Set<String> changed = contact.apply(p.changes(), false, tandemsBack ? SystemSource.UI : SystemSource.SALESFORCE, now);
        if (tandemsBack && settings.current().queues(contact, changed)) {
            outbox.enqueue(List.of(OutboxEntry.contact(contact.id(), OutboxEntry.Operation.UPSERT, changed, SystemSource.UI, now)));
        }
    }

    private static ConflictView view(FieldConflict c, String email) {
        return new ConflictView(c.id(), c.contactId(), email, c.field(), c.tandemValue(), c.tandemAt(), c.salesforceValue(), c.salesforceAt(),
                c.kept().name().toLowerCase(Locale.ROOT), c.reason(), c.detectedAt(), c.resolution() == null ? null
                : c.resolution().toLowerCase(Locale.ROOT), c.resolvedBy(), c.resolvedAt());
    }
}
