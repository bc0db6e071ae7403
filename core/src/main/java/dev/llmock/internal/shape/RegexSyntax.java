package dev.llmock.internal.shape;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether a regular expression is well formed, judged by the JDK's parser: only compiled, never matched (so no
 * backtracking), to tell a typo in a pattern from a construct that RE2 does not run.
 */
final class RegexSyntax {
    private RegexSyntax() {
    }

    /** What is wrong with the Java spelling of {@code regex}, or null when it is well formed. */
    static String problem(String javaRegex) {
        try {
            Pattern.compile(javaRegex);
            return null;
        } catch (PatternSyntaxException e) {
            return e.getDescription();
        }
    }
}
