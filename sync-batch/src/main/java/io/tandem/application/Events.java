package io.tandem.application;

import io.tandem.application.internal.ContactRefs;
import io.tandem.application.internal.ContactWriter;
import io.tandem.application.internal.WorkflowTriggers;
import io.tandem.domain.model.workflow.Trigger;
import io.tandem.domain.model.activity.ContactEvent;
import io.tandem.domain.model.activity.ContactEventRepository;
import io.tandem.domain.model.activity.EventSettings;
import io.tandem.domain.model.activity.EventType;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.model.sync.Outbox;
import io.tandem.domain.model.sync.OutboxEntry;
import io.tandem.domain.model.sync.RecordType;
import io.tandem.domain.shared.EmailAddress;
import io.tandem.domain.shared.InvalidValueException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marketing events on contacts (§7): form submissions, email clicks, page visits, one or up to
 * {@value #MAX_BATCH} at once. A form submission also upserts its contact by email (source: form). Each
 * event of a type Settings → Activity pushes is queued to become one completed Task on the contact's Lead
 * or Contact.
 */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class Events {

    public static final int MAX_BATCH = 1000;

    /**
     * One event as sent: its contact by {@code contactId} or {@code email} (a form submission's email
     * upserts the contact, with the form's {@code contact} fields when given), its type, when ({@code at})
     * and its details.
     */
    public record EventInput(Long contactId, String email, String type, String at, Map<String, Object> details, ContactInput contact) {
    }

    /** One event's result: {@code recorded} with its id, or {@code failed} with the field and why. */
    public record EventResult(int index, Long id, Long contactId, String status, String field, String message) {
    }

    public record Recorded(int recorded, int failed, List<EventResult> results) {
    }

    public record EventView(long id, long contactId, String type, Instant at, Map<String, Object> details, String taskId,
                            Instant createdAt) {
    }

    /** Settings → Activity: the event types pushed as Tasks, and the Tasks' subtype. */
    public record ActivitySettings(List<String> pushedTypes, String taskSubtype) {
    }

    @Inject
    ContactEventRepository events;
    @Inject
    ContactRepository contacts;
    @Inject
    ContactWriter writer;
    @Inject
    Outbox outbox;
    @Inject
    WorkflowTriggers triggers;

    /** Records events; {@code contactId} (from the path) names the contact of events that name none. */
    @RolesAllowed(Roles.OPERATOR)
    public Recorded record(Long contactId, List<EventInput> inputs) {
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidRequestException("events", "name at least one event");
        }
        if (inputs.size() > MAX_BATCH) {
            throw new TooLargeException("events", "holds " + inputs.size() + " events; at most " + MAX_BATCH + " at once");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<Integer, Contact> formContacts = new HashMap<>();
        Map<Integer, FieldError> formRefused = new HashMap<>();
        upsertFormContacts(inputs, formContacts, formRefused);
        ContactRefs refs = ContactRefs.read(contacts, inputs.stream().map(e -> ref(contactId, e)).toList());
        List<EventResult> results = new ArrayList<>(inputs.size());
        List<ContactEvent> made = new ArrayList<>();
        Map<ContactEvent, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            EventInput in = inputs.get(i);
            if (in == null) {
                results.add(failed(i, null, "events[" + i + "]", "must be an object"));
                continue;
            }
            if (formRefused.containsKey(i)) {
                FieldError why = formRefused.get(i);
                results.add(failed(i, null, "contact." + why.field(), why.message() + " (a form submission upserts its contact)"));
                continue;
            }
            Contact contact = formContacts.containsKey(i) ? formContacts.get(i) : refs.find(ref(contactId, in));
            if (contact == null && in.contactId() == null && in.email() != null) {
                // a contact a form of this batch just made (its row is written with the others at the end of the upsert)
                contact = formContacts.values().stream().filter(c -> c.email().key().equals(EmailAddress.keyOf(in.email()))).findFirst().orElse(null);
            }
            if (contact == null) {
                ContactRefs.Ref r = ref(contactId, in);
                results.add(failed(i, r.contactId(), r.contactId() != null ? "contactId" : "email",
                        r.contactId() == null && r.email() == null ? "give contactId or email" : "no such contact"));
                continue;
            }
            try {
                ContactEvent e = new ContactEvent(contact.id(), EventType.parse(in.type()), instant(in.at()), in.details(), now);
                made.add(e);
                indexOf.put(e, i);
                results.add(null);
            } catch (InvalidValueException bad) {
                results.add(failed(i, contact.id(), bad.field(), bad.getMessage()));
            }
        }
        events.addAll(made);
        EventSettings settings = events.settings();
        List<OutboxEntry> queued = new ArrayList<>();
        for (ContactEvent e : made) {
            results.set(indexOf.get(e), new EventResult(indexOf.get(e), e.id(), e.contactId(), "recorded", null, null));
            if (settings.pushes(e.type())) {
                queued.add(new OutboxEntry(RecordType.EVENT, e.id(), OutboxEntry.Operation.UPSERT, Set.of(),
                        e.type() == EventType.FORM_SUBMITTED ? SystemSource.FORM : SystemSource.API, now));
            }
        }
        outbox.enqueue(queued);
        triggers.fire(made.stream().filter(e -> e.type() == EventType.FORM_SUBMITTED).map(e -> new WorkflowTriggers.Fired(e.contactId(),
                Trigger.Change.form(e.details().get("form") == null ? null : e.details().get("form").toString()))).toList());
        return new Recorded(made.size(), inputs.size() - made.size(), results);
    }

    /** One event on one contact; its view, or a 400 naming the field. */
    @RolesAllowed(Roles.OPERATOR)
    public EventView recordOne(long contactId, EventInput input) {
        EventResult r = record(contactId, List.of(input)).results().get(0);
        if (!"recorded".equals(r.status())) {
            if ("no such contact".equals(r.message())) {
                throw new UnknownRecordException("contact", contactId);
            }
            throw new InvalidRequestException(r.field(), r.message());
        }
        return view(events.findAll(List.of(r.id())).get(0));
    }

    /** A contact's events, newest first. */
    public Page<EventView> ofContact(long contactId, String cursor, Integer limit) {
        contacts.find(contactId).orElseThrow(() -> new UnknownRecordException("contact", contactId));
        int size = Cursors.limit(limit);
        List<ContactEvent> rows = events.ofContact(contactId, Cursors.read(cursor), size + 1);
        List<EventView> items = rows.subList(0, Math.min(size, rows.size())).stream().map(Events::view).toList();
        return new Page<>(items, events.countOfContact(contactId), rows.size() > size ? Cursors.after(rows.get(size - 1).id()) : null);
    }

    public ActivitySettings settings() {
        EventSettings s = events.settings();
        return new ActivitySettings(s.pushed().stream().map(EventType::code).toList(), s.taskSubtype());
    }

    @RolesAllowed(Roles.ADMIN)
    public ActivitySettings change(ActivitySettings wanted) {
        if (wanted == null || wanted.pushedTypes() == null) {
            throw new InvalidRequestException("pushedTypes", "is required: the event types pushed as Tasks (may be empty)");
        }
        try {
            List<EventType> types = wanted.pushedTypes().stream().map(EventType::parse).toList();
            events.settings().change(types, wanted.taskSubtype() == null ? events.settings().taskSubtype() : wanted.taskSubtype(), Instant.now());
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field().equals("type") ? "pushedTypes" : e.field(), e.getMessage());
        }
        return settings();
    }

    /**
     * Form submissions naming an email upsert their contact first (source: form, with the form's contact
     * fields): by index, the contact each one is for, or why its contact was refused.
     */
    private void upsertFormContacts(List<EventInput> inputs, Map<Integer, Contact> byIndex, Map<Integer, FieldError> refused) {
        List<Integer> indexes = new ArrayList<>();
        List<ContactInput> forms = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            EventInput in = inputs.get(i);
            if (in != null && in.contactId() == null && in.email() != null && "form_submitted".equalsIgnoreCase(String.valueOf(in.type()).trim())) {
                Map<String, Object> values = new LinkedHashMap<>(in.contact() == null ? Map.of() : in.contact().values());
                values.put("email", in.email());
                indexes.add(i);
                forms.add(new ContactInput(values));
            }
        }
        if (forms.isEmpty()) {
            return;
        }
        List<ContactWriter.Written> written = writer.write(forms, new UpsertOptions(false, false, null, SystemSource.FORM));
        for (int k = 0; k < written.size(); k++) {
            UpsertResult r = written.get(k).result();
            if (r.isFailed()) {
                refused.put(indexes.get(k), r.errors().get(0));
            } else {
                byIndex.put(indexes.get(k), written.get(k).contact());
            }
        }
    }

    private static ContactRefs.Ref ref(Long pathContactId, EventInput in) {
        if (in == null) {
            return null;
        }
        return new ContactRefs.Ref(in.contactId() != null ? in.contactId() : in.email() == null ? pathContactId : null, in.email());
    }

    private static Instant instant(String at) {
        if (at == null || at.isBlank()) {
            throw new InvalidValueException("at", "is required (an ISO-8601 instant, e.g. 2026-11-30T10:15:00Z)");
        }
        try {
            return Instant.parse(at.trim());
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("at", "is not an ISO-8601 instant (e.g. 2026-11-30T10:15:00Z)");
        }
    }

    private static EventResult failed(int index, Long contactId, String field, String message) {
        return new EventResult(index, null, contactId, "failed", field, message);
    }

    private static EventView view(ContactEvent e) {
        return new EventView(e.id(), e.contactId(), e.type().code(), e.occurredAt(), e.details(), e.taskId(), e.createdAt());
    }
}
