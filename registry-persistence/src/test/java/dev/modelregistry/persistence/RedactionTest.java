package dev.modelregistry.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secrets are masked in URLs, free text and exception chains, however they are spelled. */
class RedactionTest {

    private static final String SECRET = "S3cr3t-pw";

    @Test
    void aPasswordParameterIsMaskedWhereverItStandsInTheQuery() {
        assertThat(Redaction.jdbcUrl("jdbc:postgresql://db:5432/registry?password=" + SECRET))
                .isEqualTo("jdbc:postgresql://db:5432/registry?password=***");
        assertThat(Redaction.jdbcUrl("jdbc:postgresql://db/registry?currentSchema=x&password=" + SECRET + "&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/registry?currentSchema=x&password=***&ssl=true");
        assertThat(Redaction.jdbcUrl("jdbc:sqlserver://db;user=sa;password=" + SECRET + ";encrypt=true"))
                .isEqualTo("jdbc:sqlserver://db;user=sa;password=***;encrypt=true");
    }

    @Test
    void theUserInfoPasswordIsMaskedAndTheUserKept() {
        assertThat(Redaction.jdbcUrl("jdbc:postgresql://admin:" + SECRET + "@db:5432/registry"))
                .isEqualTo("jdbc:postgresql://admin:***@db:5432/registry");
        assertThat(Redaction.jdbcUrl("jdbc:postgresql://admin:p%40ss%3Aword@db/registry?x=1"))
                .isEqualTo("jdbc:postgresql://admin:***@db/registry?x=1");
        assertThat(Redaction.jdbcUrl("jdbc:postgresql://admin@db:5432/registry")).isEqualTo("jdbc:postgresql://admin@db:5432/registry");
    }

    @Test
    void otherSecretLookingParametersAreMaskedEvenWhenTheirNameIsUrlEncodedOrInAnotherCase() {
        String url = "jdbc:postgresql://db/r?sslpassword=a1b2c3&PASSWORD=x9y8z7&pass%77ord=q1w2e3&apiToken=t0k3n&sslmode=require";
        assertThat(Redaction.jdbcUrl(url))
                .isEqualTo("jdbc:postgresql://db/r?sslpassword=***&PASSWORD=***&pass%77ord=***&apiToken=***&sslmode=require");
        assertThat(Redaction.secretsOf(url)).containsExactlyInAnyOrder("a1b2c3", "x9y8z7", "q1w2e3", "t0k3n");
    }

    @Test
    void urlsAndPasswordAssignmentsInsideFreeTextAreMasked() {
        String message = "FATAL: cannot open jdbc:postgresql://u:" + SECRET + "@h/db?password=" + SECRET
                + " (PGPASSWORD=" + SECRET + ", password = " + SECRET + ")";
        assertThat(Redaction.text(message)).doesNotContain(SECRET).contains("jdbc:postgresql://u:***@h/db?password=***");
    }

    @Test
    void aKnownSecretIsMaskedRawUrlEncodedAndUrlDecoded() {
        String secret = "p@ss word/ü";
        String encoded = "p%40ss+word%2F%C3%BC";
        assertThat(Redaction.text("a " + secret + " b " + encoded + " c p%40ss%20word%2F%C3%BC", List.of(secret)))
                .isEqualTo("a *** b *** c ***");
        assertThat(Redaction.secretsOf("jdbc:postgresql://h/db?password=" + encoded)).containsExactly(secret);
    }

    @Test
    void withoutParametersDropsUserInfoAndEveryParameter() {
        assertThat(Redaction.withoutParameters("jdbc:postgresql://u:" + SECRET + "@127.0.0.1:1/test?connectTimeout=1&password=x"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:1/test");
    }

    @Test
    void anExceptionChainThatShowsASecretIsCopiedWithRedactedMessagesAndTheSameClassNamesAndStacks() {
        IllegalStateException root = new IllegalStateException("bad url jdbc:postgresql://h/db?password=" + SECRET);
        RuntimeException top = new RuntimeException("open failed for " + SECRET, root);

        Throwable scrubbed = Redaction.scrub(top, List.of(SECRET));

        StringBuilder all = new StringBuilder();
        for (Throwable t = scrubbed; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            assertThat(t.getStackTrace()).isNotEmpty();
        }
        assertThat(all.toString()).doesNotContain(SECRET).contains("java.lang.IllegalStateException: bad url")
                .contains("java.lang.RuntimeException: open failed for ***");
        RuntimeException harmless = new RuntimeException("connection refused");
        assertThat(Redaction.scrub(harmless, List.of(SECRET))).isSameAs(harmless);
    }

    @Test
    void theTargetTakesEverySecretOutOfTheUrlAndHandsItToTheDriver() {
        JdbcTarget userInfo = JdbcTarget.of("jdbc:postgresql://admin:p%40ss@db:5432/registry?currentSchema=s", null, null);
        assertThat(userInfo.url()).isEqualTo("jdbc:postgresql://db:5432/registry?currentSchema=s");
        assertThat(userInfo.user()).isEqualTo("admin");
        assertThat(userInfo.password()).isEqualTo("p@ss");

        JdbcTarget parameters = JdbcTarget.of("jdbc:postgresql://db/registry?password=" + SECRET
                + "&currentSchema=s&sslpassword=k3y-pw&connectTimeout=1", "u", null);
        assertThat(parameters.url()).isEqualTo("jdbc:postgresql://db/registry?currentSchema=s&connectTimeout=1");
        assertThat(parameters.password()).isEqualTo(SECRET);
        assertThat(parameters.properties()).isEqualTo(Map.of("sslpassword", "k3y-pw"));
        assertThat(parameters.driverProperties()).containsEntry("user", "u").containsEntry("password", SECRET);
        assertThat(parameters.toString()).doesNotContain(SECRET).doesNotContain("k3y-pw");

        JdbcTarget given = JdbcTarget.of("jdbc:postgresql://db/registry?password=fromurl", "u", "given");
        assertThat(given.password()).as("an explicit password wins").isEqualTo("given");
        assertThat(given.url()).isEqualTo("jdbc:postgresql://db/registry");
        assertThat(given.redact("given fromurl")).isEqualTo("*** ***");
    }
}
