package dev.modelregistry.app.cli;

import dev.modelregistry.app.migration.MigrationListener;
import java.io.PrintWriter;

/** Migration progress on a terminal: one stderr line, rewritten in place, at most once per percent. */
final class ConsoleProgress implements MigrationListener {

    private final PrintWriter err;
    private String phase = "";
    private long lastPercent = -1;
    private int width;

    ConsoleProgress(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void phase(String name) {
        phase = name;
        lastPercent = -1;
        show(name + " ...");
    }

    @Override
    public void progress(long done, long total) {
        long percent = total == 0 ? 100 : done * 100 / total;
        if (percent != lastPercent || done == total) {
            lastPercent = percent;
            show(String.format("%s %d/%d (%d%%)", phase, done, total, percent));
        }
    }

    private void show(String text) {
        String padded = text.length() < width ? text + " ".repeat(width - text.length()) : text;
        width = text.length();
        err.print("\r" + padded);
        err.flush();
    }

    /**
     * Whether the process runs on a terminal. {@code System.console()} is null when a stream is
     * redirected up to Java 21; from Java 22 it is a console anyway and {@code isTerminal()} tells.
     */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException beforeJava22) {
            return true;
        }
    }

    /** Erases the progress line before the summary is printed. */
    void clear() {
        err.print("\r" + " ".repeat(width) + "\r");
        err.flush();
    }
}
