package dev.llmock.internal.config;

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
}
