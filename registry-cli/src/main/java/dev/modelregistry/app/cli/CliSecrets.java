package dev.modelregistry.app.cli;

import dev.modelregistry.persistence.Redaction;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The last guard of "a password is never printed": the secrets of one command line (the
 * {@code --password} value, the {@code REGISTRY_DB_PASSWORD} variable, the secrets inside
 * {@code --jdbc-url}) are masked in everything the command writes to stdout and stderr, stack
 * traces of {@code --verbose} included. The library already keeps them out of its URLs and
 * messages ({@code JdbcTarget}, {@link Redaction}); this catches whatever else might echo them.
 */
final class CliSecrets {

    private CliSecrets() {
    }

    static Set<String> of(String[] args, String environmentPassword) {
        Set<String> secrets = new LinkedHashSet<>();
        if (environmentPassword != null && !environmentPassword.isEmpty()) {
            secrets.add(environmentPassword);
        }
        List<String> list = List.of(args);
        for (int i = 0; i < list.size(); i++) {
            String arg = list.get(i);
            String next = i + 1 < list.size() ? list.get(i + 1) : null;
            if (arg.equals("--password") && next != null) {
                secrets.add(next);
            } else if (arg.startsWith("--password=")) {
                secrets.add(arg.substring("--password=".length()));
            } else if (arg.equals("--jdbc-url") && next != null) {
                secrets.addAll(Redaction.secretsOf(next));
            } else if (arg.startsWith("--jdbc-url=")) {
                secrets.addAll(Redaction.secretsOf(arg.substring("--jdbc-url=".length())));
            }
        }
        secrets.removeIf(String::isEmpty);
        return secrets;
    }

    /** A writer that masks URLs' secrets and the given secret values in every chunk written. */
    static Writer redacting(Writer out, Set<String> secrets) {
        return new FilterWriter(out) {
            @Override
            public void write(String text, int offset, int length) throws IOException {
                String chunk = text.substring(offset, offset + length);
                out.write(redact(chunk, secrets));
            }

            @Override
            public void write(char[] buffer, int offset, int length) throws IOException {
                write(new String(buffer, offset, length), 0, length);
            }

            @Override
            public void write(int c) throws IOException {
                out.write(c);
            }
        };
    }

    private static String redact(String chunk, Set<String> secrets) {
        return chunk.isBlank() ? chunk : Redaction.text(chunk, secrets);
    }
}
