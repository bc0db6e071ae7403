package dev.llmock.internal.config;

import dev.llmock.internal.RedactedUrls;

/** Messages about settings and the sections of {@code llmock.json} that other modules read, in one place. */
public final class Messages {
    private Messages() {
    }

    /** {@code Invalid value "30 days" for llmock.cassettes.maxAge (from LLMOCK_CASSETTES_MAX_AGE): expected ...}. */
    public static String invalidSetting(String name, String source, String value, String expected) {
        return "Invalid value \"" + value + "\" for " + name
                + (source == null || source.equals(name) ? "" : " (from " + source + ")") + ": expected " + expected
                + ".";
    }

    public static String settingWithoutParser() {
        return "A setting needs a parser: call parser(...) before build().";
    }

    public static String settingWithoutSource() {
        return "A setting needs a property, an environment variable or a llmock.json key to be read from.";
    }

    public static String blankSettingOption(String option) {
        return "The " + option + " of a setting must not be blank.";
    }

    public static String settingOptionSetTwice(String option) {
        return option + " was already set on this builder; set each option once.";
    }

    static String unknownCassettesKey(String source, String key) {
        return "Unknown key cassettes." + key + " in " + source + ". Allowed keys: "
                + String.join(", ", CassettesSectionReader.KEYS) + ".";
    }

    static String badIgnoreEntry(String source, int index, String entry) {
        return "Invalid cassettes.ignore[" + index + "] \"" + entry + "\" in " + source + ": expected "
                + IgnoreEntry.EXPECTED + ".";
    }

    static String badCassettesValue(String source, String key, String expected) {
        return "Invalid cassettes." + key + " in " + source + ": expected " + expected + ".";
    }

    static String badMaxAge(String source, String value) {
        return "Invalid cassettes.maxAge \"" + value + "\" in " + source
                + ": expected a positive ISO-8601 duration such as \"P30D\" (30 days) or \"PT12H\" (12 hours).";
    }

    static String badRedactPattern(String source, int index, String pattern, String problem) {
        return "Invalid cassettes.redact[" + index + "] \"" + pattern + "\" in " + source + ": " + problem
                + ". Patterns are Java regular expressions (java.util.regex.Pattern).";
    }

    static String badUrl(String where, String written, boolean placeholders) {
        return where + " is \"" + RedactedUrls.of(written) + "\"" + (placeholders ? " (its placeholders resolved)" : "")
                + ", which is not an absolute http or https URL such as http://localhost:11434.";
    }

    /** A placeholder whose variable is unset: names the variable and the backend, never a value. */
    static String unsetVariable(String source, String backend, String provider, String key, String variable) {
        return "Backend \"" + backend + "\" (" + provider + ") cannot be used: its " + key + " in " + source
                + " refers to ${" + variable + "}, and " + variable + " is set neither as a system property nor as an"
                + " environment variable. Set it (-D" + variable + "=... or in the environment), or give a default:"
                + " ${" + variable + ":-value}. Replaying from a cassette needs no backend and no key.";
    }

    static String placeholderNotResolvedHere(String source, String key, String written) {
        return source + ": " + key + " is \"" + written + "\", but ${...} placeholders are resolved only in "
                + String.join(", ", Placeholders.KEYS) + " and a provider's own keys. Write the value itself.";
    }

    /** {@code part} is null where the value may be a secret ({@code apiKey}). */
    static String malformedPlaceholder(String source, String key, String part) {
        return source + ": " + key + " has a malformed placeholder" + (part == null ? "" : " at \"" + part + "\"")
                + "; write ${VAR} or ${VAR:-default} (VAR: letters, digits, '_' and '.', not starting with a digit).";
    }

    static String fallbackCycle(String source, String key, String cycle) {
        return source + ": " + key + " makes a fallback cycle: " + cycle + ". A chain of fallbacks must end at a"
                + " backend without one; remove one of these fallbacks.";
    }
}
