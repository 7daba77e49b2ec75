package dev.modelregistry.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain text table: columns padded to their widest cell, numbers right-aligned on request. */
final class Table {

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    private Table(List<String> headers) {
        this.headers = headers;
        this.rightAligned = new boolean[headers.size()];
    }

    static Table of(String... headers) {
        return new Table(List.of(headers));
    }

    /** Right-aligns the given columns (0-based), for numbers. */
    Table right(int... columns) {
        for (int column : columns) {
            rightAligned[column] = true;
        }
        return this;
    }

    Table row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null ? "-" : cell.toString());
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintWriter out) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, headers, widths);
        List<String> rule = new ArrayList<>();
        for (int width : widths) {
            rule.add("-".repeat(width));
        }
        line(out, rule, widths);
        rows.forEach(row -> line(out, row, widths));
    }

    private void line(PrintWriter out, List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            String pad = " ".repeat(widths[i] - cell.length());
            if (i > 0) {
                text.append("  ");
            }
            text.append(rightAligned[i] ? pad + cell : cell + (i == cells.size() - 1 ? "" : pad));
        }
        out.println(text);
    }

    /** Two-column "label  value" lines, labels padded to the widest. */
    static void fields(PrintWriter out, List<String[]> pairs) {
        int width = pairs.stream().mapToInt(pair -> pair[0].length()).max().orElse(0);
        for (String[] pair : pairs) {
            out.println("  " + pair[0] + " ".repeat(width - pair[0].length()) + "  " + (pair[1] == null ? "-" : pair[1]));
        }
    }
}
