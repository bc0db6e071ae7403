package dev.llmock.internal.synthetic;

/**
 * Takes the words {@code inc}, {@code llc}, {@code group}, {@code and}, {@code ltd} and {@code plc} (any ASCII case)
 * out of a company name, for its web domain: what {@code (?i)\b(inc|llc|group|and|ltd|plc)\b} replaced by nothing
 * gives (a test compares the two on random names), without a regular expression per record.
 */
final class CompanySuffixes {
    private static final String[] WORDS = {"inc", "llc", "group", "and", "ltd", "plc"};

    private CompanySuffixes() {
    }

    static String strip(String company) {
        StringBuilder kept = null;
        int copied = 0;
        int i = 0;
        while (i < company.length()) {
            int end = wordAt(company, i);
            if (end < 0) {
                i++;
                continue;
            }
            if (kept == null) {
                kept = new StringBuilder(company.length());
            }
            kept.append(company, copied, i);
            copied = end;
            i = end;
        }
        return kept == null ? company : kept.append(company, copied, company.length()).toString();
    }

    /** The end of a suffix word starting at {@code i} with a word boundary on both sides, or -1. */
    private static int wordAt(String text, int i) {
        char first = (char) (text.charAt(i) | 0x20);
        if (first != 'i' && first != 'l' && first != 'g' && first != 'a' && first != 'p'
                || i > 0 && wordBefore(text, i)) {
            return -1;
        }
        for (String word : WORDS) {
            if (text.regionMatches(true, i, word, 0, word.length()) && asciiCase(text, i, word.length())) {
                int end = i + word.length();
                return end < text.length() && wordAt(text.codePointAt(end)) ? -1 : end;
            }
        }
        return -1;
    }

    /** The characters matched are ASCII letters: {@code (?i)} without Unicode case folds ASCII only. */
    private static boolean asciiCase(String text, int start, int length) {
        for (int i = start; i < start + length; i++) {
            if (text.charAt(i) > 0x7F) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether the character before {@code i} belongs to a word as {@code \b} sees it: a letter, digit or underscore, or
     * a non-spacing mark that follows a letter or digit (as {@code java.util.regex} looks back for one).
     */
    private static boolean wordBefore(String text, int i) {
        int c = text.codePointBefore(i);
        if (c == '_' || Character.isLetterOrDigit(c)) {
            return true;
        }
        if (Character.getType(c) != Character.NON_SPACING_MARK) {
            return false;
        }
        for (int at = i - 1; at >= 0; at--) {
            int base = text.codePointAt(at);
            if (Character.isLetterOrDigit(base)) {
                return true;
            }
            if (Character.getType(base) != Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return false;
    }

    /** A non-spacing mark after a suffix word sits on its last letter, so it continues the word. */
    private static boolean wordAt(int c) {
        return c == '_' || Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }
}
