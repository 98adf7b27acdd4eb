package io.tandem.domain.model.action;

import io.tandem.domain.shared.InvalidValueException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An action's parameters, checked for its kind and kept as given: a Task's {@code subject} (required, at
 * most 255), {@code dueDate} (yyyy-mm-dd), {@code status}, {@code priority} and {@code ownerId} (a user's
 * id, or {@code "record"} for the Lead's or Contact's owner; none: the connected user); a campaign's
 * {@code campaignId} (a Tandem campaign) or {@code salesforceCampaignId}, and {@code status}; a queue's
 * {@code queueId}. Salesforce's own picklists (a Task's status and priority, a campaign's statuses) are
 * checked by Salesforce, and a refusal ends that contact's target with its words.
 */
public record ActionParameters(Map<String, Object> values) {

    private static final Pattern USER = Pattern.compile("005[A-Za-z0-9]{12}([A-Za-z0-9]{3})?");
    private static final Pattern QUEUE = Pattern.compile("00G[A-Za-z0-9]{12}([A-Za-z0-9]{3})?");
    private static final Pattern CAMPAIGN = Pattern.compile("701[A-Za-z0-9]{12}([A-Za-z0-9]{3})?");
    static final int SUBJECT = 255;
    static final int PICKLIST = 255;

    public ActionParameters {
        values = new LinkedHashMap<>(values);
    }

    /** The parameters of a {@code kind} action, checked; the names it does not know are refused. */
    public static ActionParameters of(ActionKind kind, Map<String, Object> given) {
        Map<String, Object> in = given == null ? Map.of() : given;
        Map<String, Object> kept = new LinkedHashMap<>();
        switch (kind) {
            case TASK -> {
                String subject = text(in, "subject", SUBJECT);
                if (subject == null) {
                    throw new InvalidValueException("subject", "is required, at most " + SUBJECT + " characters");
                }
                kept.put("subject", subject);
                String due = text(in, "dueDate", 10);
                if (due != null) {
                    try {
                        kept.put("dueDate", LocalDate.parse(due).toString());
                    } catch (DateTimeParseException e) {
                        throw new InvalidValueException("dueDate", "must be a date, yyyy-mm-dd");
                    }
                }
                putIfGiven(kept, "status", text(in, "status", PICKLIST));
                putIfGiven(kept, "priority", text(in, "priority", PICKLIST));
                String owner = text(in, "ownerId", 18);
                if (owner != null && !owner.equals("record") && !USER.matcher(owner).matches()) {
                    throw new InvalidValueException("ownerId", "must be a user id (005…) or \"record\" for the record's owner");
                }
                putIfGiven(kept, "ownerId", owner);
            }
            case CAMPAIGN -> {
                Object tandem = in.get("campaignId");
                String salesforce = text(in, "salesforceCampaignId", 18);
                if ((tandem == null) == (salesforce == null)) {
                    throw new InvalidValueException("campaignId", "give campaignId (a Tandem campaign) or salesforceCampaignId, one of them");
                }
                if (tandem != null) {
                    try {
                        kept.put("campaignId", Long.parseLong(tandem.toString()));
                    } catch (NumberFormatException e) {
                        throw new InvalidValueException("campaignId", "must be a whole number");
                    }
                } else if (!CAMPAIGN.matcher(salesforce).matches()) {
                    throw new InvalidValueException("salesforceCampaignId", "must be a Salesforce campaign id (701…)");
                } else {
                    kept.put("salesforceCampaignId", salesforce);
                }
                putIfGiven(kept, "status", text(in, "status", PICKLIST));
            }
            case QUEUE -> {
                String queue = text(in, "queueId", 18);
                if (queue == null || !QUEUE.matcher(queue).matches()) {
                    throw new InvalidValueException("queueId", "is required: a queue's id (00G…), from /api/salesforce/queues");
                }
                kept.put("queueId", queue);
            }
            case PUSH -> {
            }
        }
        for (String name : in.keySet()) {
            if (!kept.containsKey(name) && in.get(name) != null) {
                throw new InvalidValueException(name, "is not a parameter of a " + kind.code() + " action");
            }
        }
        return new ActionParameters(kept);
    }

    public String text(String name) {
        Object v = values.get(name);
        return v == null ? null : v.toString();
    }

    public Long number(String name) {
        Object v = values.get(name);
        return v == null ? null : Long.valueOf(v.toString());
    }

    private static String text(Map<String, Object> in, String name, int max) {
        Object v = in.get(name);
        if (v == null) {
            return null;
        }
        if (!(v instanceof String s)) {
            throw new InvalidValueException(name, "must be text");
        }
        String t = s.trim();
        if (t.length() > max) {
            throw new InvalidValueException(name, "holds " + t.length() + " characters; at most " + max);
        }
        return t.isEmpty() ? null : t;
    }

    private static void putIfGiven(Map<String, Object> m, String name, Object value) {
        if (value != null) {
            m.put(name, value);
        }
    }
}
