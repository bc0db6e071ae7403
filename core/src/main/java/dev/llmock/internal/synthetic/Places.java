package dev.llmock.internal.synthetic;

import java.util.List;

/** Real US cities with their states, so that city, state and zip code in one record agree. */
final class Places {
    record Place(String city, String state, String stateCode) {
    }

    static final List<Place> US = List.of(
            new Place("New York", "New York", "NY"), new Place("Buffalo", "New York", "NY"),
            new Place("Los Angeles", "California", "CA"), new Place("San Francisco", "California", "CA"),
            new Place("San Diego", "California", "CA"), new Place("Chicago", "Illinois", "IL"),
            new Place("Houston", "Texas", "TX"), new Place("Austin", "Texas", "TX"), new Place("Dallas", "Texas", "TX"),
            new Place("Phoenix", "Arizona", "AZ"), new Place("Tucson", "Arizona", "AZ"),
            new Place("Philadelphia", "Pennsylvania", "PA"), new Place("Pittsburgh", "Pennsylvania", "PA"),
            new Place("Seattle", "Washington", "WA"), new Place("Spokane", "Washington", "WA"),
            new Place("Denver", "Colorado", "CO"), new Place("Boston", "Massachusetts", "MA"),
            new Place("Miami", "Florida", "FL"), new Place("Orlando", "Florida", "FL"),
            new Place("Atlanta", "Georgia", "GA"), new Place("Portland", "Oregon", "OR"),
            new Place("Nashville", "Tennessee", "TN"), new Place("Detroit", "Michigan", "MI"),
            new Place("Minneapolis", "Minnesota", "MN"), new Place("Columbus", "Ohio", "OH"),
            new Place("Cleveland", "Ohio", "OH"), new Place("Charlotte", "North Carolina", "NC"),
            new Place("Raleigh", "North Carolina", "NC"), new Place("Las Vegas", "Nevada", "NV"),
            new Place("Salt Lake City", "Utah", "UT"), new Place("Kansas City", "Missouri", "MO"),
            new Place("St. Louis", "Missouri", "MO"), new Place("Baltimore", "Maryland", "MD"),
            new Place("Milwaukee", "Wisconsin", "WI"), new Place("Albuquerque", "New Mexico", "NM"),
            new Place("New Orleans", "Louisiana", "LA"), new Place("Indianapolis", "Indiana", "IN"),
            new Place("Richmond", "Virginia", "VA"), new Place("Omaha", "Nebraska", "NE"),
            new Place("Boise", "Idaho", "ID"));

    private Places() {
    }
}
