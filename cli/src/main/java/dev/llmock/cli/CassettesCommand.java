package dev.llmock.cli;

import dev.llmock.LlmockException;
import dev.llmock.SettingResolver;
import dev.llmock.cassette.Cassette;
import dev.llmock.cassette.CassetteCheck;
import dev.llmock.cassette.CassetteSettings;
import dev.llmock.cassette.CassetteStats;
import dev.llmock.cassette.Cassettes;
import dev.llmock.cassette.RecordMode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code llmock cassettes verify|prune|stats [dir]}: checks and tidies cassette files without running tests. */
@Command(name = "cassettes", mixinStandardHelpOptions = true,
        description = "Check, tidy and describe cassette files.",
        subcommands = {CassettesCommand.Verify.class, CassettesCommand.Prune.class, CassettesCommand.Stats.class})
final class CassettesCommand implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The cassette directory argument and the configuration, shared by the subcommands. */
    static class Directory {
        @Parameters(index = "0", arity = "0..1", paramLabel = "<dir>",
                description = "The cassette directory (default: -Dllmock.cassettes.dir, LLMOCK_CASSETTES_DIR, the"
                        + " configuration's cassettes.directory, or " + Cassettes.DEFAULT_DIRECTORY + ").")
        Path dir;

        @Option(names = {"-c", "--config"}, paramLabel = "<llmock.json>",
                description = "Configuration file (default: -Dllmock.config, LLMOCK_CONFIG, or ./llmock.json if"
                        + " present).")
        Path config;

        /** System properties, the environment and the configuration, for the settings not given as options. */
        SettingResolver settings() {
            return SettingResolver.system().withConfig(ConfigFile.load(config));
        }

        Path existing(SettingResolver settings) {
            Path resolved = settings.get(CassetteSettings.DIRECTORY, dir);
            if (!Files.isDirectory(resolved)) {
                throw new LlmockCommand.BadInputException("No cassette directory at " + resolved + ".");
            }
            return resolved;
        }
    }

    static Duration maxAge(String text) {
        if (text == null) {
            return null;
        }
        try {
            Duration parsed = Duration.parse(text);
            if (!parsed.isNegative() && !parsed.isZero()) {
                return parsed;
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new LlmockCommand.BadInputException("--max-age must be a positive ISO-8601 duration such as P30D,"
                + " but was \"" + text + "\".");
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check every cassette: readable, keys match requests, fixtures fit their shapes.")
    static final class Verify implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Directory directory = new Directory();

        @Option(names = "--max-age", paramLabel = "<duration>", description = "Also count entries older than this"
                + " (ISO-8601, e.g. P30D; default: the cassettes.maxAge setting); stale entries are reported, not"
                + " failures.")
        String maxAge;

        @Override
        public Integer call() {
            SettingResolver settings = directory.settings();
            Cassettes.Builder builder = Cassettes.newBuilder().settings(settings).directory(directory.existing(settings))
                    .mode(RecordMode.REPLAY);
            Duration age = maxAge(maxAge);
            if (age != null) {
                builder.maxAge(age);
            }
            List<CassetteCheck> checks = builder.build().verify();
            PrintWriter out = spec.commandLine().getOut();
            checks.forEach(check -> out.println(check.render()));
            long failed = checks.stream().filter(check -> !check.ok()).count();
            long skipped = checks.stream().filter(CassetteCheck::wasSkipped).count();
            out.println(checks.size() + (checks.size() == 1 ? " cassette, " : " cassettes, ") + failed + " failed"
                    + (skipped == 0 ? "." : ", " + skipped + " skipped."));
            out.flush();
            return failed == 0 ? LlmockCommand.OK : LlmockCommand.FAILURE;
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Remove entries older than --max-age from every cassette. (Entries no test asks for any"
                    + " more are listed after a test run; remove those with Cassette.prune() from the test side.)")
    static final class Prune implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Directory directory = new Directory();

        @Option(names = "--max-age", required = true, paramLabel = "<duration>",
                description = "Remove entries recorded longer ago than this (ISO-8601, e.g. P30D).")
        String maxAge;

        @Override
        public Integer call() {
            Duration age = maxAge(maxAge);
            Path root = directory.existing(directory.settings());
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            List<CassetteCheck> checks = Cassettes.verify(root);
            checks.stream().filter(CassetteCheck::wasSkipped)
                    .forEach(check -> err.println("llmock: skipped " + check.path() + ": " + check.skipped()));
            Map<Path, List<Path>> byDirectory = checks.stream().filter(check -> !check.wasSkipped())
                    .map(CassetteCheck::path)
                    .collect(Collectors.groupingBy(Path::getParent, TreeMap::new, Collectors.toList()));
            int removed = 0;
            int failed = 0;
            for (Map.Entry<Path, List<Path>> group : byDirectory.entrySet()) {
                Cassettes cassettes = Cassettes.newBuilder().directory(group.getKey()).mode(RecordMode.RECORD)
                        .maxAge(age).build();
                for (Path file : group.getValue()) {
                    String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                    try {
                        Cassette cassette = cassettes.open(name);
                        int count = cassette.pruneStale();
                        cassette.save();
                        removed += count;
                        if (count > 0) {
                            out.println(file + ": removed " + count + (count == 1 ? " entry" : " entries"));
                        }
                    } catch (LlmockException e) {
                        err.println("llmock: " + e.getMessage());
                        failed++;
                    }
                }
            }
            out.println("Removed " + removed + (removed == 1 ? " entry" : " entries") + " older than " + age + ".");
            out.flush();
            return failed == 0 ? LlmockCommand.OK : LlmockCommand.FAILURE;
        }
    }

    @Command(name = "stats", mixinStandardHelpOptions = true,
            description = "Entries, backends, oldest and newest recording and size of every cassette.")
    static final class Stats implements Callable<Integer> {
        @CommandLine.Spec
        private CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        Directory directory = new Directory();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            int entries = 0;
            int failed = 0;
            List<CassetteCheck> checks = Cassettes.verify(directory.existing(directory.settings()));
            for (CassetteCheck check : checks) {
                CassetteStats stats = check.stats();
                if (check.wasSkipped()) {
                    spec.commandLine().getErr().println("llmock: skipped " + check.path() + ": " + check.skipped());
                } else if (stats == null) {
                    spec.commandLine().getErr().println("llmock: " + check.problems().get(0));
                    failed++;
                } else {
                    out.println(stats.render());
                    entries += stats.entries();
                }
            }
            out.println(checks.size() + (checks.size() == 1 ? " cassette, " : " cassettes, ") + entries
                    + (entries == 1 ? " entry." : " entries."));
            out.flush();
            return failed == 0 ? LlmockCommand.OK : LlmockCommand.FAILURE;
        }
    }
}
