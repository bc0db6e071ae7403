package dev.llmock.shape.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.erosb.jsonsKema.FormatValidationPolicy;
import com.github.erosb.jsonsKema.JsonParser;
import com.github.erosb.jsonsKema.Schema;
import com.github.erosb.jsonsKema.SchemaLoader;
import com.github.erosb.jsonsKema.ValidationFailure;
import com.github.erosb.jsonsKema.Validator;
import com.github.erosb.jsonsKema.ValidatorConfig;

/** Judges instances with json-sKema, an implementation independent of the validator llmock uses. */
public final class IndependentJudge {
    private final FormatValidationPolicy formats;

    public IndependentJudge() {
        this(FormatValidationPolicy.DEPENDS_ON_VOCABULARY);
    }

    public IndependentJudge(FormatValidationPolicy formats) {
        this.formats = formats;
    }

    /** Null when the judge answers every suite case of {@code group} as the suite does, else the first it gets wrong. */
    public String disagreement(JsonSchemaSuite.Group group) {
        for (JsonSchemaSuite.Case test : group.tests()) {
            if ((problem(group.schema(), test.data()) == null) != test.valid()) {
                return "answers the suite case \"" + test.description() + "\" wrongly";
            }
        }
        return null;
    }

    /** Null when {@code instance} fits {@code schema}, else what is wrong with it. */
    public String problem(JsonNode schema, JsonNode instance) {
        Schema loaded = new SchemaLoader(new JsonParser(schema.toString()).parse()).load();
        ValidationFailure failure = Validator.create(loaded, new ValidatorConfig(formats))
                .validate(new JsonParser(instance.toString()).parse());
        if (failure == null) {
            return null;
        }
        // The first line says what failed; the rest is json-sKema's location report.
        return failure.getKeyword() + ": " + failure.toString().lines().findFirst().orElse("");
    }
}
