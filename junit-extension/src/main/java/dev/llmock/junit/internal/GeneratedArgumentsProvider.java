package dev.llmock.junit.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.Fixture;
import dev.llmock.FixtureRequest;
import dev.llmock.LlmockException;
import dev.llmock.Shape;
import dev.llmock.internal.Json;
import dev.llmock.junit.GeneratedSource;
import java.lang.reflect.Method;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.AnnotationConsumer;

/** Supplies {@link GeneratedSource} cases: valid records from the engine, edge and invalid cases derived in code. */
public final class GeneratedArgumentsProvider implements ArgumentsProvider, AnnotationConsumer<GeneratedSource> {
    private GeneratedSource source;

    @Override
    public void accept(GeneratedSource annotation) {
        this.source = annotation;
    }

    @Override
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
        Method method = context.getRequiredTestMethod();
        if (method.getParameterCount() == 0) {
            throw new LlmockException(Messages.noParameter());
        }
        Type parameterType = method.getGenericParameterTypes()[0];
        Target target = Target.of(parameterType);
        String what = "@GeneratedSource of " + context.getRequiredTestClass().getSimpleName() + "." + method.getName();
        Shape shape = shape(what, target, context);
        String label = context.getRequiredTestClass().getSimpleName() + "." + method.getName() + " "
                + source.kind().name().toLowerCase(Locale.ROOT);
        int valid = source.kind() == GeneratedSource.Kind.VALID ? Math.max(1, source.count()) : 1;
        FixtureRequest.Builder builder = FixtureRequest.newBuilder().shape(shape).count(valid)
                .backend(source.backend()).label(label);
        if (!source.openApi().isBlank()) {
            builder.prompt(OpenApiBodies.prompt(source.openApi(), source.operation(), context));
        }
        FixtureRequest request = builder.build();
        ClassFixtures fixtures = ClassFixtures.of(context);
        Fixture fixture = fixtures.generate(request);
        JsonNode json = fixture.json();

        List<CaseFactory.Case> cases = new ArrayList<>();
        if (source.kind() == GeneratedSource.Kind.VALID) {
            JsonNode records = valid == 1 ? Json.MAPPER.createArrayNode().add(json) : json;
            for (int i = 0; i < records.size(); i++) {
                cases.add(new CaseFactory.Case("valid record " + (i + 1), records.get(i)));
            }
        } else {
            cases = source.kind() == GeneratedSource.Kind.EDGE ? CaseFactory.edge(shape, json)
                    : CaseFactory.invalid(shape, json);
            if (source.maxCases() > 0 && cases.size() > source.maxCases()) {
                cases = cases.subList(0, source.maxCases());
            }
        }
        if (source.kind() == GeneratedSource.Kind.INVALID && !target.elementIsJson()) {
            throw new LlmockException(Messages.invalidNeedsJson(target.elementName()));
        }
        return cases.stream().map(each -> Arguments.of(Named.of(each.name(), target.convert(
                new Fixture(each.value(), fixture.provenance()), fixtures.objectMapper()))));
    }

    private Shape shape(String what, Target target, ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        if (!source.openApi().isBlank() || !source.operation().isBlank()) {
            if (source.openApi().isBlank() || source.operation().isBlank()
                    || !source.shape().isBlank() || !source.shapeResource().isBlank()) {
                throw new LlmockException(Messages.openApiAndOperation(what));
            }
            OpenApiBodies.requireModule(what);
            return OpenApiBodies.shape(source.openApi(), source.operation(), what, context);
        }
        if (!source.shape().isBlank()) {
            return Shape.parse(source.shape());
        }
        if (!source.shapeResource().isBlank()) {
            return Shape.parse(Injector.read(source.shapeResource(), what, testClass));
        }
        if (target.elementIsJson()) {
            throw new LlmockException(Messages.shapeNeeded(what, target.elementName()));
        }
        return Shape.of(target.element());
    }
}
