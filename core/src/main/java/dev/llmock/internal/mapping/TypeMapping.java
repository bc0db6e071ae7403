package dev.llmock.internal.mapping;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;
import dev.llmock.LlmockException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.util.Arrays;

/**
 * Maps generated JSON onto the user's types ({@code Fixture.as(...)}, {@code @Generated} parameters), with the
 * user's {@link ObjectMapper} or a default one that has every Jackson module on the class path, and explains a
 * missing creator by its usual cause.
 */
public final class TypeMapping {
    static final String KOTLIN_METADATA = "kotlin.Metadata";
    static final String KOTLIN_MODULE = "com.fasterxml.jackson.module.kotlin.KotlinModule";

    private TypeMapping() {
    }

    /**
     * The mapper used unless the user gives one: modules found by {@code findAndAddModules()} (Kotlin, parameter
     * names, java.time, ... whatever the class path has), plus java.time, {@code Optional} and constructor parameter
     * names, which llmock brings.
     */
    public static ObjectMapper defaultMapper() {
        return Default.MAPPER;
    }

    /** {@code json} as {@code type} through {@code mapper}; a failure says what to change, in code or in the build. */
    public static <T> T convert(ObjectMapper mapper, JsonNode json, JavaType type) {
        try {
            // read from the tree itself: convertValue would first write it into a token buffer
            return mapper.readerFor(type).readValue(mapper.treeAsTokens(json));
        } catch (IOException | IllegalArgumentException e) {
            throw new LlmockException(explain(mapper, type, e), e);
        }
    }

    private static String explain(ObjectMapper mapper, JavaType type, Exception e) {
        String jackson = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
        String name = type.toCanonical();
        // "no Creators, like default constructor, exist" or "(although at least one Creator exists): ... (no delegate-
        // or property-based Creator)": either way Jackson found no constructor it could fill from JSON properties
        if (!jackson.contains("no Creators") && !jackson.contains("property-based Creator")) {
            return Messages.dataDoesNotFit(name, jackson);
        }
        Class<?> raw = type.getRawClass();
        if (isKotlin(raw) && !mapper.getRegisteredModuleIds().contains(KOTLIN_MODULE)) {
            return Messages.kotlinModuleMissing(name);
        }
        if (!isKotlin(raw) && constructorNamesMissing(raw)) {
            return Messages.parameterNamesMissing(name);
        }
        return Messages.noCreator(name, jackson);
    }

    private static boolean isKotlin(Class<?> type) {
        for (Annotation annotation : type.getDeclaredAnnotations()) {
            if (annotation.annotationType().getName().equals(KOTLIN_METADATA)) {
                return true;
            }
        }
        return false;
    }

    /** A constructor with parameters whose names javac did not keep (no {@code -parameters}). */
    private static boolean constructorNamesMissing(Class<?> type) {
        return Arrays.stream(type.getDeclaredConstructors())
                .filter(constructor -> !Modifier.isPrivate(constructor.getModifiers()))
                .filter(constructor -> constructor.getParameterCount() > 0 && !constructor.isSynthetic())
                .anyMatch(TypeMapping::namesMissing);
    }

    private static boolean namesMissing(Constructor<?> constructor) {
        return Arrays.stream(constructor.getParameters()).noneMatch(Parameter::isNamePresent);
    }

    /** Built on first use, so that a broken module on the class path fails only the mapping, with its own message. */
    private static final class Default {
        static final ObjectMapper MAPPER = JsonMapper.builder()
                .findAndAddModules()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addModule(new ParameterNamesModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                .build();
    }
}
