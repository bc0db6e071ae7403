package dev.llmock.cassette.internal;

import dev.llmock.SettingResolver;
import dev.llmock.cassette.CassetteCheck;
import dev.llmock.cassette.CassetteReport;
import dev.llmock.cassette.CassetteSettings;
import dev.llmock.cassette.CassetteStats;
import dev.llmock.cassette.RecordMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Every sentence the cassettes module shows a user, in one place so they stay consistent. */
public final class Messages {
    /** How to fix a replay miss, the same everywhere. */
    public static final String HOW_TO_RECORD = "Run once with -Dllmock.mode=record and commit the cassette.";
    /** How to add to a cassette that {@code once} only replays because it exists. */
    public static final String HOW_TO_ADD = "The cassette exists, so mode once records nothing new: run with"
            + " -Dllmock.mode=record (VCR: new_episodes) to add the missing entries, and commit the cassette.";

    private static final int MAX_REQUEST_CHARS = 600;
    private static final int MAX_LISTED = 10;

    private Messages() {
    }

    public static String unknownMode(String text, String source) {
        String modes = Arrays.stream(RecordMode.values()).map(RecordMode::id).collect(Collectors.joining(", "));
        return "Unknown llmock mode \"" + text + "\"" + (source == null ? "" : " (from " + source + ")")
                + ". Use one of: " + modes + " (or VCR's none, new_episodes, all).";
    }

    public static String replayMiss(Path path, RecordMode mode, String test, String key, String request,
                                    String nearestKey, String nearestTest, List<String> differences, int entries) {
        StringBuilder text = new StringBuilder("No recorded fixture for ")
                .append(test == null ? "request " + shortKey(key) : test)
                .append(" in ").append(path).append(" (mode ").append(mode.id()).append(").");
        text.append("\n  wanted:  key ").append(shortKey(key)).append(", request ").append(truncate(request));
        if (nearestKey == null) {
            text.append("\n  nearest: none, the cassette ")
                    .append(entries == 0 ? "has no entries" : "holds no comparable entry").append('.');
        } else {
            text.append("\n  nearest: key ").append(shortKey(nearestKey));
            if (nearestTest != null) {
                text.append(" (recorded for ").append(nearestTest).append(')');
            }
            text.append(differences.isEmpty() ? ", differs in no field of the request"
                    : ", differs in " + String.join(", ", differences)).append('.');
        }
        return text.append('\n').append(mode == RecordMode.ONCE ? HOW_TO_ADD : HOW_TO_RECORD).toString();
    }

    /** Why {@code failOnRecord} is on, from where it was resolved. */
    public static String failOnRecordReason(SettingResolver.Origin origin, String where) {
        switch (origin) {
            case DEFAULT:
                return "the default on a CI server";
            case CODE:
                return "set explicitly";
            default:
                return "set by " + where;
        }
    }

    public static String recordedWhileForbidden(CassetteReport report, String why) {
        int count = report.recorded().size();
        StringBuilder text = new StringBuilder("llmock recorded ").append(count)
                .append(count == 1 ? " entry" : " entries").append(" into ").append(report.path())
                .append(" (mode ").append(report.mode().id()).append("), but llmock.failOnRecord is on (")
                .append(why).append("): a CI build must replay committed cassettes, never call a model.");
        list(text, "recorded", report.recorded());
        return text.append("\nThe cassette was written. Record on a developer machine and commit the cassette,"
                + " or set -Dllmock.failOnRecord=false (LLMOCK_FAIL_ON_RECORD=false) to allow recording here.")
                .toString();
    }

    public static String notJson(Path path, int line, int column, String problem) {
        return "The cassette " + path + " is not valid JSON at line " + line + ", column " + column + ": " + problem
                + ". " + leftUntouched();
    }

    public static String notACassette(Path path, String problem) {
        return "The cassette " + path + " is not a cassette: " + problem + ". " + leftUntouched();
    }

    public static String newerFormat(Path path, int version, int supported) {
        return "The cassette " + path + " has format version " + version + ", but this llmock reads version "
                + supported + " and older. Upgrade llmock; the file was left untouched.";
    }

    public static String unreadable(Path path, Exception cause) {
        return "The cassette " + path + " cannot be read (" + cause.getClass().getSimpleName() + ": "
                + cause.getMessage() + "). " + leftUntouched();
    }

    public static String unwritable(Path path, Exception cause) {
        return "The cassette " + path + " could not be written (" + cause.getClass().getSimpleName() + ": "
                + cause.getMessage() + "); the previous file is unchanged.";
    }

    static String readOnlyCassette(Path path) {
        return "The cassette " + path + " is read-only; llmock does not replace a read-only cassette. Make it writable"
                + " (chmod u+w) to record into it, or record into another directory.";
    }

    static String readOnlyDirectory(Path path, Path directory) {
        return "The cassette " + path + " cannot be written: its directory " + directory + " is read-only. Make the"
                + " directory writable to record into it, or record into another directory.";
    }

    static String danglingLink(Path path, Path target) {
        return "The cassette " + path + " is a symbolic link to " + target + ", whose directory does not exist. Create"
                + " that directory or remove the link.";
    }

    static String lockTimeout(Path path, Path lockFile, Duration timeout, String holder) {
        return "The cassette " + path + " was not written: its directory's lock " + lockFile + " is held by " + holder
                + ", and was not free within " + timeout.toSeconds() + " s. Wait for that writer to finish, stop it,"
                + " or raise " + CassetteSettings.LOCK_TIMEOUT_PROPERTY + ".";
    }

    static String lockInterrupted(Path path, Path lockFile) {
        return "The cassette " + path + " was not written: interrupted while waiting for the lock " + lockFile + ".";
    }

