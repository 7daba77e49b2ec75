package dev.modelregistry.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/** What the numbers were measured on. */
record Machine(int cpus, String cpuModel, String memory, String jvm, String date, String load) {

    static Machine describe() {
        return new Machine(Runtime.getRuntime().availableProcessors(), readCpuModel(), readMemory(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                ZonedDateTime.now().format(DateTimeFormatter.RFC_1123_DATE_TIME), loadAverage());
    }

    /** The 1, 5 and 15 minute load averages as `uptime` shows them. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * The disk's durable small-write rate where the registries live: 4 KiB writes through a
     * {@link StandardOpenOption#DSYNC} channel (each returns once the data is on the device),
     * appended to a new 8 MB file, again and again for about {@code seconds}: what
     * {@code dd if=/dev/zero of=f bs=4k count=2000 oflag=dsync} does, repeated; writes per
     * second. A durable commit needs at least one such write.
     */
    static double dsyncWritesPerSecond(Path dir, double seconds) throws IOException {
        Path file = dir.resolve("dsync-probe.bin");
        ByteBuffer block = ByteBuffer.allocateDirect(4096);
        long writes = 0;
        long t0 = System.nanoTime();
        long end = t0 + (long) (seconds * 1e9);
        try {
            while (System.nanoTime() < end) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.DSYNC)) {
                    for (int i = 0; i < 2_000 && System.nanoTime() < end; i++) {
                        block.clear();
                        channel.write(block);
                        writes++;
                    }
                }
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return writes / ((System.nanoTime() - t0) / 1e9);
    }

    private static String readCpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        } catch (IOException e) {
            return System.getProperty("os.arch");
        }
    }

    private static String readMemory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 / 1024 + " GiB").findFirst().orElse("unknown");
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
