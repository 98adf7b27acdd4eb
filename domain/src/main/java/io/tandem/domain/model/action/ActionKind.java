package io.tandem.domain.model.action;

import io.tandem.domain.shared.InvalidValueException;

import java.util.Arrays;
import java.util.Locale;

/** What an action asks Salesforce for. */
public enum ActionKind {
    /** A Task on the contact's Lead or Contact. */
    TASK,
    /** The Lead or Contact added to a Salesforce campaign with a status. */
    CAMPAIGN,
    /** The Lead given to a queue (its OwnerId), assignment rules kept from undoing it. */
    QUEUE,
    /** A contact kept back (created with sync=skip) pushed to Salesforce now. */
    PUSH;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ActionKind parse(String code) {
        return Arrays.stream(values()).filter(k -> k.code().equals(code == null ? "" : code.trim().toLowerCase(Locale.ROOT)))
                .findFirst().orElseThrow(() -> new InvalidValueException("action", "must be one of task, campaign, queue, push"));
    }
}
