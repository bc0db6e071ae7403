package dev.llmock.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmock.cassette.RecordMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Jenkins build sets {@code JENKINS_URL} but not {@code CI}: run test classes in a JVM with exactly that
 * environment and see that llmock never records there without saying so.
 */
class JenkinsTest {
    @TempDir
    Path dir;

    static class CustomerTestCase {
        @Test
        void customer(@Generated(shape = "{\"name\":\"string\",\"city\":\"string\"}") JsonNode customer) {
        }
    }

    /** Runs {@link CustomerTestCase} in a JVM whose environment has no CI variable but {@code JENKINS_URL}. */
    private List<String> runOnJenkins(String... parameters) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                CiRun.class.getName(), CustomerTestCase.class.getName(), dir.resolve("cassettes").toString()));
        command.addAll(List.of(parameters));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("jvm.log").toFile());
        Map<String, String> env = builder.environment();
        RecordMode.CI_VARIABLES.forEach(env::remove);
        env.keySet().removeIf(name -> name.startsWith("LLMOCK_"));
        env.put("JENKINS_URL", "http://jenkins.acme:8080/");
        Process process = builder.start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the Jenkins JVM finished").isTrue();
        List<String> lines = Files.readAllLines(dir.resolve("jvm.log"), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join("\n", lines)).isZero();
        return lines;
    }

    @Test
    void onJenkinsTheDefaultModeReplaysSoAMissingFixtureFailsInsteadOfCallingAModel() throws Exception {
        List<String> out = runOnJenkins();

        assertThat(out).contains("tests 0 1", "containers 0");
        assertThat(out).anySatisfy(line -> assertThat(line)
                .startsWith("ReplayMissException: No recorded fixture for CustomerTestCase.customer(JsonNode)")
                .endsWith("(mode replay)."));
        assertThat(dir.resolve("cassettes")).doesNotExist();
    }

    @Test
    void onJenkinsAModeSetToRecordFailsTheRunThatRecordedAfterKeepingTheCassette() throws Exception {
        List<String> out = runOnJenkins("llmock.mode=once");

        assertThat(out).contains("tests 1 0", "containers 1");
        assertThat(out).anySatisfy(line -> assertThat(line).startsWith("UnexpectedRecordingException: llmock"
                + " recorded 1 entry into " + dir.resolve("cassettes").resolve(CustomerTestCase.class.getName()
                + ".json") + " (mode once), but llmock.failOnRecord is on (the default on a CI server)"));
        assertThat(dir.resolve("cassettes").resolve(CustomerTestCase.class.getName() + ".json")).exists();
    }
}
