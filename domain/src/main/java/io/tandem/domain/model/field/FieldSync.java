package io.tandem.domain.model.field;

import java.time.Instant;
import java.util.Objects;

/**
 * The per-field decisions of §3, for a field's local value (and when it last changed here), its base
 * (the value last exchanged with Salesforce) and Salesforce's value (and its record's
 * LastModifiedDate). Pure: the inbound and outbound jobs call it and record what it says.
 */
public final class FieldSync {

    /** What to do with one field: take a value or not, whether the two sides conflicted, and why. */
    public record Decision(boolean apply, Object value, boolean conflict, String reason) {

        static Decision take(Object value, String reason) {
            return new Decision(true, value, false, reason);
        }

        static Decision keep(String reason) {
            return new Decision(false, null, false, reason);
        }

        static Decision conflict(boolean apply, Object value, String reason) {
            return new Decision(apply, value, true, reason);
        }
    }

    /** One side's view of a field. */
    public record Side(Object value, Instant changedAt) {
    }

    private FieldSync() {
    }

    /** Salesforce → Tandem: whether Salesforce's value replaces the local one. */
    public static Decision inbound(SyncMode mode, Side local, Object base, Side salesforce) {
        Object sf = salesforce.value();
        if (same(local.value(), sf)) {
            return Decision.keep("already equal");
        }
        return switch (mode) {
            case DO_NOT_SYNC -> Decision.keep("do not sync");
            case ALWAYS_SALESFORCE -> Decision.take(sf, "always prefer Salesforce");
            case PREFER_SALESFORCE_UNLESS_EMPTY -> isEmpty(sf) ? Decision.keep("Salesforce value is empty")
                    : Decision.take(sf, "prefer Salesforce unless empty");
            case ALWAYS_TANDEM -> isEmpty(local.value()) && !isEmpty(sf) ? Decision.take(sf, "fills an empty local value")
                    : Decision.keep("always prefer Tandem");
            case TWO_WAY -> twoWayInbound(local, base, salesforce);
        };
    }

    /** Tandem → Salesforce: whether the local value is sent, judged against Salesforce's current value. */
    public static Decision outbound(SyncMode mode, Side local, Object base, Side salesforce) {
        Object sf = salesforce.value();
        if (same(local.value(), sf)) {
            return Decision.keep("Salesforce already has this value");
        }
        return switch (mode) {
            case DO_NOT_SYNC -> Decision.keep("do not sync");
            case ALWAYS_SALESFORCE -> Decision.keep("always prefer Salesforce: never sent");
            case ALWAYS_TANDEM -> Decision.take(local.value(), "always prefer Tandem");
            case PREFER_SALESFORCE_UNLESS_EMPTY -> isEmpty(sf) ? Decision.take(local.value(), "Salesforce field is blank")
                    : Decision.keep("prefer Salesforce unless empty: Salesforce has a value");
            case TWO_WAY -> twoWayOutbound(local, base, salesforce);
        };
    }

    private static Decision twoWayInbound(Side local, Object base, Side sf) {
        boolean localChanged = !same(local.value(), base);
        boolean sfChanged = !same(sf.value(), base);
        if (!sfChanged) {
            return Decision.keep("only Tandem changed since the last exchange");
        }
        if (!localChanged) {
            return Decision.take(sf.value(), "only Salesforce changed since the last exchange");
        }
        return sfIsLater(local, sf) ? Decision.conflict(true, sf.value(), "both changed; Salesforce's change is later")
                : Decision.conflict(false, null, "both changed; Tandem's change is later");
    }

    private static Decision twoWayOutbound(Side local, Object base, Side sf) {
        boolean localChanged = !same(local.value(), base);
        boolean sfChanged = !same(sf.value(), base);
        if (!localChanged) {
            return Decision.keep("only Salesforce changed since the last exchange");
        }
        if (!sfChanged) {
            return Decision.take(local.value(), "only Tandem changed since the last exchange");
        }
        return sfIsLater(local, sf) ? Decision.conflict(false, null, "both changed; Salesforce's change is later")
                : Decision.conflict(true, local.value(), "both changed; Tandem's change is later");
    }

    /** Ties go to Salesforce: the record there is what sales sees. */
    private static boolean sfIsLater(Side local, Side sf) {
        if (local.changedAt() == null) {
            return true;
        }
        return sf.changedAt() != null && !sf.changedAt().isBefore(local.changedAt());
    }

    public static boolean isEmpty(Object v) {
        return v == null || (v instanceof String s && s.isBlank());
    }

    /** Equal values, with null and blank text the same emptiness. */
    public static boolean same(Object a, Object b) {
        if (isEmpty(a) || isEmpty(b)) {
            return isEmpty(a) && isEmpty(b);
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new java.math.BigDecimal(x.toString()).compareTo(new java.math.BigDecimal(y.toString())) == 0;
        }
        return Objects.equals(a, b);
    }
}
