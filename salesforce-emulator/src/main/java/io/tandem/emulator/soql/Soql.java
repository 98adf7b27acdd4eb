package io.tandem.emulator.soql;

import io.tandem.emulator.org.ObjectDef;

import java.util.List;

/** A parsed SOQL query. Field paths are segment lists: {@code [Account, Website]}. */
public record Soql(ObjectDef from, boolean count, List<List<String>> fields, Condition where,
                   List<Order> orderBy, Integer limit, int offset) {

    /** ORDER BY one path. */
    public record Order(List<String> path, boolean descending, boolean nullsFirst) {
    }

    /** A WHERE condition. */
    public sealed interface Condition permits And, Or, Not, Compare, In, Like {
    }

    public record And(List<Condition> parts) implements Condition {
    }

    public record Or(List<Condition> parts) implements Condition {
    }

    public record Not(Condition inner) implements Condition {
    }

    /** path op value, the value already converted to the field's stored type. */
    public record Compare(List<String> path, String op, Object value) implements Condition {
    }

    public record In(List<String> path, List<Object> values, boolean negated) implements Condition {
    }

    public record Like(List<String> path, String pattern) implements Condition {
    }
}
