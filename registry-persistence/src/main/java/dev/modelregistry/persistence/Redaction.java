package dev.modelregistry.persistence;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of everything the library and the CLI print, log or put in an exception
 * message: a password is never shown, whichever way it was given.
 *
 * <ul>
 *   <li>{@link #jdbcUrl}: the password of {@code user:password@host} and the value of every
 *       URL parameter whose (URL-decoded) name looks secret ({@code password}, {@code sslpassword},
 *       {@code passwd}, {@code pwd}, {@code secret}, {@code token}, {@code credential},
 *       {@code key}...), separated by {@code ?}, {@code &} or {@code ;}, become {@value #MASK}.</li>
 *   <li>{@link #text}: the same for every JDBC URL and every {@code password=...} inside free text,
 *       plus every known secret value (raw, URL-encoded and URL-decoded).</li>
 *   <li>{@link #scrub}: an exception chain whose messages would show a secret is replaced by a
 *       copy with redacted messages (same classes named, same stack traces).</li>
 * </ul>
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final Pattern SECRET_NAME = Pattern.compile(
            "pass|pwd|secret|token|credential|key|auth", Pattern.CASE_INSENSITIVE);
    private static final Pattern PARAMETER = Pattern.compile("([?&;])([^=&;?#\\s]+)=([^&;#\\s]*)");
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:[^\\s\"'<>]+");
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)\\b([a-z_.-]*(?:password|passwd|pwd|secret|token)[a-z_.-]*\\s*=\\s*)([^\\s&;,\"')]+)");
    /** Shorter values would garble messages if masked wherever they occur; inside URLs they are masked anyway. */
    private static final int MIN_FREE_TEXT_SECRET = 3;

    private Redaction() {
    }

    /** The URL with its secrets masked; null stays null. */
    public static String jdbcUrl(String url) {
        if (url == null) {
            return null;
        }
        String masked = maskUserInfo(url);
        Matcher parameter = PARAMETER.matcher(masked);
        StringBuilder out = new StringBuilder();
        while (parameter.find()) {
            String replacement = secretName(parameter.group(2))
                    ? parameter.group(1) + parameter.group(2) + "=" + MASK : parameter.group();
            parameter.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        parameter.appendTail(out);
        return out.toString();
    }

    /** The URL without user information and parameters: {@code jdbc:postgresql://host:5432/db}. */
    public static String withoutParameters(String url) {
        if (url == null) {
            return null;
        }
        int end = UrlText.firstOf(url, 0, '?', ';', '#');
        String base = url.substring(0, end < 0 ? url.length() : end);
        int authority = base.indexOf("//");
        int at = authority < 0 ? -1 : base.lastIndexOf('@');
        return at > authority && authority >= 0 ? base.substring(0, authority + 2) + base.substring(at + 1) : base;
    }

    /** Free text with every JDBC URL, every {@code password=...} and every given secret masked. */
    public static String text(String text, Collection<String> secrets) {
        if (text == null) {
            return null;
        }
        Matcher url = JDBC_URL.matcher(text);
        StringBuilder out = new StringBuilder();
        while (url.find()) {
            url.appendReplacement(out, Matcher.quoteReplacement(jdbcUrl(url.group())));
        }
        url.appendTail(out);
        String result = SECRET_ASSIGNMENT.matcher(out).replaceAll(match ->
                Matcher.quoteReplacement(match.group(1) + MASK));
        for (String secret : variants(secrets)) {
            result = result.replace(secret, MASK);
        }
        return result;
    }

    /** {@link #text(String, Collection)} without known secret values. */
    public static String text(String text) {
        return text(text, List.of());
    }

    /** The secret values inside a JDBC URL (the user-info password, secret parameters), URL-decoded. */
    public static Set<String> secretsOf(String url) {
        Set<String> secrets = new LinkedHashSet<>();
        if (url == null) {
            return secrets;
        }
        String userInfoPassword = userInfoPassword(url);
        if (userInfoPassword != null) {
            secrets.add(UrlText.decode(userInfoPassword));
        }
        Matcher parameter = PARAMETER.matcher(url);
        while (parameter.find()) {
            if (secretName(parameter.group(2)) && !parameter.group(3).isEmpty()) {
                secrets.add(UrlText.decode(parameter.group(3)));
            }
        }
        return secrets;
    }

    /**
     * The failure itself when none of its messages shows a secret; otherwise a copy of the chain
     * with redacted messages (each link names the original class and keeps its stack trace).
     */
    public static Throwable scrub(Throwable failure, Collection<String> secrets) {
        if (failure == null || !leaks(failure, secrets)) {
            return failure;
        }
        Throwable cause = failure.getCause() == failure ? null : scrub(failure.getCause(), secrets);
        RedactedFailure copy = new RedactedFailure(failure.getClass().getName(), text(failure.getMessage(), secrets), cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    private static boolean leaks(Throwable failure, Collection<String> secrets) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.equals(text(message, secrets))) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> variants(Collection<String> secrets) {
        Set<String> variants = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null || secret.length() < MIN_FREE_TEXT_SECRET) {
                continue;
            }
            variants.add(secret);
            variants.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            variants.add(URLEncoder.encode(secret, StandardCharsets.UTF_8).replace("+", "%20"));
            variants.add(UrlText.decode(secret));
        }
        List<String> longestFirst = new ArrayList<>(variants);
        longestFirst.sort((a, b) -> b.length() - a.length());
        return new LinkedHashSet<>(longestFirst);
    }

    private static boolean secretName(String name) {
        return SECRET_NAME.matcher(UrlText.decode(name).toLowerCase(Locale.ROOT)).find();
    }

    private static String maskUserInfo(String url) {
        int[] span = userInfoPasswordSpan(url);
        return span == null ? url : url.substring(0, span[0]) + MASK + url.substring(span[1]);
    }

    private static String userInfoPassword(String url) {
        int[] span = userInfoPasswordSpan(url);
        return span == null ? null : url.substring(span[0], span[1]);
    }

    /** Start and end of the password in {@code //user:password@host}, or null. */
    private static int[] userInfoPasswordSpan(String url) {
        int authority = url.indexOf("//");
        if (authority < 0) {
            return null;
        }
        int start = authority + 2;
        int query = UrlText.firstOf(url, start, '?', '#');
        int at = url.lastIndexOf('@', query < 0 ? url.length() - 1 : query - 1);
        if (at < start) {
            return null;
        }
        int colon = url.indexOf(':', start);
        if (colon < 0 || colon > at) {
            return null;
        }
        return new int[] {colon + 1, at};
    }

    /** A link of a scrubbed exception chain: the original class's name, a redacted message. */
    static final class RedactedFailure extends RuntimeException {

        private final String originalClass;

        RedactedFailure(String originalClass, String message, Throwable cause) {
            super(message, cause);
            this.originalClass = originalClass;
        }

        @Override
        public String toString() {
            String message = getLocalizedMessage();
            return message == null ? originalClass : originalClass + ": " + message;
        }
    }
}
