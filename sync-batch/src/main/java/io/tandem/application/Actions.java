package io.tandem.application;

import io.tandem.application.internal.ActionSelections;
import io.tandem.application.internal.ActionTargets;
import io.tandem.domain.model.action.ActionKind;
import io.tandem.domain.model.action.ActionParameters;
import io.tandem.domain.model.action.ActionRepository;
import io.tandem.domain.model.action.ActionTarget;
import io.tandem.domain.model.action.SalesforceAction;
import io.tandem.domain.model.campaign.CampaignRepository;
import io.tandem.domain.model.contact.Contact;
import io.tandem.domain.model.contact.ContactRepository;
import io.tandem.domain.model.contact.SystemSource;
import io.tandem.domain.service.SalesforceFailure;
import io.tandem.domain.service.SalesforceGateway;
import io.tandem.domain.service.SalesforceOrg;
import io.tandem.domain.shared.InvalidValueException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Salesforce actions on contacts (§7): a Task, an add to a Salesforce campaign, a Lead given to a queue, a
 * push now. Contacts named by id (up to {@value #MAX_IDS}) become targets at once; contacts chosen by the
 * list's filters are resolved by the {@code salesforce-push} job, page by page. Either way each target goes
 * through the outbox and ends done, failed or skipped, shown on the action.
 */
@Stateless
@RolesAllowed(Roles.VIEWER)
public class Actions {

    /** Contacts one request may name by id. */
    public static final int MAX_IDS = 10_000;

    /** The contacts an action is for: {@code ids}, or a {@code filter} of the contact list's. */
    public record Selection(List<Long> ids, Map<String, Object> filter) {
    }

    /**
     * An action as the API shows it: what it asked, for whom, how far it is ({@code counts} by target status)
     * and each contact's outcome ({@code outcomes}: the first 100 in the list shape; {@code /contacts} pages on).
     */
    public record ActionView(long id, String action, Map<String, Object> parameters, Map<String, Object> contacts, String source,
                             String requestedBy, Long workflowId, Instant createdAt, long total, Map<String, Long> counts,
                             BatchJobs.Execution resolving, Page<TargetView> outcomes) {
    }

    /** One contact's outcome. */
    public record TargetView(long contactId, String status, String salesforceId, String errorCode, String message, Instant updatedAt) {
    }

    /** A queue or a user to pick. */
    public record Pick(String id, String name, String detail) {
    }

    @Inject
    ActionRepository actions;
    @Inject
    ActionTargets targets;
    @Inject
    ContactRepository contacts;
    @Inject
    CampaignRepository campaigns;
    @Inject
    SalesforceOrg org;
    @Inject
    BatchJobs jobs;
    @Resource
    SessionContext session;

    /** Asks for an action; its contacts by ids are targets on return, by a filter once the job has resolved them. */
    @RolesAllowed(Roles.OPERATOR)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public ActionView request(String action, Selection selection, Map<String, Object> parameters) {
        long id = open(action, selection, parameters, SystemSource.API, null);
        return get(id);
    }

    /**
     * Opens the action in a transaction of its own (its id-named contacts targeted with it), then starts
     * the job resolving a filter once that is committed; answers the action's id.
     */
    long open(String action, Selection selection, Map<String, Object> parameters, SystemSource source, Long workflowId) {
        ActionKind kind;
        ActionParameters checked;
        try {
            kind = ActionKind.parse(action);
            checked = ActionParameters.of(kind, parameters);
        } catch (InvalidValueException e) {
            throw new InvalidRequestException(e.field(), e.getMessage());
        }
        Long campaign = checked.number("campaignId");
        if (campaign != null) {
            campaigns.find(campaign).orElseThrow(() -> new InvalidRequestException("campaignId", "no campaign " + campaign));
        }
        Map<String, Object> chosen = chosen(selection);
        SalesforceAction a = new SalesforceAction(kind, checked, chosen, source, caller(), workflowId, Instant.now());
        long id = self().store(a, selection.ids());
        if (selection.ids() == null) {
            Properties props = new Properties();
            props.setProperty("actionId", Long.toString(id));
            self().resolvedBy(id, BatchRuntime.getJobOperator().start("salesforce-push", props));
        }
        return id;
    }

    /** The action and its id-named targets, in one transaction. */
    @RolesAllowed(Roles.OPERATOR)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public long store(SalesforceAction a, List<Long> ids) {
        actions.add(a);
        if (ids != null) {
            List<Long> found = contacts.findAll(ids).stream().map(Contact::id).toList();
            if (found.size() < new java.util.HashSet<>(ids).size()) {
                List<Long> missing = ids.stream().filter(i -> !found.contains(i)).limit(10).toList();
                throw new InvalidRequestException("contacts.ids", "no contacts with ids " + missing);
            }
            targets.target(a, ids);
        }
        return a.id();
    }

    @RolesAllowed(Roles.OPERATOR)
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void resolvedBy(long actionId, long execution) {
        actions.find(actionId).ifPresent(a -> a.resolvedBy(execution));
    }

    public ActionView get(long id) {
        return view(actions.find(id).orElseThrow(() -> new UnknownRecordException("action", id)), true);
    }

    /** The action with its counts (one query), and, when asked, its first 100 outcomes (one more). */
    private ActionView view(SalesforceAction a, boolean withOutcomes) {
        Map<ActionTarget.Status, Long> byStatus = actions.counts(a.id());
        Map<String, Long> counts = new LinkedHashMap<>();
        byStatus.forEach((status, n) -> counts.put(status.name().toLowerCase(Locale.ROOT), n));
        long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
        return new ActionView(a.id(), a.kind().code(), a.parameters().values(), a.selection(), a.source().name().toLowerCase(Locale.ROOT),
                a.requestedBy(), a.workflowId(), a.createdAt(), total, counts, a.executionId() == null ? null : jobs.execution(a.executionId()),
                withOutcomes ? outcomes(a.id(), null, null, 100, total) : null);
    }

    /** Actions, newest first. */
    public Page<ActionView> list(String cursor, Integer limit) {
        int size = Cursors.limit(limit);
        List<SalesforceAction> rows = actions.page(Cursors.read(cursor), size + 1);
        List<ActionView> items = rows.subList(0, Math.min(size, rows.size())).stream().map(a -> view(a, false)).toList();
        return new Page<>(items, actions.count(), rows.size() > size ? Cursors.after(rows.get(size - 1).id()) : null);
    }

    /** Each contact's outcome, in the order they were targeted; only those in {@code status} when given. */
    public Page<TargetView> targets(long id, String status, String cursor, Integer limit) {
        actions.find(id).orElseThrow(() -> new UnknownRecordException("action", id));
        ActionTarget.Status only;
        try {
            only = status == null || status.isBlank() ? null : ActionTarget.Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("status", "must be one of waiting, done, failed, skipped");
        }
        Map<ActionTarget.Status, Long> counts = actions.counts(id);
        return outcomes(id, only, cursor, limit, only == null ? counts.values().stream().mapToLong(Long::longValue).sum() : counts.get(only));
    }

    private Page<TargetView> outcomes(long id, ActionTarget.Status only, String cursor, Integer limit, long total) {
        int size = Cursors.limit(limit);
        List<ActionTarget> rows = actions.targets(id, only, Cursors.read(cursor), size + 1);
        List<TargetView> items = rows.subList(0, Math.min(size, rows.size())).stream().map(t -> new TargetView(t.contactId(),
                t.status().name().toLowerCase(Locale.ROOT), t.salesforceId(), t.errorCode(), t.message(), t.updatedAt())).toList();
        return new Page<>(items, total, rows.size() > size ? Cursors.after(rows.get(size - 1).id()) : null);
    }

    /** The org's queues, to give Leads to (one call). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Page<Pick> queues() {
        return Page.all(salesforce(SalesforceGateway::queues));
    }

    /** The org's active users, to own Tasks (one call). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Page<Pick> users() {
        return Page.all(salesforce(SalesforceGateway::users));
    }

    private List<Pick> salesforce(java.util.function.Function<SalesforceGateway, List<SalesforceGateway.Owner>> read) {
        SalesforceGateway gateway = org.gateway().orElseThrow(() -> new ConflictException("salesforce", "no Salesforce connection is configured"));
        try {
            return read.apply(gateway).stream().map(o -> new Pick(o.id(), o.name(), o.detail())).toList();
        } catch (SalesforceFailure e) {
            throw new ConflictException("salesforce", "Salesforce: " + e.getMessage());
        }
    }

    private static Map<String, Object> chosen(Selection selection) {
        if (selection == null || (selection.ids() == null) == (selection.filter() == null)) {
            throw new InvalidRequestException("contacts", "give {\"ids\":[…]} or {\"filter\":{…}}, one of them");
        }
        Map<String, Object> chosen = new LinkedHashMap<>();
        if (selection.ids() != null) {
            if (selection.ids().isEmpty()) {
                throw new InvalidRequestException("contacts.ids", "name at least one contact");
            }
            if (selection.ids().size() > MAX_IDS) {
                throw new TooLargeException("contacts.ids", "names " + selection.ids().size() + " contacts; at most " + MAX_IDS
                        + " (a filter chooses any number)");
            }
            chosen.put("ids", selection.ids().size() <= 100 ? selection.ids() : selection.ids().subList(0, 100));
            chosen.put("count", selection.ids().size());
        } else {
            ActionSelections.filter(selection.filter());
            chosen.put("filter", selection.filter());
        }
        return chosen;
    }

    private String caller() {
        return session.getCallerPrincipal() == null ? "system" : session.getCallerPrincipal().getName();
    }

    private Actions self() {
        return session.getBusinessObject(Actions.class);
    }
}
