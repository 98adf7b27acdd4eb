package io.tandem.emulator.soql;

import io.tandem.emulator.org.SalesforceError;

import java.util.ArrayList;
import java.util.List;

/** Splits SOQL into tokens: words, quoted strings, numbers and date literals, operators. */
final class Lexer {

    enum Kind { WORD, STRING, NUMBER, DATE, DATETIME, OP, LPAREN, RPAREN, COMMA, END }

    record Token(Kind kind, String text, int column) {
        boolean is(String word) {
            return kind == Kind.WORD && text.equalsIgnoreCase(word);
        }
    }

    private Lexer() {
    }

    static List<Token> tokens(String soql) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = soql.length();
        while (i < n) {
            char c = soql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '(') {
                out.add(new Token(Kind.LPAREN, "(", i + 1));
                i++;
            } else if (c == ')') {
                out.add(new Token(Kind.RPAREN, ")", i + 1));
                i++;
            } else if (c == ',') {
                out.add(new Token(Kind.COMMA, ",", i + 1));
                i++;
            } else if (c == '\'') {
                StringBuilder sb = new StringBuilder();
                int start = i++;
                boolean closed = false;
                while (i < n) {
                    char d = soql.charAt(i++);
                    if (d == '\\' && i < n) {
                        char e = soql.charAt(i++);
                        switch (e) {
                            case 'n' -> sb.append('\n');
                            case 'r' -> sb.append('\r');
                            case 't' -> sb.append('\t');
                            case '%', '_' -> sb.append('\\').append(e);
                            default -> sb.append(e);
                        }
                    } else if (d == '\'') {
                        closed = true;
                        break;
                    } else {
                        sb.append(d);
                    }
                }
                if (!closed) {
                    throw malformed(soql, start, "unterminated string literal");
                }
                out.add(new Token(Kind.STRING, sb.toString(), start + 1));
            } else if (c == '=' || c == '<' || c == '>' || c == '!') {
                int start = i;
                String op;
                if (i + 1 < n && (soql.charAt(i + 1) == '=' || (c == '<' && soql.charAt(i + 1) == '>'))) {
                    op = soql.substring(i, i + 2);
                    i += 2;
                } else {
                    op = String.valueOf(c);
                    i++;
                }
                if (op.equals("!")) {
                    throw malformed(soql, start, "unexpected token: '!'");
                }
                out.add(new Token(Kind.OP, op.equals("<>") ? "!=" : op, start + 1));
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < n && Character.isDigit(soql.charAt(i + 1)))) {
                int start = i++;
                while (i < n && "0123456789TZ:.+-".indexOf(soql.charAt(i)) >= 0) {
                    i++;
                }
                String text = soql.substring(start, i);
                Kind kind = text.contains("T") ? Kind.DATETIME : text.matches("\\d{4}-\\d{2}-\\d{2}") ? Kind.DATE : Kind.NUMBER;
                out.add(new Token(kind, text, start + 1));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(soql.charAt(i)) || "_.:".indexOf(soql.charAt(i)) >= 0)) {
                    i++;
                }
                out.add(new Token(Kind.WORD, soql.substring(start, i), start + 1));
            } else {
                throw malformed(soql, i, "unexpected token: '" + c + "'");
            }
        }
        out.add(new Token(Kind.END, "", n + 1));
        return out;
    }

    static SalesforceError malformed(String soql, int index, String message) {
        return SalesforceError.badRequest("MALFORMED_QUERY", message);
    }
}
