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
        sb.append("\nMethod: every section's first row is the load average at its start. Registrations go through the"
                + " public API (`registerModel`), each call its own committed transaction (SQLite WAL synchronous=FULL;"
                + " PostgreSQL as the server commits, noted): one thread rotating over 20 models, median of 5 rounds of"
                + " 1,000 after 500 warm-up calls; then 8 threads of this process calling the same `ModelRegistry`,"
                + " sharing 20 other models, median of 3 rounds of 8 x 250 after a warm-up round, each round timed from"
                + " the common start to the last thread's end; afterwards plain SQL compares the stored versions with the"
                + " ids the calls returned (lost, extra) and checks every model: its active version holds the best stored"
                + " score (a version wins only with a strictly greater score), is the only one flagged active and is what"
                + " `getActiveModelVersion` answers. The Python baseline replays `register_model`'s SQL with plain JDBC on"
                + " the Python schema with sqlite3's defaults (rollback journal, synchronous=FULL), one thread, in the same"
                + " run. The disk rate: 4 KiB O_DSYNC appends to a new 8 MB file in the registry's folder (what"
                + " `dd bs=4k oflag=dsync` does), 1.5 s just before and just after the one-thread SQLite rounds, mean of"
                + " the two. Scaling: models bulk-loaded to 10 / 1,000 / 10,000 versions, then registrations"
                + " interleaved across them, median each. Reads: a cached registry bulk-loaded by JDBC into the"
                + " Liquibase schema (as a fixture: no journal, secondary indexes created again after the load), measured"
                + " through the public API after a warm-up. The cached lookup opens the same file a second time with"
                + " `ActiveVersionCache.IN_PROCESS`, reads every model once (filling the cache), then times random models"
                + " after as many untimed calls. Change feed: a child JVM (`FeedWriter`) promotes two versions of one"
                + " model in turn (SQLite 150 ms apart, PostgreSQL 50 ms) and prints the wall clock in epoch microseconds"
                + " just after each `promoteVersion` returns; this process's `onActivationChange` listener takes the wall"
                + " clock on receipt; the delay is the difference (one machine, one clock; `System.nanoTime` is per"
                + " process), median and p95 over the changes. Migration: generated legacy registries (500 and 5,000"
                + " models x 10 versions), child JVMs with -Xmx256m started as `./registry migrate` (the launcher's flags"
                + " and class-data-sharing archive; an untimed first run writes the archive when there is none) and as"
                + " `java -jar registry.jar migrate`, alternating; wall time from process start to exit; 50,000 versions:"
                + " median of 3 runs per form, or 1 when its first run takes over 20 s (to keep the full run near 12"
                + " minutes on 2 cores), 5,000: 1 run per form; peak heap from `-Xlog:gc,gc+heap+exit`; the floor inserts"
                + " the same rows (lineage as a migration writes it: the data hash only) by plain JDBC batches into a"
                + " fresh Liquibase schema on the registry's own connection settings (WAL, synchronous=FULL, the"
                + " import's 128 MiB page cache, `BulkInserts.enlargeSqliteCache`), one transaction, median of 3 in"
                + " this JVM (runs before 2026-12-04 used SQLite's default 2 MB cache and so a higher floor). `--quick` uses smaller sizes and fewer rounds.\n");
        return sb.toString();
    }
}
