package dev.modelregistry.app.migration.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reads a generated 50,000-version registry in a JVM limited to 256 MB of heap, the
 * migration's budget. Slow (it writes 50,000 files): run with
 * {@code mvn -pl registry-app test -Dgroups=slow -DexcludedGroups= -Dtest=LegacyReaderHeapTest}.
 */
@Tag("slow")
class LegacyReaderHeapTest {

    @TempDir
    Path tmp;

    @Test
    void readsFiftyThousandVersionsInA256MegabyteHeap() throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                LegacyReaderHeapProbe.class.getName(), tmp.resolve("registry").toString(), "5000", "10"))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        System.out.println(output);

        assertThat(process.exitValue()).as(output).isZero();
        Matcher m = Pattern.compile("RETAINED_BYTES=(\\d+) VERSIONS=(\\d+) PROBLEMS=(\\d+)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(50_000);
        assertThat(Integer.parseInt(m.group(3))).isZero();
        assertThat(Long.parseLong(m.group(1))).as("retained bytes").isLessThan(128L * 1024 * 1024);
    }
}
