/**
 * Record/replay cassettes: the files that make LLM-made test data deterministic.
 *
 * <p>{@link dev.llmock.cassette.Cassettes} is one directory in one {@link dev.llmock.cassette.RecordMode}; it opens
 * each {@link dev.llmock.cassette.Cassette} (one JSON file) once, whose interceptor answers the engine's requests from
 * the file or records them. {@link dev.llmock.cassette.CassetteSettings} lists where each option comes from (builder,
 * property, environment variable, {@code llmock.json}, default); {@link dev.llmock.cassette.CassetteReport},
 * {@link dev.llmock.cassette.CassetteCheck} and {@link dev.llmock.cassette.CassetteStats} say what a run did and what
 * a file holds.
 *
 * <pre>{@code
 * Cassettes cassettes = Cassettes.newBuilder().config(LlmockConfig.load()).build();
 * try (Cassette cassette = cassettes.open("com.acme.UserTest");
 *      Llmock llmock = Llmock.newBuilder().interceptor(cassette.interceptor()).build()) {
 *     User user = llmock.generate(request).as(User.class);
 * }
 * }</pre>
 *
 * Writes are atomic and merged with the file on disk; a file that cannot be read is reported
 * ({@link dev.llmock.cassette.CorruptCassetteException}), never overwritten; secrets are redacted before an entry is
 * kept.
 *
 * @since 0.1.0
 */
package dev.llmock.cassette;
