package io.tandem.interfaces;

import io.tandem.testing.Api;
import io.tandem.testing.TandemServer;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the benchmarks share: the server's used heap from /metrics, mapped custom fields, and one line per figure. */
final class Bench {

    private static final Pattern USED_HEAP = Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*})? ([0-9.E+]+)");

    private Bench() {
    }

    static double usedHeap(TandemServer.Running tandem) {
        Api.Response r = tandem.anonymous().send(tandem.anonymous().request("/metrics?scope=base").header("Accept", "text/plain").GET());
        Matcher m = USED_HEAP.matcher(r.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /**
     * {@code n} custom fields on Leads and Contacts, defined in Tandem and mapped two-way before seeding (so
     * the seeded records carry values): text, number, date, boolean and picklist in turn.
     */
    static void mapCustomFields(TandemServer.Running tandem, Api sf, int n) {
        String[][] types = {{"text", "string", ""}, {"number", "double", ""}, {"date", "date", ""}, {"boolean", "boolean", ""},
                {"picklist", "picklist", "Gold,Silver,Bronze"}};
        for (int i = 0; i < n; i++) {
            String[] t = types[i % types.length];
            String name = "bench" + i;
            String options = t[2].isEmpty() ? "" : ",\"options\":[\"" + t[2].replace(",", "\",\"") + "\"]";
            String values = t[2].isEmpty() ? "" : ",\"picklistValues\":[\"" + t[2].replace(",", "\",\"") + "\"]";
            Api.Response defined = tandem.admin().post("/api/fields", "{\"name\":\"" + name + "\",\"label\":\"Bench " + i + "\",\"type\":\""
                    + t[0] + "\"" + options + "}");
            assertTrue(defined.status() == 201 || defined.status() == 409, defined.body());
            for (String object : List.of("Lead", "Contact")) {
                Api.Response added = sf.post("/__emulator/fields", "{\"object\":\"" + object + "\",\"name\":\"Bench" + i + "__c\",\"type\":\""
                        + t[1] + "\"" + values + "}");
                assertEquals(201, added.status(), added.body());
            }
            Api.Response mapped = tandem.admin().post("/api/settings/field-mappings", "{\"field\":\"custom." + name + "\",\"lead\":\"Bench" + i
                    + "__c\",\"contact\":\"Bench" + i + "__c\",\"mode\":\"two_way\"}");
            assertTrue(mapped.status() == 201 || mapped.status() == 409, mapped.body());
        }
        if (n > 0) {
            report("fields", "%d custom fields mapped two-way on Lead and Contact (text, number, date, boolean, picklist)", n);
        }
    }

    /** Values for the fields {@link #mapCustomFields} made, as a contact's {@code customFields} JSON; {@code i} varies them. */
    static String customValues(int n, int i) {
        StringBuilder sb = new StringBuilder("{");
        for (int f = 0; f < n; f++) {
            sb.append(f == 0 ? "" : ",").append("\"bench").append(f).append("\":").append(switch (f % 5) {
                case 0 -> "\"v" + i + "\"";
                case 1 -> Integer.toString(i % 1000);
                case 2 -> "\"2026-0" + (1 + i % 9) + "-15\"";
                case 3 -> Boolean.toString(i % 2 == 0);
                default -> i % 2 == 0 ? "\"Gold\"" : "\"Silver\"";
            });
        }
        return sb.append('}').toString();
    }

    static void report(String what, String format, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = what;
        System.arraycopy(args, 0, all, 1, args.length);
        System.out.printf("BENCH %-9s " + format + "%n", all);
    }
}
