package dev.llmock.internal.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RecordContextTest {
    /** How e-mail local parts were made before the character loop: the definition the loop must keep. */
    private static String asciiByRegex(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("[^\\p{ASCII}]", "")
                .replaceAll("[^A-Za-z0-9.]", "").toLowerCase(Locale.ROOT);
    }

    @Test
    void asciiKeepsTheLettersDigitsAndDotsOfNamesInAnyScript() {
        assertThat(RecordContext.ascii("Zoë.Ångström-O'Neil")).isEqualTo("zoe.angstromoneil");
        assertThat(RecordContext.ascii("山田.太郎")).isEqualTo(".");
        String alphabet = "aZ09.-_ 'éÉßøŁłİıǅ\u212A\u0301山Жж\ud83d\ude00\ud800!~@";
        Random random = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            StringBuilder name = new StringBuilder();
            for (int length = random.nextInt(12); length > 0; length--) {
                name.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x3000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }

            assertThat(RecordContext.ascii(name.toString())).as(name.toString())
                    .isEqualTo(asciiByRegex(name.toString()));
        }
    }
}
