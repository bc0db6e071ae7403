package dev.llmock.internal.shape;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import dev.llmock.ShapeException;
import java.util.Locale;
import java.util.Map;

/**
 * Users' regular expressions (JSON Schema's {@code pattern} and {@code patternProperties}, Bean Validation's
 * {@code @Pattern}), run in linear time by RE2/J, so that no pattern and no text can keep a thread busy
 * ({@code ^(a+)+$} against a long text of {@code a}s takes microseconds). A pattern is read as ECMA-262 and turned into
 * RE2 syntax: long Unicode property names ({@code \p{Letter}}), {@code $} (end of input only), {@code \s} (every
 * Unicode space), {@code \u0041}, {@code \cA}. What needs backtracking (backreferences, lookahead, lookbehind) is
 * refused with a {@link ShapeException} naming the construct.
 */
public final class EcmaRegex {
    private static final Map<String, String> CATEGORIES = Map.ofEntries(
            Map.entry("Letter", "L"), Map.entry("Cased_Letter", "LC"), Map.entry("Uppercase_Letter", "Lu"),
            Map.entry("Lowercase_Letter", "Ll"), Map.entry("Titlecase_Letter", "Lt"),
            Map.entry("Modifier_Letter", "Lm"), Map.entry("Other_Letter", "Lo"), Map.entry("Mark", "M"),
            Map.entry("Nonspacing_Mark", "Mn"), Map.entry("Spacing_Mark", "Mc"), Map.entry("Enclosing_Mark", "Me"),
            Map.entry("Number", "N"), Map.entry("Decimal_Number", "Nd"), Map.entry("digit", "Nd"),
            Map.entry("Letter_Number", "Nl"), Map.entry("Other_Number", "No"), Map.entry("Punctuation", "P"),
            Map.entry("punct", "P"), Map.entry("Symbol", "S"), Map.entry("Math_Symbol", "Sm"),
            Map.entry("Currency_Symbol", "Sc"), Map.entry("Separator", "Z"), Map.entry("Space_Separator", "Zs"),
            Map.entry("Line_Separator", "Zl"), Map.entry("Paragraph_Separator", "Zp"), Map.entry("Other", "C"),
            Map.entry("Control", "Cc"), Map.entry("cntrl", "Cc"), Map.entry("Format", "Cf"),
            Map.entry("Unassigned", "Cn"), Map.entry("Private_Use", "Co"), Map.entry("Surrogate", "Cs"));
    private static final String SPACE = "\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}\\x{2028}\\x{2029}"
            + "\\x{202f}\\x{205f}\\x{3000}\\x{feff}";
    private static final String JAVA_SPACE = "\\s\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
    private static final LoadingCache<String, Pattern> PATTERNS = Caffeine.newBuilder().maximumSize(2_000)
            .build(EcmaRegex::compileNow);

    private EcmaRegex() {
    }

    /**
     * The compiled form of an ECMA-262 {@code regex}, cached.
     *
     * @throws ShapeException naming the construct when the pattern needs backtracking or is not a pattern
     */
    public static Pattern compile(String regex) {
        return PATTERNS.get(regex);
    }

    /** Whether {@code text} contains a match of the ECMA-262 {@code regex}, as JSON Schema's {@code pattern} asks. */
    public static boolean finds(String regex, String text) {
        return compile(regex).matcher(text).find();
    }

    /** Whether {@code regex} is a pattern llmock runs. */
    public static boolean runs(String regex) {
        try {
            compile(regex);
            return true;
        } catch (ShapeException e) {
            return false;
        }
    }

    private static Pattern compileNow(String regex) {
        try {
            return Pattern.compile(toRe2(regex));
        } catch (PatternSyntaxException e) {
            String typo = RegexSyntax.problem(toJava(regex));
            if (typo != null) {
                throw new ShapeException(Messages.regexInvalid(regex, typo));
            }
            throw new Refused(Messages.regexNotRun(regex, e.getDescription()));
        }
    }

