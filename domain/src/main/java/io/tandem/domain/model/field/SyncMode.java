package io.tandem.domain.model.field;

/** How one mapped field moves between Tandem and Salesforce (product spec §3). */
public enum SyncMode {
    /** The default: a non-empty Salesforce value wins; Tandem's value goes out only while Salesforce's is blank. */
    PREFER_SALESFORCE_UNLESS_EMPTY,
    /** Salesforce always wins, blanks included; nothing goes out. */
    ALWAYS_SALESFORCE,
    /** Tandem always goes out; Salesforce only fills an empty local value. */
    ALWAYS_TANDEM,
    /** The side that changed since the last exchange wins; when both did, the later change. */
    TWO_WAY,
    /** Never in either direction. */
    DO_NOT_SYNC;

    /** Whether Tandem's values ever go out in this mode. */
    public boolean sendsValues() {
        return this != ALWAYS_SALESFORCE && this != DO_NOT_SYNC;
    }

    /** Whether Salesforce's values are ever read in this mode. */
    public boolean readsValues() {
        return this != DO_NOT_SYNC;
    }
}
