package io.tandem.domain.model.sync;

import java.io.Serializable;
import java.time.Instant;

/**
 * How far reading one Salesforce object has come: the SystemModstamp and Id of the last record read.
 * The Id breaks ties, since many records share one SystemModstamp, so the next read starts exactly after
 * it: nothing is missed and nothing read twice. Small and serializable: it is the batch checkpoint.
 */
public record Watermark(Instant systemModstamp, String id) implements Serializable {

    /** Before every record. */
    public static final Watermark BEGINNING = new Watermark(Instant.EPOCH, "");

    public boolean isBeginning() {
        return BEGINNING.equals(this);
    }
}
