package dev.llmock.internal.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CompanySuffixesTest {
    /** How the suffixes were taken out before: the definition {@link CompanySuffixes} must keep. */
    private static final Pattern SUFFIX = Pattern.compile("(?i)\\b(inc|llc|group|and|ltd|plc)\\b");

    @Test
    void takesOutTheSuffixWordsOnly() {
        assertThat(CompanySuffixes.strip("Kuhn, Hegmann and Brown Inc")).isEqualTo("Kuhn, Hegmann  Brown ");
        assertThat(CompanySuffixes.strip("Grand Incline LLC")).isEqualTo("Grand Incline ");
        assertThat(CompanySuffixes.strip("Sanders-Group")).isEqualTo("Sanders-");
    }

    @Test
    void givesWhatTheRegularExpressionGaveForRandomNames() {
        String[] pieces = {"inc", "Inc", "INC", "llc", "LLc", "group", "Group", "and", "AND", "ltd", "plc", "ltc",
            "an", "grou", "Kuhn", " ", " ", ",", "-", "_", ".", "1", "é", "\u0301", "\u0300\u0301", "İ", "\u212A",
            "\ud834\udd67", "\ud83d\ude00", "日本", "x"};
        Random random = new Random(5);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int length = random.nextInt(7); length > 0; length--) {
                name.append(pieces[random.nextInt(pieces.length)]);
            }

            assertThat(CompanySuffixes.strip(name.toString())).as(name.toString())
                    .isEqualTo(SUFFIX.matcher(name).replaceAll(""));
        }
    }
}
