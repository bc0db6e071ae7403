package dev.llmock.cassette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.llmock.Llmock;
import dev.llmock.internal.Json;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
    static final int THREADS = 8;
    static final int PER_THREAD = 10;

    @TempDir
    Path dir;

    private Set<String> keysOnDisk() throws Exception {
        Set<String> keys = new HashSet<>();
        Json.MAPPER.readTree(Files.readString(dir.resolve("Shared.json"))).path("entries").fieldNames()
                .forEachRemaining(keys::add);
        return keys;
    }

    /** Each thread opens its own Cassettes (as separate test classes would) and saves after every recording. */
    private List<Callable<Set<String>>> writers(String prefix, int threads) {
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Set<String>>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            String prompt = prefix + t;
            tasks.add(() -> {
                Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).build()
                        .open("Shared");
                Set<String> keys = new HashSet<>();
                start.countDown();
                start.await();
                try (Llmock llmock = TestBackend.engine(cassette, TestBackend.synthetic())) {
                    for (int i = 0; i < PER_THREAD; i++) {
                        keys.add(llmock.generate(SecondJvmWriter.request(prompt, i)).provenance().details()
                                .path("cassette").path("key").asText(SecondJvmWriter.request(prompt, i).key().hash()));
                        cassette.save();
                    }
                }
                return keys;
            });
        }
        return tasks;
    }

    @Test
    void manyThreadsWritingOneCassetteLoseNoEntry() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Set<String> expected = new HashSet<>();
        try {
            for (Future<Set<String>> done : pool.invokeAll(writers("thread-", THREADS))) {
                expected.addAll(done.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(expected).hasSize(THREADS * PER_THREAD);
        assertThat(keysOnDisk()).isEqualTo(expected);
    }

    @Test
    void parallelTestMethodsSharingOneCassetteLoseNoEntry() throws Exception {
        Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).build().open("Shared");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        Set<String> expected = java.util.concurrent.ConcurrentHashMap.newKeySet();
        try (Llmock llmock = TestBackend.engine(cassette, TestBackend.synthetic())) {
            List<Callable<Object>> tasks = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                String prompt = "method-" + t;
                tasks.add(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        llmock.generate(SecondJvmWriter.request(prompt, i));
                        expected.add(SecondJvmWriter.request(prompt, i).key().hash());
                        if (i % 3 == 0) {
                            cassette.save();
                        }
                    }
                    return null;
                });
            }
            for (Future<Object> done : pool.invokeAll(tasks)) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        cassette.close();
        assertThat(keysOnDisk()).hasSize(THREADS * PER_THREAD).isEqualTo(expected);
        assertThat(cassette.report().recorded()).hasSize(THREADS * PER_THREAD);
    }

    @Test
    void twoJvmsWithTheirOwnTempDirectoriesOneComingThroughASymlinkKeepEveryEntry() throws Exception {
        Path cassettes = Files.createDirectories(dir.resolve("cassettes"));
        Path link = Files.createSymbolicLink(dir.resolve("link-to-cassettes"), cassettes);
        int each = 1_500;
        Process first = writer(cassettes, "jvm-a", each, "a", "b");
        Process second = writer(link, "jvm-b", each, "b", "a");

        try {
            finished(first, "a");
            finished(second, "b");
        } finally {
            first.destroyForcibly();
            second.destroyForcibly();
        }

        Set<String> expected = new HashSet<>();
        for (int i = 0; i < each; i++) {
            expected.add(SecondJvmWriter.request("jvm-a", i).key().hash());
            expected.add(SecondJvmWriter.request("jvm-b", i).key().hash());
        }
        Set<String> onDisk = new HashSet<>();
        Json.MAPPER.readTree(Files.readString(cassettes.resolve("Shared.json"))).path("entries").fieldNames()
                .forEachRemaining(onDisk::add);
        assertThat(onDisk).hasSize(2 * each).isEqualTo(expected);
    }

    /** A {@link CrossJvmWriter} with a temp directory of its own, which an inter-process lock must not depend on. */
    private Process writer(Path cassettes, String prompt, int count, String self, String other) throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp-" + self));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", System.getProperty("java.class.path"),
                CrossJvmWriter.class.getName(), cassettes.toString(), "Shared", prompt, String.valueOf(count), "100",
                dir.resolve("ready-" + self).toString(), dir.resolve("ready-" + other).toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("writer-" + self + ".log").toFile()).start();
    }

    private void finished(Process writer, String self) throws Exception {
        String log = dir.resolve("writer-" + self + ".log").toString();
        assertThat(writer.waitFor(300, TimeUnit.SECONDS)).as("writer " + self + " finished").isTrue();
        assertThat(writer.exitValue()).as(Files.readString(Path.of(log), StandardCharsets.UTF_8)).isZero();
    }

    @Test
    void aSecondJvmWritingTheSameCassetteLosesNoEntry() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = dir.resolve("second-jvm.log");
        Process second = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SecondJvmWriter.class.getName(), dir.toString(), "Shared", "other-jvm", String.valueOf(PER_THREAD * 3))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Set<String> expected = new HashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Set<String>> done : pool.invokeAll(writers("this-jvm-", 4))) {
                expected.addAll(done.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).as("second JVM finished").isTrue();
        assertThat(second.exitValue()).as(Files.readString(log, StandardCharsets.UTF_8)).isZero();
        for (int i = 0; i < PER_THREAD * 3; i++) {
            expected.add(SecondJvmWriter.request("other-jvm", i).key().hash());
        }

        assertThat(expected).hasSize(4 * PER_THREAD + PER_THREAD * 3);
        assertThat(keysOnDisk()).isEqualTo(expected);
        assertThat(dir.toFile().list((d, name) -> name.endsWith(".tmp"))).isEmpty();
    }
}
