package dev.llmock.internal.mapping;

/** What a user reads when generated data does not map onto their type. */
final class Messages {
    private Messages() {
    }

    static String dataDoesNotFit(String type, String jackson) {
        return "The generated data does not map onto " + type + ": " + jackson + ". Check that the shape matches"
                + " the type (or leave the shape out, so llmock derives it from the type).";
    }

    static String kotlinModuleMissing(String type) {
        return "The generated data does not map onto " + type + ": it is a Kotlin class, which Jackson builds only"
                + " with jackson-module-kotlin. Add com.fasterxml.jackson.module:jackson-module-kotlin (test scope, the"
                + " version of your Jackson) to the build, and llmock finds it; or register KotlinModule on the"
                + " ObjectMapper you give llmock.";
    }

    static String parameterNamesMissing(String type) {
        return "The generated data does not map onto " + type + ": it has no no-argument constructor, and the names"
                + " of its constructor's parameters are not in the class file, so Jackson cannot tell which value goes"
                + " where. Compile it with -parameters (Maven: <parameters>true</parameters> in the"
                + " maven-compiler-plugin's configuration; Gradle: options.compilerArgs.add(\"-parameters\")), or mark"
                + " the constructor @JsonCreator and each parameter @JsonProperty(\"name\").";
    }

    static String noCreator(String type, String jackson) {
        return "The generated data does not map onto " + type + ": " + jackson + ". Give " + type + " a"
                + " no-argument constructor and setters, or a constructor marked @JsonCreator.";
    }
}
