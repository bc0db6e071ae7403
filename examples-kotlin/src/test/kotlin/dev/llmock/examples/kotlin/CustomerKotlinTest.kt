package dev.llmock.examples.kotlin

import com.fasterxml.jackson.databind.json.JsonMapper
import dev.llmock.Fixture
import dev.llmock.LlmockException
import dev.llmock.Provenance
import dev.llmock.junit.Generated
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.assertThatThrownBy
import org.junit.jupiter.api.Test
import java.time.Duration
import java.time.Instant

/** A Kotlin data class: no setters, no no-argument constructor, a default value; built by jackson-module-kotlin. */
data class Customer(
    val name: String,
    val email: String,
    val loyaltyPoints: Int,
    val tags: List<String> = emptyList(),
)

/**
 * `@Generated` injects Kotlin data classes: llmock derives the shape from the class and maps the fixture with every
 * Jackson module on the test class path, jackson-module-kotlin among them. The fixtures replay from
 * `src/test/resources/llmock/cassettes/dev.llmock.examples.kotlin.CustomerKotlinTest.json`.
 */
class CustomerKotlinTest {

    @Test
    fun `a data class is injected`(@Generated customer: Customer) {
        assertThat(customer.name).isNotBlank()
        assertThat(customer.email).contains("@")
    }

    @Test
    fun `a list of data classes is injected`(@Generated(count = 3) customers: List<Customer>) {
        assertThat(customers).hasSize(3).doesNotHaveDuplicates()
        assertThat(customers).allSatisfy { assertThat(it.email).contains("@") }
    }

    @Test
    fun `without the Kotlin module the error names it`(@Generated customer: Customer) {
        val withoutKotlin = Fixture(JsonMapper.builder().build().valueToTree(customer), placeholder())
            .withMapper(JsonMapper.builder().build())

        assertThatThrownBy { withoutKotlin.`as`(Customer::class.java) }
            .isInstanceOf(LlmockException::class.java)
            .hasMessageContaining("it is a Kotlin class, which Jackson builds only with jackson-module-kotlin")
    }

    private fun placeholder() =
        Provenance(Provenance.Source.GENERATED, "", "", null, 0, Duration.ZERO, null, null, Instant.EPOCH, null)
}
