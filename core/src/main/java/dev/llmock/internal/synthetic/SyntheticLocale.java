package dev.llmock.internal.synthetic;

import dev.llmock.ConfigException;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.datafaker.Faker;

/**
 * The country the synthetic backend makes data for (its {@code "locale"} option): Datafaker's names, streets,
 * cities, postcodes and phone numbers of that locale, and the country, currency and locale fields to match. The US
 * default keeps real US cities with the zip codes of their states.
 *
 * @param locale the locale; its country may be empty ({@code "de"})
 */
record SyntheticLocale(Locale locale) {
    /** The option's key in {@code llmock.json}: {@value}. */
    static final String OPTION = "locale";
    static final SyntheticLocale US = new SyntheticLocale(Locale.US);
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    /** Looked up once per locale: the JDK reads its resource bundles on every call. */
    private static final Map<Locale, String> COUNTRY_NAMES = new ConcurrentHashMap<>();

    /**
     * The locale a backend's {@code "locale"} names, such as {@code de-DE} (or {@code de_DE}).
     *
     * @throws ConfigException naming the backend and the value when Datafaker has no data for it
     */
    static SyntheticLocale of(String text, String backend) {
        Locale locale = Locale.forLanguageTag(text.trim().replace('_', '-'));
        String language = locale.getLanguage();
        String country = locale.getCountry();
        boolean data = !language.isEmpty() && (resource(language) || !country.isEmpty()
                && resource(language + "-" + country));
        if (!data || !country.isEmpty() && !COUNTRIES.contains(country)) {
            throw new ConfigException(Messages.unknownLocale(backend, text));
        }
        return new SyntheticLocale(locale);
    }

    private static boolean resource(String name) {
        return Faker.class.getClassLoader().getResource(name + ".yml") != null;
    }

    /**
     * The locale whose Datafaker data the generator reads: English for the US, whose own file (1.5 MB of zip codes,
     * a second to read at start-up) has nothing else the generator uses; {@link Places} gives US zip codes.
     */
    Locale dataLocale() {
        return us() ? Locale.ENGLISH : locale;
    }

    boolean us() {
        return Locale.US.equals(locale);
    }

    /** The country in its own language ({@code Deutschland}), or null when the locale names none. */
    String country() {
        return locale.getCountry().isEmpty() ? null : COUNTRY_NAMES.computeIfAbsent(locale, l -> l.getDisplayCountry(l));
    }

    /** The ISO country code ({@code DE}), or null when the locale names none. */
    String countryCode() {
        return locale.getCountry().isEmpty() ? null : locale.getCountry();
    }

    /** The country's currency ({@code EUR}), or null when the locale names no country that has one. */
    String currency() {
        try {
            Currency currency = locale.getCountry().isEmpty() ? null : Currency.getInstance(locale);
            return currency == null ? null : currency.getCurrencyCode();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** As a language tag: {@code de-DE}. */
    String tag() {
        return locale.toLanguageTag();
    }
}
