package io.tandem.emulator.soql;

import io.tandem.emulator.org.FieldDef;
import io.tandem.emulator.org.ObjectDef;
import io.tandem.emulator.org.SalesforceError;
import io.tandem.emulator.org.Schema;
import io.tandem.emulator.soql.Lexer.Kind;
import io.tandem.emulator.soql.Lexer.Token;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Parses the SOQL subset a sync engine and its tests use, checking names against the schema and
 * literal types against the fields, with Salesforce's error codes.
 */
public final class SoqlParser {

    private final String soql;
    private final Schema schema;
    private final List<Token> tokens;
    private final SoqlLiterals literals;
    private int pos;
    private ObjectDef from;

    private SoqlParser(String soql, Schema schema, LocalDate today) {
        this.soql = soql;
        this.schema = schema;
        this.tokens = Lexer.tokens(soql);
        this.literals = new SoqlLiterals(soql, today);
    }

    public static Soql parse(String soql, Schema schema, LocalDate today) {
        if (soql == null || soql.isBlank()) {
            throw SalesforceError.badRequest("MALFORMED_QUERY", "unexpected token: <EOF>");
        }
        return new SoqlParser(soql, schema, today).query();
    }

    private Soql query() {
        expectWord("SELECT");
        boolean count = false;
        List<Token> fieldTokens = new ArrayList<>();
        if (peek().is("COUNT") && tokens.get(pos + 1).kind() == Kind.LPAREN) {
            pos += 2;
            if (peek().kind() == Kind.WORD) {
                pos++;
            }
            expect(Kind.RPAREN);
            count = true;
        } else {
            do {
                Token t = next();
                if (t.kind() == Kind.LPAREN) {
                    throw SalesforceError.badRequest("MALFORMED_QUERY", "Subqueries are not supported by this emulator");
                }
                if (t.kind() != Kind.WORD || isKeyword(t)) {
                    throw unexpected(t);
                }
                fieldTokens.add(t);
            } while (accept(Kind.COMMA));
        }
        expectWord("FROM");
        Token type = next();
        from = type.kind() == Kind.WORD ? schema.object(type.text()) : null;
        if (from == null) {
            throw error("INVALID_TYPE", type, "sObject type '" + type.text() + "' is not supported. If you are attempting "
                    + "to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL "
                    + "or the describe call for the appropriate names.");
        }
        List<List<String>> fields = new ArrayList<>();
        for (Token t : fieldTokens) {
            fields.add(path(t));
        }
        Soql.Condition where = null;
        if (acceptWord("WHERE")) {
            where = or();
        }
        List<Soql.Order> order = new ArrayList<>();
        if (acceptWord("ORDER")) {
            expectWord("BY");
            do {
                List<String> p = path(next());
                boolean desc = acceptWord("DESC");
                if (!desc) {
                    acceptWord("ASC");
                }
                boolean nullsFirst = !desc;
                if (acceptWord("NULLS")) {
                    nullsFirst = acceptWord("FIRST");
                    if (!nullsFirst) {
                        expectWord("LAST");
                    }
                }
                order.add(new Soql.Order(p, desc, nullsFirst));
            } while (accept(Kind.COMMA));
        }
        Integer limit = null;
        int offset = 0;
        if (acceptWord("LIMIT")) {
            limit = integer();
        }
        if (acceptWord("OFFSET")) {
            offset = integer();
            if (offset > 2000) {
                throw SalesforceError.badRequest("NUMBER_OUTSIDE_VALID_RANGE", "Maximum SOQL offset allowed is 2000");
            }
        }
        if (peek().kind() != Kind.END) {
            throw unexpected(peek());
        }
        return new Soql(from, count, fields, where, order, limit, offset);
    }

    private Soql.Condition or() {
        List<Soql.Condition> parts = new ArrayList<>(List.of(and()));
        while (acceptWord("OR")) {
            parts.add(and());
        }
        return parts.size() == 1 ? parts.get(0) : new Soql.Or(parts);
    }

    private Soql.Condition and() {
        List<Soql.Condition> parts = new ArrayList<>(List.of(not()));
        while (acceptWord("AND")) {
            parts.add(not());
        }
        return parts.size() == 1 ? parts.get(0) : new Soql.And(parts);
    }

