package dev.llmock.internal.shape;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * JSON Schema's {@code pattern} is an ECMA-262 regular expression; this turns the parts whose meaning differs in
 * Java into their Java spelling: long Unicode property names ({@code \p{Letter}}), {@code $} (end of input only, never
 * before a final line break) and {@code \s} (every Unicode space).
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
    private static final String SPACE = "\\s\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff";
    private static final LoadingCache<String, Pattern> PATTERNS = Caffeine.newBuilder().maximumSize(2_000)
            .build(regex -> Pattern.compile(toJava(regex)));

    private EcmaRegex() {
    }

    /** The compiled Java form of an ECMA-262 {@code regex}, cached. */
    public static Pattern compile(String regex) {
        return PATTERNS.get(regex);
    }

    /** Whether {@code text} contains a match of the ECMA-262 {@code regex}, as JSON Schema's {@code pattern} asks. */
    public static boolean finds(String regex, String text) {
        return compile(regex).matcher(text).find();
    }

    /** The Java spelling of an ECMA-262 regular expression. */
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
                        out.append('\\').append(next).append('{').append(property(regex.substring(i + 3, end)))
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
                    out.append(inClass ? SPACE : "[" + SPACE + "]");
                } else if (next == 'S' && !inClass) {
                    out.append("[^").append(SPACE).append(']');
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

    private static String property(String name) {
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
}
