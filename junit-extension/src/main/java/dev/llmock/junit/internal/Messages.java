package dev.llmock.junit.internal;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** Every message the JUnit extension shows, in one place so they stay consistent. */
public final class Messages {
    private Messages() {
    }

    static String badCount(String what, int count) {
        return "@Generated " + what + " has count = " + count + "; count must be at least 1.";
    }

    static String countNeedsContainer(String what, int count, String type) {
        return "@Generated " + what + " has count = " + count + ", but its type " + type + " holds one record."
                + " Use List<" + type + ">, Set<" + type + ">, " + type + "[] or Stream<" + type + ">, or count = 1.";
    }

    static String twoShapes(String what) {
        return "@Generated " + what + " sets both shape and shapeResource; set one of them.";
    }

    static String shapeNeeded(String what, String type) {
        return "@Generated " + what + " is a " + type + ", which says nothing about the data to generate."
                + " Give a shape, e.g. @Generated(shape = \"{\\\"name\\\":\\\"string\\\"}\"), or use a record type.";
    }

    static String shapeMismatch(String what, String type, List<String> problems) {
        return "@Generated " + what + " does not fit its shape: " + String.join("; ", problems)
                + ". Fix the shape, or leave it out so llmock derives it from " + type + ".";
    }

    static String resourceMissing(String what, String resource) {
        return "@Generated " + what + " names shapeResource \"" + resource + "\", which is not on the test classpath."
                + " Put it under src/test/resources/" + (resource.startsWith("/") ? resource.substring(1) : resource)
                + ".";
    }

    static String conversionFailed(String what, String type, String detail) {
        return "@Generated " + what + ": the generated data does not map onto " + type + ": " + detail;
    }

    static String fieldNotWritable(String what, Exception e) {
        return "@Generated " + what + " cannot be set: " + e.getMessage() + ". Make the field non-final.";
    }

    static String fixturesOfFailedTest(List<String> lines) {
        StringBuilder text = new StringBuilder("llmock fixtures of this test:");
        lines.forEach(line -> text.append("\n  ").append(line));
        text.append("\nTo reproduce: the fixtures replay from the cassette; run with -Dllmock.mode=replay to be sure"
                + " no backend is called.");
        return text.toString();
    }

    static String uncheckedRules(int fixtures, Collection<String> rules) {
        return "llmock: unchecked: " + fixtures + (fixtures == 1 ? " fixture has" : " fixtures have") + " rules in words"
                + " that no model judged (add a validate stage on an LLM backend): "
                + rules.stream().map(rule -> "\"" + rule + "\"").collect(Collectors.joining(", "));
    }

    static String invalidNeedsJson(String type) {
        return "@GeneratedSource(kind = INVALID) cases break the shape on purpose and may not map onto " + type
                + ". Declare the parameter as JsonNode or String.";
    }

    static String openApiAndOperation(String what) {
        return what + " needs both openApi (the description) and operation (its operationId), and then no shape or"
                + " shapeResource.";
    }

    static String openApiModuleMissing(String what) {
        return what + " reads an OpenAPI description, which needs dev.llmock:llmock-openapi on the test classpath."
                + " Add it next to llmock-junit, in the same version.";
    }

    static String noRequestBody(String what, String operation, String source) {
        return what + " wants the request body of " + operation + " in " + source + ", but that operation takes no"
                + " body. Name an operation with a requestBody.";
    }

    static String noParameter() {
        return "@GeneratedSource needs a test method with at least one parameter to receive each case.";
    }

    static String registerInStaticField(String testClass) {
        return testClass + " registers a LlmockExtension built with LlmockExtension.newBuilder() in a field that is not"
                + " static. Make the field static: its settings apply to the whole class, whose cassette is written"
                + " once, when the class ends.";
    }

    static String registeredTwice(String testClass, int count) {
        return testClass + " registers " + count + " LlmockExtension instances with @RegisterExtension; register one,"
                + " with every setting the class needs.";
    }

    /** A builder option given twice. */
    public static String optionSetTwice(String option) {
        return option + " was already set on this builder; set each option once.";
    }
}