    private Soql.Condition not() {
        if (acceptWord("NOT")) {
            return new Soql.Not(not());
        }
        if (accept(Kind.LPAREN)) {
            Soql.Condition c = or();
            expect(Kind.RPAREN);
            return c;
        }
        Token fieldToken = next();
        List<String> path = path(fieldToken);
        FieldDef field = fieldAt(path, fieldToken);
        if (acceptWord("LIKE")) {
            Token t = next();
            if (t.kind() != Kind.STRING) {
                throw unexpected(t);
            }
            return new Soql.Like(path, t.text());
        }
        boolean negated = false;
        if (peek().is("NOT") && tokens.get(pos + 1).is("IN")) {
            pos++;
            negated = true;
        }
        if (acceptWord("IN")) {
            expect(Kind.LPAREN);
            List<Object> values = new ArrayList<>();
            do {
                values.add(literals.convert(field, next()));
            } while (accept(Kind.COMMA));
            expect(Kind.RPAREN);
            return new Soql.In(path, values, negated);
        }
        Token op = next();
        if (op.kind() != Kind.OP) {
            throw unexpected(op);
        }
        return new Soql.Compare(path, op.text(), literals.convert(field, next()));
    }

    /** Resolves a dotted path against the schema, so unknown names fail at parse time. */
    private List<String> path(Token t) {
        if (t.kind() != Kind.WORD || isKeyword(t)) {
            throw unexpected(t);
        }
        List<String> segments = Arrays.asList(t.text().split("\\."));
        if (segments.size() > 1 && segments.get(0).equalsIgnoreCase(from.name())) {
            segments = segments.subList(1, segments.size());
        }
        fieldAt(segments, t);
        return List.copyOf(segments);
    }

    private FieldDef fieldAt(List<String> segments, Token t) {
        ObjectDef type = from;
        for (int i = 0; i < segments.size() - 1; i++) {
            FieldDef ref = type.relationship(segments.get(i));
            if (ref == null) {
                throw noColumn(segments.get(i), type, t);
            }
            type = schema.object(ref.referenceTo().get(0));
        }
        FieldDef f = type.field(segments.get(segments.size() - 1));
        if (f == null) {
            throw noColumn(segments.get(segments.size() - 1), type, t);
        }
        return f;
    }

    private SalesforceError noColumn(String name, ObjectDef type, Token t) {
        return error("INVALID_FIELD", t, "No such column '" + name + "' on entity '" + type.name() + "'. If you are "
                + "attempting to use a custom field, be sure to append the '__c' after the custom field name. Please "
                + "reference your WSDL or the describe call for the appropriate names.");
    }

    static SalesforceError error(String soql, String code, Token t, String message) {
        String pointer = " ".repeat(Math.max(0, t.column() - 1)) + "^";
        return SalesforceError.badRequest(code, "\n" + soql + "\n" + pointer + "\nERROR at Row:1:Column:" + t.column() + "\n" + message);
    }

    private SalesforceError error(String code, Token t, String message) {
        return error(soql, code, t, message);
    }

    private SalesforceError unexpected(Token t) {
        return SalesforceError.badRequest("MALFORMED_QUERY", t.kind() == Kind.END ? "unexpected token: <EOF>"
                : "\n" + soql + "\n" + " ".repeat(Math.max(0, t.column() - 1)) + "^\nERROR at Row:1:Column:" + t.column()
                + "\nunexpected token: '" + t.text() + "'");
    }

    private int integer() {
        Token t = next();
        if (t.kind() != Kind.NUMBER || !t.text().matches("\\d+")) {
            throw unexpected(t);
        }
        return Integer.parseInt(t.text());
    }

    private static boolean isKeyword(Token t) {
        return t.is("FROM") || t.is("WHERE") || t.is("ORDER") || t.is("LIMIT") || t.is("OFFSET") || t.is("SELECT");
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.END) {
            pos++;
        }
        return t;
    }

    private boolean accept(Kind kind) {
        if (peek().kind() == kind) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptWord(String word) {
        if (peek().is(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(Kind kind) {
        if (!accept(kind)) {
            throw unexpected(peek());
        }
    }

    private void expectWord(String word) {
        if (!acceptWord(word)) {
            throw unexpected(peek());
        }
    }
}
