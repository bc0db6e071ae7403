package dev.llmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.TestExecutionListener;

class LlmockSummaryListenerTest {
    @Test
    void theListenerIsRegisteredThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(TestExecutionListener.class).stream().map(ServiceLoader.Provider::type))
                .contains(LlmockSummaryListener.class);
    }
}
