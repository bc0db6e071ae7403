package dev.llmock.bench;

import dev.llmock.Llmock;
import dev.llmock.LlmockConfig;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import net.datafaker.Faker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Goal 2: the synthetic backend (no configuration, no cache, no cassette) making one {@link Customer}, against
 * hand-written Datafaker code filling the same ten fields.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Thread)
public class SyntheticBenchmark {
    private Llmock llmock;
    private Faker faker;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        llmock = Llmock.newBuilder().config(LlmockConfig.none()).cache(false).build();
        faker = new Faker(Locale.ENGLISH, new Random(42));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        llmock.close();
    }

    @Benchmark
    public Customer llmockSynthetic() {
        int variant = next;
        next = (variant + 1) & 1023;
        return llmock.generate(BenchData.customer(variant)).as(Customer.class);
    }

    @Benchmark
    public Customer datafakerByHand() {
        String first = faker.name().firstName();
        String last = faker.name().lastName();
        return new Customer(faker.number().numberBetween(1L, 1_000_000L), first, last,
                faker.internet().emailAddress(first.toLowerCase(Locale.ROOT) + "." + last.toLowerCase(Locale.ROOT)),
                faker.phoneNumber().cellPhone(), faker.address().city(), faker.address().country(),
                faker.number().numberBetween(18, 90), faker.number().randomDouble(2, 0, 10_000),
                faker.bool().bool());
    }
}