    static String lockNotWritable(Path lockFile) {
        return "The lock file " + lockFile + " is not writable by user " + System.getProperty("user.name") + ", so"
                + " llmock cannot lock the cassettes next to it. Make it writable for everyone who records there"
                + " (chmod a+rw " + lockFile + "), or delete it: llmock makes a new one writable by all.";
    }

    static String recovered(Path recovered, int entries, int recordedNow) {
        return "The " + entries + (entries == 1 ? " entry" : " entries") + " held in memory (" + recordedNow
                + " changed in this run) " + (entries == 1 ? "was" : "were") + " written to " + recovered + " instead; once the cassette is fixed or"
                + " deleted, rename that file to take its place.";
    }

    static String notRecovered(Exception cause) {
        return "The entries held in memory could not be written beside it either (" + cause.getMessage() + ").";
    }

    private static String leftUntouched() {
        return "llmock leaves the file untouched: fix it, or delete it and record again with -Dllmock.mode=record.";
    }

    public static String badName(String name) {
        return "A cassette name must be a plain file name inside the cassette directory, like"
                + " \"com.acme.UserTest\", but was \"" + name + "\".";
    }

    public static String optionSetTwice(String option) {
        return option + " was already set on this builder; set each option once.";
    }

    public static String nonPositiveMaxAge(Duration maxAge) {
        return "maxAge must be positive, but was " + maxAge + ".";
    }

    public static String nonPositiveLockTimeout(Duration timeout) {
        return "lockTimeout must be positive, but was " + timeout + ".";
    }

    public static String negativeFlushAfter(Duration delay) {
        return "flushAfter must be zero (write only on save) or positive, but was " + delay + ".";
    }

    public static String badPattern(String pattern, String problem) {
        return "Invalid redaction pattern \"" + pattern + "\": " + problem
                + ". Patterns are Java regular expressions (java.util.regex.Pattern).";
    }

    public static String report(CassetteReport report) {
        StringBuilder text = new StringBuilder("Cassette ").append(report.path()).append(" (mode ")
                .append(report.mode().id()).append("): ")
                .append(report.replayed().size()).append(" replayed, ")
                .append(report.recorded().size()).append(" recorded, ")
                .append(report.stale().size()).append(" stale, ")
                .append(report.unused().size()).append(" unused.");
        list(text, "recorded", report.recorded());
        list(text, "stale", report.stale());
        list(text, "unused (remove with prune())", report.unused());
        for (CassetteReport.Drift drift : report.drift()) {
            text.append("\n  drift in ").append(drift.entry().describe()).append(": ");
            if (drift.structural()) {
                text.append("structure changed");
                appendPaths(text, "added", drift.added());
                appendPaths(text, "removed", drift.removed());
                appendPaths(text, "type changed", drift.typeChanged());
                text.append("; ");
            } else {
                text.append("same structure; ");
            }
            text.append(drift.valuesChanged().size()).append(drift.valuesChanged().size() == 1 ? " value" : " values")
                    .append(" changed");
        }
        return text.toString();
    }

    private static void list(StringBuilder text, String title, List<CassetteReport.Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        text.append("\n  ").append(title).append(": ").append(entries.stream().limit(MAX_LISTED)
                .map(CassetteReport.Entry::describe).collect(Collectors.joining(", ")));
        if (entries.size() > MAX_LISTED) {
            text.append(" and ").append(entries.size() - MAX_LISTED).append(" more");
        }
    }

    private static void appendPaths(StringBuilder text, String title, List<String> paths) {
        if (!paths.isEmpty()) {
            text.append("; ").append(title).append(' ').append(String.join(", ", paths));
        }
    }

    public static String stats(CassetteStats stats) {
        StringBuilder text = new StringBuilder().append(stats.path()).append(": ").append(stats.entries())
                .append(stats.entries() == 1 ? " entry" : " entries");
        if (!stats.backends().isEmpty()) {
            text.append(" (").append(stats.backends().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))).append(')');
        }
        if (stats.oldest() != null) {
            text.append(", recorded ").append(stats.oldest()).append(" .. ").append(stats.newest());
        }
        return text.append(", ").append(size(stats.sizeBytes())).toString();
    }

    static String oddName(String name) {
        return "\"" + name + "\" is not a name a cassette can have (it must not start with '.' or contain '..', '/'"
                + " or '\\'); rename the file to use it";
    }

    static String emptyCassette(Path path) {
        return "The cassette " + path + " is empty, so it holds no cassette: delete it, or record again with"
                + " -Dllmock.mode=record.";
    }

    public static String check(CassetteCheck check) {
        if (check.wasSkipped()) {
            return "SKIPPED " + check.path() + ": " + check.skipped();
        }
        if (check.ok()) {
            StringBuilder text = new StringBuilder("OK     ").append(check.stats() == null ? check.path()
                    : stats(check.stats()));
            if (check.stale() > 0) {
                text.append(" (").append(check.stale()).append(" stale)");
            }
            return text.toString();
        }
        StringBuilder text = new StringBuilder("FAILED ").append(check.path());
        check.problems().forEach(problem -> text.append("\n  ").append(problem));
        return text.toString();
    }

    public static String entryProblem(String key, String test, String problem) {
        return "entry " + shortKey(key) + (test == null ? "" : " (" + test + ")") + ": " + problem;
    }

    public static String leftoverTempFile(Path file) {
        return "leftover temporary file " + file.getFileName() + " from an interrupted write; the next save removes it";
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }

    public static String shortKey(String key) {
        return key == null ? "?" : key.length() > 12 ? key.substring(0, 12) : key;
    }

    private static String truncate(String text) {
        return text.length() > MAX_REQUEST_CHARS ? text.substring(0, MAX_REQUEST_CHARS) + "..." : text;
    }
}
