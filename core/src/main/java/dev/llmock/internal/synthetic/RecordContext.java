package dev.llmock.internal.synthetic;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.datafaker.Faker;

/**
 * The facts one record shares across its fields: the person (so the email belongs to the name) and,
 * per object, the place (so city, state and zip agree). Each item of an array is someone else: it gets an identity
 * of its own ({@link #asAnotherIdentity}).
 */
final class RecordContext {
    private final Faker faker;
    private final int index;
    private final SyntheticLocale locale;
    private Person person;
    Instant lastInstant;
    private boolean idClaimed;

    RecordContext(Faker faker, int index, SyntheticLocale locale) {
        this.faker = faker;
        this.index = index;
        this.locale = locale;
    }

    SyntheticLocale locale() {
        return locale;
    }

    /**
     * {@code item} made as a person of its own (a new name, email, username, company), as each item of an array of
     * people is; the record's own person is back afterwards.
     */
    <T> T asAnotherIdentity(Supplier<T> item) {
        Person own = person;
        person = null;
        try {
            return item.get();
        } finally {
            person = own;
        }
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
            // Names in other scripts (Japanese, Cyrillic) have no ASCII letters to build addresses from.
            String local = orElse(ascii(first + "." + last), () -> "user" + faker.number().numberBetween(100, 10_000));
            String username = orElse(ascii(first.charAt(0) + last), () -> "user")
                    + faker.number().numberBetween(1, 99);
            String domain = orElse(ascii(COMPANY_SUFFIX.matcher(company).replaceAll("")).replace(".", ""),
                    () -> "company" + faker.number().numberBetween(1, 1000)) + ".example.com";
            person = new Person(first, last, local + "@" + domain, username, company, domain);
        }
        return person;
    }

    Address newAddress() {
        if (!locale.us()) {
            return new Address(faker.address().streetAddress(), faker.address().secondaryAddress(),
                    faker.address().city(), faker.address().state(), faker.address().stateAbbr(),
                    faker.address().zipCode());
        }
        Places.Place place = Places.US.get(faker.number().numberBetween(0, Places.US.size()));
        return new Address(faker.address().streetAddress(), faker.address().secondaryAddress(), place.city(),
                place.state(), place.stateCode(), faker.address().zipCodeByState(place.stateCode()));
    }

    /** {@code text} when it has a letter or digit to address someone by, else {@code fallback}'s. */
    private static String orElse(String text, Supplier<String> fallback) {
        return text.replace(".", "").isEmpty() ? fallback.get() : EDGE_DOTS.matcher(text).replaceAll("");
    }

    private static final Pattern COMPANY_SUFFIX =
            Pattern.compile("(?i)\\b(inc|llc|group|and|ltd|plc)\\b");
    private static final Pattern EDGE_DOTS = Pattern.compile("^\\.+|\\.+$");
    private static final Pattern NOT_ASCII = Pattern.compile("[^\\p{ASCII}]");
    private static final Pattern NOT_LOCAL_PART = Pattern.compile("[^A-Za-z0-9.]");

    static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
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
