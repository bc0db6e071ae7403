package dev.llmock.internal.synthetic;

import java.time.Instant;
import java.util.Locale;
import net.datafaker.Faker;

/**
 * The facts one record shares across its fields: the person (so the email belongs to the name) and,
 * per object, the place (so city, state and zip agree).
 */
final class RecordContext {
    private final Faker faker;
    private final int index;
    private Person person;
    Instant lastInstant;
    private boolean idClaimed;

    RecordContext(Faker faker, int index) {
        this.faker = faker;
        this.index = index;
    }

    int index() {
        return index;
    }

    /** The first {@code id} of a record counts records (1, 2, 3 ...); nested ids are random. */
    boolean claimSequentialId() {
        if (idClaimed) {
            return false;
        }
        idClaimed = true;
        return true;
    }

    Person person() {
        if (person == null) {
            String first = faker.name().firstName();
            String last = faker.name().lastName();
            String company = faker.company().name();
            String local = ascii(first + "." + last);
            String username = ascii(first.charAt(0) + last) + faker.number().numberBetween(1, 99);
            String domain = ascii(COMPANY_SUFFIX.matcher(company).replaceAll(""))
                    .replace(".", "") + ".example.com";
            person = new Person(first, last, local + "@" + domain, username, company, domain);
        }
        return person;
    }

    Address newAddress() {
        Places.Place place = Places.US.get(faker.number().numberBetween(0, Places.US.size()));
        return new Address(faker.address().streetAddress(), faker.address().secondaryAddress(), place.city(),
                place.state(), place.stateCode(), faker.address().zipCodeByState(place.stateCode()));
    }

    private static final java.util.regex.Pattern COMPANY_SUFFIX =
            java.util.regex.Pattern.compile("(?i)\\b(inc|llc|group|and|ltd|plc)\\b");
    private static final java.util.regex.Pattern NOT_ASCII = java.util.regex.Pattern.compile("[^\\p{ASCII}]");
    private static final java.util.regex.Pattern NOT_LOCAL_PART = java.util.regex.Pattern.compile("[^A-Za-z0-9.]");

    static String ascii(String text) {
        return java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFD)
                .transform(t -> NOT_ASCII.matcher(t).replaceAll(""))
                .transform(t -> NOT_LOCAL_PART.matcher(t).replaceAll(""))
                .toLowerCase(Locale.ROOT);
    }

    record Person(String first, String last, String email, String username, String company, String domain) {
        String full() {
            return first + " " + last;
        }
    }

    record Address(String street, String secondary, String city, String state, String stateCode, String zip) {
    }
}
