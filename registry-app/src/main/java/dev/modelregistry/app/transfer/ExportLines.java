package dev.modelregistry.app.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads newline-terminated lines as bytes, refusing a line longer than a bound before holding it. */
final class ExportLines {

    private final InputStream in;
    private final int maxLineBytes;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long number;

    ExportLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The number of the line last returned (1-based). */
    long number() {
        return number;
    }

    /**
     * The next line without its newline (and a '\r' before it), or null at the end of the file.
     *
     * @throws LineTooLong          when the line exceeds the bound
     * @throws UnterminatedLine     when the file ends inside a line (truncated)
     */
    byte[] next() throws IOException {
        line.reset();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        number++;
        while (b != '\n') {
            if (b < 0) {
                throw new UnterminatedLine();
            }
            if (line.size() >= maxLineBytes) {
                throw new LineTooLong(maxLineBytes);
            }
            line.write(b);
            b = in.read();
        }
        byte[] bytes = line.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r') {
            return java.util.Arrays.copyOf(bytes, bytes.length - 1);
        }
        return bytes;
    }

    static final class LineTooLong extends IOException {
        LineTooLong(int max) {
            super("is longer than " + max + " bytes");
        }
    }

    static final class UnterminatedLine extends IOException {
        UnterminatedLine() {
            super("ends without a newline: the file is truncated");
        }
    }
}
