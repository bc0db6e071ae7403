package dev.llmock.internal.synthetic;

import java.util.List;
import net.datafaker.Faker;

/**
 * Real US cities with their states and the first three digits of their own zip codes (USPS), so that city, state
 * and zip code in one record agree.
 */
final class Places {
    /**
     * One city.
     *
     * @param zipPrefixes the first three digits of zip codes in the city
     */
    record Place(String city, String state, String stateCode, List<String> zipPrefixes) {
        Place(String city, String state, String stateCode, String... zipPrefixes) {
            this(city, state, stateCode, List.of(zipPrefixes));
        }

        /** A zip code in the city: one of its prefixes and two digits. */
        String zip(Faker faker) {
            String prefix = zipPrefixes.get(faker.number().numberBetween(0, zipPrefixes.size()));
            int rest = faker.number().numberBetween(1, 100);
            return prefix + (rest < 10 ? "0" : "") + rest;
        }
    }

    static final List<Place> US = List.of(
            new Place("New York", "New York", "NY", "100", "101", "102"), new Place("Buffalo", "New York", "NY", "142"),
            new Place("Los Angeles", "California", "CA", "900", "901"),
            new Place("San Francisco", "California", "CA", "941"),
            new Place("San Diego", "California", "CA", "920", "921"), new Place("Chicago", "Illinois", "IL", "606"),
            new Place("Houston", "Texas", "TX", "770"), new Place("Austin", "Texas", "TX", "787"),
            new Place("Dallas", "Texas", "TX", "752"), new Place("Phoenix", "Arizona", "AZ", "850"),
            new Place("Tucson", "Arizona", "AZ", "857"), new Place("Philadelphia", "Pennsylvania", "PA", "191"),
            new Place("Pittsburgh", "Pennsylvania", "PA", "152"), new Place("Seattle", "Washington", "WA", "981"),
            new Place("Spokane", "Washington", "WA", "992"), new Place("Denver", "Colorado", "CO", "802"),
            new Place("Boston", "Massachusetts", "MA", "021"), new Place("Miami", "Florida", "FL", "331"),
            new Place("Orlando", "Florida", "FL", "328"), new Place("Atlanta", "Georgia", "GA", "303"),
            new Place("Portland", "Oregon", "OR", "972"), new Place("Nashville", "Tennessee", "TN", "372"),
            new Place("Detroit", "Michigan", "MI", "482"), new Place("Minneapolis", "Minnesota", "MN", "554"),
            new Place("Columbus", "Ohio", "OH", "432"), new Place("Cleveland", "Ohio", "OH", "441"),
            new Place("Charlotte", "North Carolina", "NC", "282"), new Place("Raleigh", "North Carolina", "NC", "276"),
            new Place("Las Vegas", "Nevada", "NV", "891"), new Place("Salt Lake City", "Utah", "UT", "841"),
            new Place("Kansas City", "Missouri", "MO", "641"), new Place("St. Louis", "Missouri", "MO", "631"),
            new Place("Baltimore", "Maryland", "MD", "212"), new Place("Milwaukee", "Wisconsin", "WI", "532"),
            new Place("Albuquerque", "New Mexico", "NM", "871"), new Place("New Orleans", "Louisiana", "LA", "701"),
            new Place("Indianapolis", "Indiana", "IN", "462"), new Place("Richmond", "Virginia", "VA", "232"),
            new Place("Omaha", "Nebraska", "NE", "681"), new Place("Boise", "Idaho", "ID", "837"));

    private Places() {
    }
}
