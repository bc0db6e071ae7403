package dev.llmock.bench;

import dev.llmock.BackendConfig;
import dev.llmock.LlmockConfig;
import dev.llmock.spi.Backend;
import dev.llmock.spi.BackendContext;
import dev.llmock.spi.BackendFactory;
import dev.llmock.spi.BackendRequest;
import dev.llmock.spi.BackendResponse;
import java.time.Clock;
import java.util.ServiceLoader;

/** A simulated LLM of fixed latency: sleeps, then answers as the embedded synthetic backend would. */
final class SleepingBackend implements Backend {
    private final String name;
    private final long millis;
    private final Backend synthetic;

    SleepingBackend(String name, long millis) {
        this.name = name;
        this.millis = millis;
        this.synthetic = ServiceLoader.load(BackendFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(factory -> LlmockConfig.SYNTHETIC.equals(factory.provider())).findFirst()
                .orElseThrow(() -> new IllegalStateException("The synthetic backend factory is not on the classpath"))
                .create(BackendConfig.synthetic(name), new BackendContext(LlmockConfig.none(), Clock.systemUTC(), 0));
    }

    @Override
    public String name() {
        return name;
    }

    /** Not {@code synthetic}, so the engine plans it as a network backend. */
    @Override
    public String provider() {
        return "simulated";
    }

    @Override
    public String model() {
        return "sleep-" + millis + "ms";
    }

    @Override
    public BackendResponse call(BackendRequest request) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        return synthetic.call(request);
    }
}
