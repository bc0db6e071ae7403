package dev.llmock.llamacpp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GrammarPatternTest {

    @ParameterizedTest(name = "{0} goes into the grammar as {1}")
    @CsvSource(delimiter = ' ', value = {
            "^[A-Z]{2,3}$ ^[A-Z]{2,3}$",
            "^\\d{3}-\\d{4}$ ^[0-9]{3}-[0-9]{4}$",
            "^\\w+@acme\\.com$ ^[0-9A-Za-z_]+@acme\\.com$",
            "^(red|green|blue)+$ ^(red|green|blue)+$",
            "^\\+?[0-9]{1,3}$ ^\\+?[0-9]{1,3}$",
            "^SKU-[0-9a-f]{8}$ ^SKU-[0-9a-f]{8}$",
            "^a{2,}$ ^a{2,}$",
    })
    void anAnchoredPatternOfTheSafeSubsetIsKept(String pattern, String grammar) {
        assertThat(GrammarPattern.of(pattern)).contains(grammar);
    }

    @ParameterizedTest(name = "{0} stays out of the grammar")
    @ValueSource(strings = {
            "[a-z]+",            // unanchored: JSON Schema patterns match anywhere
            "^[a-z]+",
            "[a-z]+$",
            "^(?:a|b)$",         // non-capturing group: aborts the converter
            "^(?=a)b$",          // lookahead
            "^*a$",              // quantifier with nothing before it
            "^a**$",
            "^a||b$",            // empty alternative
            "^()$",
            "^(a$",              // unbalanced
            "^[a-$",
            "^.+$",              // any character, quotes included
            "^[^\"]+$",          // negated class
            "^\\s+$",
            "^\\p{L}+$",
            "^a\\bb$",
            "^a\\$",
            "^a{3,1}$",
            "^a{5000}$",
            "^\"$",
            "^$",
    })
    void anythingElseStaysOutOfTheGrammar(String pattern) {
        assertThat(GrammarPattern.of(pattern)).isEmpty();
    }
}
