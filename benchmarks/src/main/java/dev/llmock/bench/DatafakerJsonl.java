package dev.llmock.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * The baseline of the 1,000,000-record run: what a user would write by hand without llmock, one Datafaker
 * {@link Faker} filling the fields of {@link ScaleRun#SHAPE} and Jackson's streaming generator writing one record per
 * line (the e-mail made from the name, as llmock's synthetic backend makes it).
 *
 * <p>Usage: {@code DatafakerJsonl <count> <out.jsonl>}
 */
public final class DatafakerJsonl {
    private DatafakerJsonl() {
    }

    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Faker faker = new Faker(Locale.ENGLISH, new Random(42));
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(Path.of(args[1])), 1 << 16);
             JsonGenerator json = new JsonFactory().createGenerator(file)) {
            json.setRootValueSeparator(null);
            for (int i = 0; i < count; i++) {
                String first = faker.name().firstName();
                String last = faker.name().lastName();
                json.writeStartObject();
                json.writeStringField("name", first + " " + last);
                json.writeStringField("email", faker.internet().emailAddress(
                        first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT)));
                json.writeNumberField("age", faker.number().numberBetween(18, 90));
                json.writeObjectFieldStart("address");
                json.writeStringField("city", faker.address().city());
                json.writeStringField("state", faker.address().state());
                json.writeStringField("zip", faker.address().zipCode());
                json.writeEndObject();
                json.writeEndObject();
                json.writeRaw('\n');
            }
        }
    }
}
