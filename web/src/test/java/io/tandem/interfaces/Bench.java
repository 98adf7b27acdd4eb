package io.tandem.interfaces;

import io.tandem.testing.Api;
import io.tandem.testing.TandemServer;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the benchmarks share: the server's used heap from /metrics, and one line per figure. */
final class Bench {

    private static final Pattern USED_HEAP = Pattern.compile("(?m)^(?:base_)?memory_usedHeap_bytes(?:\\{[^}]*})? ([0-9.E+]+)");

    private Bench() {
    }

    static double usedHeap(TandemServer.Running tandem) {
        Api.Response r = tandem.anonymous().send(tandem.anonymous().request("/metrics?scope=base").header("Accept", "text/plain").GET());
        Matcher m = USED_HEAP.matcher(r.body());
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    static void report(String what, String format, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = what;
        System.arraycopy(args, 0, all, 1, args.length);
        System.out.printf("BENCH %-9s " + format + "%n", all);
    }
}
