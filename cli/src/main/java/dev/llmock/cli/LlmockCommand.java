package dev.llmock.cli;

import dev.llmock.ConfigException;
import dev.llmock.LlmockException;
import dev.llmock.ShapeException;
import dev.llmock.internal.RedactedUrls;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code llmock} command line: {@code generate} large data sets, and more subcommands as modules add them.
 *
 * <pre>
 * java -jar cli/target/llmock.jar generate --shape '{"name":"string","email":"email"}' --count 5
 * </pre>
 *
 * Exit codes: {@value #OK} success, {@value #FAILURE} failure, {@value #BAD_INPUT} bad input (with the message).
 *
 * @since 0.1.0
 */
@Command(name = "llmock", mixinStandardHelpOptions = true, versionProvider = LlmockCommand.Version.class,
        description = "LLM-made test data, deterministic through record/replay cassettes.")
public final class LlmockCommand implements Runnable {
    /** The subcommands, in the order {@code --help} lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(GenerateCommand.class, CassettesCommand.class,
            ServeCommand.class, ValidateCommand.class);

    /** Exit code of a command that did what it was asked: {@value}. */
    public static final int OK = 0;
    /** Exit code of a command that failed (a backend, a file, a replay miss), with the message: {@value}. */
    public static final int FAILURE = 1;
    /** Exit code of bad input the user can fix (an option, a shape, a configuration), with the message: {@value}. */
    public static final int BAD_INPUT = 2;

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** The top-level command, as {@link #commandLine()} creates it; picocli fills in its spec. */
    public LlmockCommand() {
    }

    /**
     * Runs the command line; log records go to stderr one line each (see {@code internal.ConsoleLoggerFinder}).
     *
     * @param args the command line, such as {@code generate --shape ... --count 5}
     */
    public static void main(String[] args) {
        System.exit(commandLine(args.length == 0 ? null : args[0]).execute(args));
    }

    /**
     * The configured command line, for {@link #main} and for tests.
     *
     * @return a new command line whose {@code execute} returns the exit code
     */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line with only the subcommand {@code first} names when it names one, else with all: picocli reads
     * each subcommand's options by reflection, a good part of a short run's start-up.
     */
    static CommandLine commandLine(String first) {
        CommandLine commandLine = new CommandLine(new LlmockCommand());
        boolean named = SUBCOMMANDS.stream().anyMatch(type -> name(type).equals(first));
        for (Class<?> type : SUBCOMMANDS) {
            if (!named || name(type).equals(first)) {
                commandLine.addSubcommand(type);
            }
        }
        commandLine.setExecutionExceptionHandler(LlmockCommand::handle);
        commandLine.setParameterExceptionHandler((e, args) -> {
            e.getCommandLine().getErr().println("llmock: " + RedactedUrls.within(e.getMessage()) + " (see 'llmock "
                    + e.getCommandLine().getCommandName() + " --help')");
            return BAD_INPUT;
        });
        return commandLine;
    }

    private static String name(Class<?> subcommand) {
        return subcommand.getAnnotation(Command.class).name();
    }

    /** Prints the usage: {@code llmock} without a subcommand has nothing else to do. */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Bad input exits {@value #BAD_INPUT} and a failure {@value #FAILURE}, each with its message (credentials in URLs
     * redacted); only a failure llmock did not foresee adds a stack trace.
     */
    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        commandLine.getErr().println("llmock: " + RedactedUrls.within(e.getMessage()));
        if (e instanceof ShapeException || e instanceof ConfigException || e instanceof BadInputException) {
            return BAD_INPUT;
        }
        if (!(e instanceof LlmockException) && !(e instanceof IOException) && !(e instanceof UncheckedIOException)) {
            e.printStackTrace(commandLine.getErr());
        }
        return FAILURE;
    }

    /** Input the user can fix: a missing file, conflicting options. */
    static final class BadInputException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadInputException(String message) {
            super(message);
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = LlmockCommand.class.getPackage().getImplementationVersion();
            return new String[] {"llmock " + (version == null ? "0.1.0-SNAPSHOT" : version)};
        }
    }
}
