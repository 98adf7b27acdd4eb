package io.tandem.interfaces;

import io.tandem.testing.TandemServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one step of a benchmark cost, per record: MariaDB's own counters (statements, rows written and read,
 * bytes received, redo written) and the CPU seconds of MariaDB and Payara Micro (read from /proc, so on
 * Linux only; elsewhere the CPU shows as 0). Started before the step, reported after it.
 */
final class WorkMeter {

    private static final List<String> COUNTERS = List.of("Questions", "Com_insert", "Com_select", "Com_update", "Com_commit",
            "Handler_write", "Handler_update", "Handler_read_key", "Handler_read_next", "Handler_read_rnd_next", "Select_scan",
            "Created_tmp_tables", "Sort_rows", "Innodb_buffer_pool_read_requests", "Bytes_received", "Innodb_os_log_written");
    private final TandemServer.Running tandem;
    private final Map<String, Long> before;
    private final double mariadbCpu;
    private final double payaraCpu;
    private final Map<String, Double> payaraThreads;
    private final double testCpu;
    private final Map<String, Double> testThreads;
    private final long t0 = System.nanoTime();

    private WorkMeter(TandemServer.Running tandem) {
        this.tandem = tandem;
        this.before = counters(tandem);
        this.mariadbCpu = cpuSeconds("mariadbd");
        this.payaraCpu = cpuSeconds("payara-micro");
        this.payaraThreads = threadCpuSeconds("payara-micro");
        this.testCpu = testJvmCpuSeconds();
        this.testThreads = threadCpuSeconds(List.of(Path.of("/proc/self")));
    }

    /** This JVM's CPU: the benchmark's own work and the Salesforce emulator's, which a real org does elsewhere. */
    private static double testJvmCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    static WorkMeter start(TandemServer.Running tandem) {
        return new WorkMeter(tandem);
    }

    /** One line: the step's counters and CPU per record, and how busy each process was. */
    void report(String step, long records) {
        double seconds = (System.nanoTime() - t0) / 1e9;
        double db = cpuSeconds("mariadbd") - mariadbCpu;
        double server = cpuSeconds("payara-micro") - payaraCpu;
        Map<String, Long> after = counters(tandem);
        StringBuilder sb = new StringBuilder();
        for (String c : COUNTERS) {
            double per = (after.getOrDefault(c, 0L) - before.getOrDefault(c, 0L)) / (double) records;
            sb.append(String.format(" %s=%.3g", c, per));
        }
        double test = testJvmCpuSeconds() - testCpu;
        Bench.report("work", "%s, per record: MariaDB CPU %.1f µs (%.2f cores), Payara CPU %.1f µs (%.2f cores: %s), test JVM with the "
                + "emulator %.1f µs (%.2f cores: %s);%s", step, 1e6 * db / records, db / seconds, 1e6 * server / records, server / seconds,
                split(payaraThreads, threadCpuSeconds("payara-micro"), records), 1e6 * test / records, test / seconds,
                split(testThreads, threadCpuSeconds(List.of(Path.of("/proc/self"))), records), sb);
    }

    private static String split(Map<String, Double> before, Map<String, Double> after, long records) {
        StringBuilder split = new StringBuilder();
        after.forEach((group, cpu) -> split.append(String.format(" %s %.1f µs", group, 1e6 * (cpu - before.getOrDefault(group, 0.0)) / records)));
        return split.toString().trim();
    }

    private static Map<String, Long> counters(TandemServer.Running tandem) {
        Map<String, Long> values = new LinkedHashMap<>();
        for (Map<String, Object> row : tandem.database().query("SHOW GLOBAL STATUS")) {
            Object[] pair = row.values().toArray();
            String name = String.valueOf(pair[0]);
            if (COUNTERS.contains(name)) {
                try {
                    values.put(name, Long.parseLong(String.valueOf(pair[1])));
                } catch (NumberFormatException ignored) {
                    // not a count
                }
            }
        }
        return values;
    }

    /** The CPU seconds of the threads of the processes named so, by kind: the JIT compilers, the collector, the rest. */
    static Map<String, Double> threadCpuSeconds(String name) {
        return threadCpuSeconds(processes(name));
    }

    private static Map<String, Double> threadCpuSeconds(List<Path> processes) {
        Map<String, Double> groups = new LinkedHashMap<>();
        groups.put("JIT", 0.0);
        groups.put("GC", 0.0);
        groups.put("other", 0.0);
        for (Path p : processes) {
            try (Stream<Path> tasks = Files.list(p.resolve("task"))) {
                for (Path t : tasks.toList()) {
                    try {
                        String comm = Files.readString(t.resolve("comm")).trim();
                        String group = comm.contains("Compiler") ? "JIT" : comm.contains("GC") || comm.startsWith("G1 ") || comm.equals("VM Thread") ? "GC" : "other";
                        groups.merge(group, ticks(t) / 100.0, Double::sum);
                    } catch (IOException | RuntimeException gone) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException | RuntimeException gone) {
                // the process ended meanwhile
            }
        }
        return groups;
    }

    private static List<Path> processes(String name) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return List.of();
        }
        try (Stream<Path> pids = Files.list(proc)) {
            return pids.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).filter(p -> {
                try {
                    String cmd = new String(Files.readAllBytes(p.resolve("cmdline"))).replace('\0', ' ');
                    return cmd.contains(name) && !cmd.contains("cpu-monitor");
                } catch (IOException | RuntimeException gone) {
                    return false;
                }
            }).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long ticks(Path processOrThread) throws IOException {
        String stat = Files.readString(processOrThread.resolve("stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]);
    }

    /** User and system CPU seconds of every process whose command line names {@code name}. */
    static double cpuSeconds(String name) {
        double seconds = 0;
        for (Path p : processes(name)) {
            try {
                seconds += ticks(p) / 100.0;
            } catch (IOException | RuntimeException gone) {
                // the process ended meanwhile
            }
        }
        return seconds;
    }
}
