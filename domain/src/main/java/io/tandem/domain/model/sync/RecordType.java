package io.tandem.domain.model.sync;

/** The kinds of local record a change can be about. */
public enum RecordType {
    CONTACT, COMPANY, CAMPAIGN, CAMPAIGN_MEMBER, ACTION, EVENT
}
