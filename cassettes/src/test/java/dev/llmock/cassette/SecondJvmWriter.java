package dev.llmock.cassette;

import dev.llmock.FixtureRequest;
import dev.llmock.Llmock;
import java.nio.file.Path;

/** Run in a second JVM by {@link ConcurrencyTest}: records {@code count} entries into one cassette, saving each. */
public final class SecondJvmWriter {
    private SecondJvmWriter() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String name = args[1];
        String prompt = args[2];
        int count = Integer.parseInt(args[3]);
        Cassette cassette = Cassettes.newBuilder().directory(dir).mode(RecordMode.RECORD).build().open(name);
        try (Llmock llmock = TestBackend.engine(cassette, TestBackend.synthetic())) {
            for (int i = 0; i < count; i++) {
                llmock.generate(request(prompt, i));
                cassette.save();
            }
        }
        System.out.println("done " + count);
    }

    static FixtureRequest request(String prompt, int variant) {
        return TestBackend.request("{\"name\":\"string\",\"age\":0}").prompt(prompt).variant(variant).build();
    }
}