    /** A valid pattern that llmock refuses to run, because matching it would need backtracking. */
    public static final class Refused extends ShapeException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** The RE2 spelling of an ECMA-262 regular expression; refuses what RE2 cannot run in linear time. */
    static String toRe2(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 16);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                i = escape(regex, i, inClass, out);
            } else if (c == '(' && !inClass && regex.startsWith("(?", i)) {
                refuseLookaround(regex, i);
                out.append(c);
            } else if (c == '[' && !inClass) {
                inClass = true;
                out.append(c);
            } else if (c == ']' && inClass) {
                inClass = false;
                out.append(c);
            } else if (c == '$' && !inClass) {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Appends the RE2 form of the escape at {@code i}; returns the index of its last character. */
    private static int escape(String regex, int i, boolean inClass, StringBuilder out) {
        char next = regex.charAt(i + 1);
        if ((next == 'p' || next == 'P') && i + 2 < regex.length() && regex.charAt(i + 2) == '{') {
            int end = regex.indexOf('}', i + 3);
            if (end > 0) {
                out.append('\\').append(next).append('{').append(property(regex.substring(i + 3, end))).append('}');
                return end;
            }
        }
        if (next >= '1' && next <= '9' && !inClass) {
            throw new Refused(Messages.regexRefused(regex, "a backreference (\\" + next + ")"));
        }
        if (next == 'k' && i + 2 < regex.length() && regex.charAt(i + 2) == '<' && !inClass) {
            throw new Refused(Messages.regexRefused(regex, "a named backreference (\\k<...>)"));
        }
        if (next == 'c' && i + 2 < regex.length() && Character.isLetter(regex.charAt(i + 2))) {
            // ECMA-262's \cA is the control character U+0001, for either case of the letter
            out.append(String.format(Locale.ROOT, "\\x{%02x}", Character.toUpperCase(regex.charAt(i + 2)) % 32));
            return i + 2;
        }
        if (next == 'u' && i + 2 < regex.length() && regex.charAt(i + 2) == '{') {
            int end = regex.indexOf('}', i + 3);
            if (end > 0) {
                out.append("\\x{").append(regex, i + 3, end).append('}');
                return end;
            }
        }
        if (next == 'u' && i + 5 < regex.length() && hex(regex.substring(i + 2, i + 6))) {
            out.append("\\x{").append(regex, i + 2, i + 6).append('}');
            return i + 5;
        }
        if (next == 's') {
            out.append(inClass ? SPACE : "[" + SPACE + "]");
        } else if (next == 'S') {
            out.append(inClass ? "\\S" : "[^" + SPACE + "]");
        } else {
            out.append('\\').append(next);
        }
        return i + 1;
    }

    private static void refuseLookaround(String regex, int i) {
        if (regex.startsWith("(?=", i) || regex.startsWith("(?!", i)) {
            throw new Refused(Messages.regexRefused(regex, "a lookahead (" + regex.substring(i, i + 3)
                    + "...))"));
        }
        if (regex.startsWith("(?<=", i) || regex.startsWith("(?<!", i)) {
            throw new Refused(Messages.regexRefused(regex, "a lookbehind (" + regex.substring(i, i + 4)
                    + "...))"));
        }
    }

    private static boolean hex(String text) {
        return text.chars().allMatch(ch -> Character.digit(ch, 16) >= 0);
    }

    /**
     * The Java spelling of an ECMA-262 regular expression, for generating strings that match it (the generator
     * reads Java syntax); matching itself always goes through {@link #compile}.
     */
    public static String toJava(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 16);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(i + 1);
                if ((next == 'p' || next == 'P') && i + 2 < regex.length() && regex.charAt(i + 2) == '{') {
                    int end = regex.indexOf('}', i + 3);
                    if (end > 0) {
                        out.append('\\').append(next).append('{').append(javaProperty(regex.substring(i + 3, end)))
                                .append('}');
                        i = end;
                        continue;
                    }
                }
                if (next == 'c' && i + 2 < regex.length() && Character.isLetter(regex.charAt(i + 2))) {
                    // ECMA-262 takes \ca as \cA; Java would flip bit 6 of the lower-case letter instead.
                    out.append("\\c").append(Character.toUpperCase(regex.charAt(i + 2)));
                    i += 2;
                    continue;
                }
                if (next == 's') {
                    out.append(inClass ? JAVA_SPACE : "[" + JAVA_SPACE + "]");
                } else if (next == 'S' && !inClass) {
                    out.append("[^").append(JAVA_SPACE).append(']');
                } else {
                    out.append(c).append(next);
                }
                i++;
            } else if (c == '[' && !inClass) {
                inClass = true;
                out.append(c);
            } else if (c == ']' && inClass) {
                inClass = false;
                out.append(c);
            } else if (c == '$' && !inClass) {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String javaProperty(String name) {
        int equals = name.indexOf('=');
        if (equals > 0) {
            String key = name.substring(0, equals);
            String value = name.substring(equals + 1);
            if (key.equals("General_Category") || key.equals("gc")) {
                return CATEGORIES.getOrDefault(value, value);
            }
            if (key.equals("Script") || key.equals("sc") || key.equals("Script_Extensions") || key.equals("scx")) {
                return "Is" + value;
            }
            return name;
        }
        if (CATEGORIES.containsKey(name)) {
            return CATEGORIES.get(name);
        }
        return name.length() > 2 && !name.startsWith("Is") && !name.startsWith("In") ? "Is" + name : name;
    }

    /** An ECMA-262 property name in RE2's spelling: general categories by short name, scripts by name. */
    private static String property(String name) {
        int equals = name.indexOf('=');
        if (equals > 0) {
            String key = name.substring(0, equals);
            String value = name.substring(equals + 1);
            if (key.equals("General_Category") || key.equals("gc")) {
                return CATEGORIES.getOrDefault(value, value);
            }
            return value; // Script, sc, Script_Extensions, scx: RE2 names scripts by themselves
        }
        return CATEGORIES.getOrDefault(name, name);
    }
}
