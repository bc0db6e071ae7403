package dev.llmock.internal.synthetic;

import java.text.Normalizer;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
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
            String domain = orElse(ascii(CompanySuffixes.strip(company)).replace(".", ""),
                    () -> "company" + faker.number().numberBetween(1, 1000)) + ".example.com";
            person = new Person(first, last, local + "@" + domain, username, company, domain);
        }
        return person;
    }

    /**
     * An address with {@code parts} (the others null), all from one place, drawn in a fixed order so that the same
     * parts give the same address.
     */
    Address newAddress(Set<AddressPart> parts) {
        String street = parts.contains(AddressPart.STREET) ? faker.address().streetAddress() : null;
        String secondary = parts.contains(AddressPart.SECONDARY) ? faker.address().secondaryAddress() : null;
        if (!locale.us()) {
            return new Address(street, secondary,
                    parts.contains(AddressPart.CITY) ? faker.address().city() : null,
                    parts.contains(AddressPart.STATE) ? faker.address().state() : null,
                    parts.contains(AddressPart.STATE_CODE) ? faker.address().stateAbbr() : null,
                    parts.contains(AddressPart.ZIP) ? faker.address().zipCode() : null);
        }
        if (!parts.contains(AddressPart.CITY) && !parts.contains(AddressPart.STATE)
                && !parts.contains(AddressPart.STATE_CODE) && !parts.contains(AddressPart.ZIP)) {
            return new Address(street, secondary, null, null, null, null);
        }
        Places.Place place = Places.US.get(faker.number().numberBetween(0, Places.US.size()));
        return new Address(street, secondary, place.city(), place.state(), place.stateCode(),
                parts.contains(AddressPart.ZIP) ? place.zip(faker) : null);
    }

    /** {@code text} when it has a letter or digit to address someone by, else {@code fallback}'s. */
    private static String orElse(String text, Supplier<String> fallback) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '.') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '.') {
            end--;
        }
        return start == end ? fallback.get() : text.substring(start, end);
    }

    /**
     * The letters, digits and dots of {@code text} once its accents are taken off ({@code Zoë} gives {@code zoe}), in
     * lower case; what other scripts have none of goes.
     */
    static String ascii(String text) {
        String decomposed = text;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0x7F) {
                decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
                break;
            }
        }
        StringBuilder kept = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                kept.append((char) (c + ('a' - 'A')));
            } else if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '.') {
                kept.append(c);
            }
        }
        return kept.toString();
    }

    record Person(String first, String last, String email, String username, String company, String domain) {
        String full() {
            return first + " " + last;
        }
    }

    record Address(String street, String secondary, String city, String state, String stateCode, String zip) {
        String part(AddressPart part) {
            return switch (part) {
                case STREET -> street;
                case SECONDARY -> secondary;
                case CITY -> city;
                case STATE -> state;
                case STATE_CODE -> stateCode;
                case ZIP -> zip;
            };
        }
    }
}
