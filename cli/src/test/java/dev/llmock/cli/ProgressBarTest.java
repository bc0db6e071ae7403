package dev.llmock.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.llmock.SettingResolver;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    private final StringWriter text = new StringWriter();
    private final AtomicLong nanos = new AtomicLong();

    private ProgressBar progress(boolean bar) {
        return new ProgressBar(new PrintWriter(text), true, bar, nanos::get);
    }

    private void after(long seconds) {
        nanos.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    private String printed() {
        return text.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void onATerminalOneBarIsRedrawnWithTheRateAndTheTimeLeft() {
        ProgressBar progress = progress(true);

        progress.progress(0, 1000);
        after(2);
        progress.progress(500, 1000);
        after(2);
        progress.progress(1000, 1000);
        progress.finish();

        assertThat(printed()).isEqualTo("\r[                              ] 0% 0/1000"
                + "\r[###############               ] 50% 500/1000, 250 records/s, 2s left"
                + "\r[##############################] 100% 1000/1000, 250 records/s\n");
    }

    @Test
    void withoutATerminalPlainLinesComeEachTenthWithNoCarriageReturn() {
        ProgressBar progress = progress(false);

        for (int done = 0; done <= 1000; done += 50) {
            progress.progress(done, 1000);
            after(1);
        }
        progress.finish();

        assertThat(printed()).doesNotContain("\r");
        assertThat(printed().lines()).hasSize(10)
                .startsWith("llmock: 100/1000 records (10%), 50 records/s, 18s left",
                        "llmock: 200/1000 records (20%), 50 records/s, 16s left")
                .endsWith("llmock: 1000/1000 records (100%), 50 records/s");
    }

    @Test
    void withoutATerminalASlowRunStillPrintsALineEveryTenSeconds() {
        ProgressBar progress = progress(false);

        progress.progress(1, 10_000);
        after(5);
        progress.progress(2, 10_000);
        after(6);
        progress.progress(3, 10_000);
        after(11);
        progress.progress(3, 10_000);

        assertThat(printed().lines()).containsExactly("llmock: 3/10000 records (0%), 0.3 records/s, 10h10m left");
    }

    @Test
    void theStyleCanBeForcedAndABadValueNamesTheAllowedOnes() {
        assertThat(SettingResolver.of(Map.of("llmock.progress", "lines")::get, null).get(ProgressBar.STYLE))
                .isEqualTo(ProgressBar.Style.LINES);
        assertThat(SettingResolver.of(null, Map.of("LLMOCK_PROGRESS", "BAR")::get).get(ProgressBar.STYLE))
                .isEqualTo(ProgressBar.Style.BAR);
        assertThat(SettingResolver.of(null, null).get(ProgressBar.STYLE)).isEqualTo(ProgressBar.Style.AUTO);
        assertThatThrownBy(() -> SettingResolver.of(null, Map.of("LLMOCK_PROGRESS", "fancy")::get)
                .get(ProgressBar.STYLE))
                .hasMessage("Invalid value \"fancy\" for llmock.progress (from LLMOCK_PROGRESS): expected auto, bar or"
                        + " lines.");
    }
}
