package io.tandem.domain.model.action;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Salesforce Task a task action makes for one contact: on its Lead or Contact, with the action's
 * subject, due date, status, priority and owner (Salesforce's defaults where the action gives none). The
 * subject ends with the target's mark ({@code [Tandem action 42]}): a try that may have reached Salesforce
 * before a crash finds its Task by it instead of making a second one.
 */
public final class ActionTask {

    /** What every target's mark starts with. */
    public static final String MARK = "[Tandem action ";
    static final int SUBJECT = 255;

    private ActionTask() {
    }

    public static String subject(ActionParameters p, long targetId) {
        String mark = " " + MARK + targetId + "]";
        String words = p.text("subject");
        if (words.length() + mark.length() > SUBJECT) {
            words = words.substring(0, SUBJECT - mark.length() - 1) + "…";
        }
        return words + mark;
    }

    /** Whether the Task's owner is the Lead's or Contact's own (read before the Task is made). */
    public static boolean ownedByRecordOwner(ActionParameters p) {
        return "record".equals(p.text("ownerId"));
    }

    /** The Task's fields by Salesforce's names; {@code recordOwner} is the Lead's or Contact's owner when the action asks for it. */
    public static Map<String, Object> fields(ActionParameters p, long targetId, String whoId, String recordOwner) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("WhoId", whoId);
        f.put("Subject", subject(p, targetId));
        putIfGiven(f, "ActivityDate", p.text("dueDate"));
        putIfGiven(f, "Status", p.text("status"));
        putIfGiven(f, "Priority", p.text("priority"));
        putIfGiven(f, "OwnerId", ownedByRecordOwner(p) ? recordOwner : p.text("ownerId"));
        return f;
    }

    private static void putIfGiven(Map<String, Object> f, String name, Object value) {
        if (value != null) {
            f.put(name, value);
        }
    }
}
