package dev.modelregistry.bench;

import java.util.List;

/** The console table and BENCHMARKS.md. */
final class Report {

    private Report() {
    }

    static String table(List<Bench.Result> results) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-13s | %-66s | %-24s | %-20s | %s%n", "section", "measure", "measured", "target", "verdict"));
        sb.append("-".repeat(140)).append('\n');
        for (Bench.Result r : results) {
            sb.append(String.format("%-13s | %-66s | %-24s | %-20s | %s%n", r.section(), r.what(), r.measured(), r.target(),
                    r.verdict()));
        }
        return sb.toString();
    }

    static String markdown(Machine machine, String loadBefore, String loadAfter, double minutes, Bench bench) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Benchmarks\n\n");
        sb.append("Written by `./bench`").append(bench.quick ? " --quick (small sizes: not the reference numbers)" : "")
                .append(" (registry-bench, `dev.modelregistry.bench.Bench`); each measure's target in its row.\n\n");
        sb.append("| machine | |\n| --- | --- |\n");
        sb.append("| date | ").append(machine.date()).append(" |\n");
        sb.append("| CPUs (nproc) | ").append(machine.cpus()).append(" |\n");
        sb.append("| CPU model | ").append(machine.cpuModel()).append(" |\n");
        sb.append("| memory | ").append(machine.memory()).append(" |\n");
        sb.append("| JVM | ").append(machine.jvm()).append(" |\n");
        sb.append("| load average (1/5/15 min) at start | ").append(loadBefore).append(" |\n");
        sb.append("| load average at end | ").append(loadAfter).append(" |\n");
        sb.append(String.format("| run time | %.1f min |%n", minutes));
        sb.append("\n| section | measure | measured | target | verdict |\n| --- | --- | --- | --- | --- |\n");
        for (Bench.Result r : bench.results) {
            sb.append("| ").append(r.section()).append(" | ").append(r.what()).append(" | ").append(r.measured())
                    .append(" | ").append(r.target()).append(" | ").append(r.verdict()).append(" |\n");
        }
        if (!bench.notes.isEmpty()) {
            sb.append("\nNotes:\n\n");
            bench.notes.forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        sb.append("\nMethod: registrations are single-threaded, one committed transaction each, rotating over 20"
                + " models, median of the rounds after a warm-up; the Python baseline replays `register_model`'s SQL"
                + " with plain JDBC on the Python schema with sqlite3's defaults (rollback journal, synchronous=FULL) in"
                + " the same run. Scaling: models bulk-loaded to 10 / 1,000 / 10,000 versions, then registrations"
                + " interleaved across them, median each. Reads: a cached registry bulk-loaded by JDBC into the"
                + " Liquibase schema, measured through the public API after a warm-up. Migration: child JVMs with"
                + " -Xmx256m, wall time from process start to exit, peak heap from `-Xlog:gc,gc+heap+exit`. The cached"
                + " lookup opens the same file a second time with `ActiveVersionCache.IN_PROCESS`, reads every model once"
                + " (filling the cache), then times random models after as many untimed calls. Change feed: a child JVM"
                + " (`FeedWriter`) promotes two versions of one model in turn (SQLite 150 ms apart, PostgreSQL 50 ms) and"
                + " prints the wall clock in epoch microseconds just after each `promoteVersion` returns; this process's"
                + " `onActivationChange` listener takes the wall clock on receipt; the delay is the difference (one"
                + " machine, one clock; `System.nanoTime` is per process), median and p95 over the changes.\n");
        return sb.toString();
    }
}
