/**
 * The {@code llmock} command line: {@code generate}, {@code validate}, {@code cassettes} and {@code serve}.
 *
 * <p>{@link dev.llmock.cli.LlmockCommand#main(String[])} is the runnable jar's entry point;
 * {@link dev.llmock.cli.LlmockCommand#commandLine()} gives the same command line to run in process. The subcommands
 * themselves are package-private: their options are documented by {@code llmock <command> --help}.
 *
 * <pre>
 * java -jar llmock.jar generate --shape '{"name":"string","email":"email"}' --count 5
 * </pre>
 *
 * @since 0.1.0
 */
package dev.llmock.cli;
