package io.tandem.launcher;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Finds and ends processes a killed launcher left behind, recognised by their command line. */
final class Processes {

    private static final Logger LOG = Logger.getLogger(Processes.class.getName());

    private Processes() {
    }

    /** Ends every process of this user whose command line contains all of {@code markers}. */
    static void endStrays(String... markers) {
        List<ProcessHandle> strays = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(cmd -> containsAll(cmd, markers)).orElse(false))
                .toList();
        for (ProcessHandle stray : strays) {
            LOG.warning("Ending process " + stray.pid() + " left behind by an earlier run: "
                    + stray.info().command().orElse("?"));
            end(stray, Duration.ofSeconds(20));
        }
    }

    /** Asks a process to stop (SIGTERM), and kills it when it has not stopped within {@code grace}. */
    static void end(ProcessHandle process, Duration grace) {
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeout) {
            process.destroyForcibly();
        }
    }

    private static boolean containsAll(String commandLine, String[] markers) {
        for (String marker : markers) {
            if (!commandLine.contains(marker)) {
                return false;
            }
        }
        return true;
    }
}
