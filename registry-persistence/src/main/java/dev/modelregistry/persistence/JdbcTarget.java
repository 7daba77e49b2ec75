package dev.modelregistry.persistence;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database server to connect to, with its secrets kept apart from its URL: the password of
 * {@code //user:password@host} and every secret-looking URL parameter ({@code password},
 * {@code sslpassword}, ...) are taken out of the URL and handed to the driver as connection
 * properties. So the URL the driver, the pool, Liquibase and Hibernate see (and may print in a
 * log line or an exception) holds no secret; {@link #location()} is that URL.
 *
 * @param url        the URL without user information and without secret parameters
 * @param user       the user (given, else from {@code user=} or {@code user@host}), or null
 * @param password   the password (given, else from the URL), or null
 * @param properties the other secret parameters of the URL, as driver properties
 * @param secrets    every secret value, for {@link Redaction#text(String, Collection)}
 */
record JdbcTarget(String url, String user, String password, Map<String, String> properties, Set<String> secrets) {

    private static final Pattern PARAMETER = Pattern.compile("([?&;])([^=&;?#]+)=([^&;#]*)");

    JdbcTarget {
        properties = Map.copyOf(properties);
        secrets = Set.copyOf(secrets);
    }

    static JdbcTarget of(String url, String user, String password) {
        Set<String> secrets = new LinkedHashSet<>(Redaction.secretsOf(url));
        if (password != null && !password.isEmpty()) {
            secrets.add(password);
        }
        String clean = url;
        int authority = url.indexOf("//");
        int query = UrlText.firstOf(url, Math.max(authority, 0), '?', ';', '#');
        int at = authority < 0 ? -1 : url.lastIndexOf('@', query < 0 ? url.length() - 1 : query - 1);
        if (authority >= 0 && at > authority) {
            String userInfo = url.substring(authority + 2, at);
            int colon = userInfo.indexOf(':');
            String infoUser = UrlText.decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            if (user == null && !infoUser.isEmpty()) {
                user = infoUser;
            }
            if (password == null && colon >= 0) {
                password = UrlText.decode(userInfo.substring(colon + 1));
            }
            clean = url.substring(0, authority + 2) + url.substring(at + 1);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        StringBuilder kept = new StringBuilder();
        Matcher parameter = PARAMETER.matcher(clean);
        int tail = 0;
        boolean firstKept = true;
        while (parameter.find()) {
            String name = UrlText.decode(parameter.group(2));
            String value = UrlText.decode(parameter.group(3));
            kept.append(clean, tail, parameter.start());
            tail = parameter.end();
            if (name.equalsIgnoreCase("password")) {
                password = password == null ? value : password;
            } else if (Redaction.jdbcUrl("?" + parameter.group(2) + "=x").endsWith(Redaction.MASK)) {
                properties.put(name, value);
            } else {
                String separator = parameter.group(1);
                if (!separator.equals(";")) {
                    separator = firstKept ? "?" : "&";
                }
                firstKept = false;
                kept.append(separator).append(parameter.group(2)).append('=').append(parameter.group(3));
            }
        }
        kept.append(clean.substring(tail));
        return new JdbcTarget(kept.toString(), user, password, properties, secrets);
    }

    /** The URL to show: without secrets (the same as {@link #url()}). */
    String location() {
        return url;
    }

    /** {@code text} with every secret of this target masked. */
    String redact(String text) {
        return Redaction.text(text, secrets);
    }

    /** Driver properties: user, password and the secret parameters. */
    Properties driverProperties() {
        Properties driver = new Properties();
        properties.forEach(driver::setProperty);
        if (user != null) {
            driver.setProperty("user", user);
        }
        if (password != null) {
            driver.setProperty("password", password);
        }
        return driver;
    }

    @Override
    public String toString() {
        return "JdbcTarget[" + url + "]";
    }
}
