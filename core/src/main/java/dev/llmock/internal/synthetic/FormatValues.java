package dev.llmock.internal.synthetic;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import net.datafaker.Faker;

/** Strings that are what a JSON Schema {@code format} names: dates, times, emails, hosts, addresses, URIs ... */
final class FormatValues {
    private FormatValues() {
    }

    /**
     * A value of {@code format}, or null for a format llmock does not know (JSON Schema makes those annotations).
     *
     * @param future whether a date must lie in the future ({@code x-llmock-time}), else in the past
     */
    static String value(String format, String name, boolean future, Faker faker, RecordContext record) {
        return switch (format) {
            case "date-time" -> instant(future, faker, record).toString();
            case "date" -> {
                var birth = future ? null : NamedValues.date(name, faker, record);
                yield birth != null ? birth.toString() : Values.toDate(instant(future, faker, record)).toString();
            }
            case "time" -> LocalTime.ofSecondOfDay(faker.random().nextInt(0, 86_399)).truncatedTo(ChronoUnit.SECONDS)
                    .atOffset(ZoneOffset.UTC).toString();
            case "duration" -> "P" + faker.random().nextInt(1, 30) + "DT" + faker.random().nextInt(1, 23) + "H";
            case "email", "idn-email" -> record.person().email();
            case "hostname", "idn-hostname" -> "www." + record.person().domain();
            case "ipv4" -> faker.random().nextInt(1, 223) + "." + faker.random().nextInt(0, 255) + "."
                    + faker.random().nextInt(0, 255) + "." + faker.random().nextInt(1, 254);
            case "ipv6" -> "2001:db8:" + Integer.toHexString(faker.random().nextInt(1, 0xffff)) + "::"
                    + Integer.toHexString(faker.random().nextInt(1, 0xffff));
            case "uri", "iri" -> "https://www." + record.person().domain() + "/" + faker.internet().slug();
            case "uri-reference", "iri-reference" -> "/" + faker.internet().slug();
            case "uri-template" -> "https://www." + record.person().domain() + "/{id}";
            case "uuid" -> Values.uuid(faker.random()).toString();
            case "json-pointer" -> "/" + faker.lorem().word() + "/" + faker.random().nextInt(0, 9);
            case "relative-json-pointer" -> faker.random().nextInt(0, 3) + "/" + faker.lorem().word();
            case "regex" -> "^[a-z]+$";
            default -> null;
        };
    }

    private static Instant instant(boolean future, Faker faker, RecordContext record) {
        return future ? Values.futureInstant(faker.random()) : Values.pastInstant(faker.random(), record);
    }
}
