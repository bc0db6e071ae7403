package dev.llmock.cassette;

import dev.llmock.Llmock;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Run in its own JVM by {@link ConcurrencyTest}: opens a cassette, tells the other writer it is ready and waits for it
 * (files as a barrier between processes), then records {@code count} entries, saving every {@code saveEvery}.
 *
 * <p>Arguments: directory, cassette name, prompt, count, saveEvery, this writer's ready file, the other's ready file.
 */
public final class CrossJvmWriter {
    private CrossJvmWriter() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String name = args[1];
        String prompt = args[2];
        int count = Integer.parseInt(args[3]);
        int saveEvery = Integer.parseInt(args[4]);
        Path ready = Path.of(args[5]);
        Path other = Path.of(args[6]);
        Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).build().open(name);
        Files.createFile(ready);
        while (!Files.exists(other)) {
            Thread.sleep(5);
        }
        try (Llmock llmock = TestBackend.engine(cassette, TestBackend.synthetic())) {
            for (int i = 0; i < count; i++) {
                llmock.generate(SecondJvmWriter.request(prompt, i));
                if ((i + 1) % saveEvery == 0) {
                    cassette.save();
                }
            }
        }
        cassette.save();
        System.out.println("done " + count);
    }
}
