#!/usr/bin/env bash
# Builds the benchmarks and the CLI, runs every measurement, and writes benchmarks/RESULTS.md.
#
# Usage: benchmarks/run.sh [--quick]
#   --quick   a smoke run (one fork, short iterations, few rounds) to check that everything works; its figures
#             carry large errors and RESULTS.md says so.
# Takes about 20 minutes on 2 idle cores (RESULTS.md records how long it took). Run it on a quiet machine: every
# figure is a ratio against a baseline measured in the same JMH run, but load that comes and goes still widens the
# errors. The JMH settings of each group are the variables below; override one with e.g. REPLAY_OPTS='-f 2 ...'.
# JMH refuses to start while another JMH run holds /tmp/jmh.lock: that is a machine that is not quiet.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/target/results"
data="$out/data"
started="$(date +%s)"
quick=false
if [[ "${1:-}" == "--quick" ]]; then
    quick=true
fi

# Why these settings (see "Method" in RESULTS.md): several forks, because a JIT's choices differ from one JVM to the
# next and one fork's iterations cannot show that; warm-up long enough for the slowest of a pair (the synthetic path
# takes about 7 s to reach its steady state, a WireMock server pinned to one core about as long); short iterations,
# because more of them narrow the confidence interval for the same time; a full GC before every iteration (-gc true)
# and the heap fixed (-Xms = -Xmx), so one iteration's garbage does not land in the next.
if $quick; then
    micro="-f 1 -wi 1 -w 1s -i 2 -r 1s"
    REPLAY_OPTS="$micro" SYNTHETIC_OPTS="$micro" LOAD_OPTS="$micro" WIREMOCK_OPTS="$micro" PATTERNS_OPTS="$micro"
    BATCHING_OPTS="$micro" LLAMA_OPTS="$micro" RECORDING_OPTS="-f 1 -wi 0 -i 1 -p entries=1000,4000"
    STARTUP_ROUNDS=3 JUNIT_ROUNDS=3 SCALE_ROUNDS=2 SCALE_COUNT=100000
fi
REPLAY_OPTS="${REPLAY_OPTS:--f 2 -wi 4 -w 2s -i 4 -r 1s}"
SYNTHETIC_OPTS="${SYNTHETIC_OPTS:--f 3 -wi 4 -w 2s -i 3 -r 1s}"
LOAD_OPTS="${LOAD_OPTS:--f 2 -wi 3 -w 2s -i 4 -r 2s}"
WIREMOCK_OPTS="${WIREMOCK_OPTS:--f 3 -wi 8 -w 2s -i 3 -r 2s}"
PATTERNS_OPTS="${PATTERNS_OPTS:--f 1 -wi 1 -w 1s -i 4 -r 2s}"
BATCHING_OPTS="${BATCHING_OPTS:--f 1 -wi 2 -w 2s -i 3 -r 2s}"
LLAMA_OPTS="${LLAMA_OPTS:--f 1 -wi 1 -w 2s -i 5 -r 2s}"
RECORDING_OPTS="${RECORDING_OPTS:--f 3 -wi 5 -i 4}"
STARTUP_ROUNDS="${STARTUP_ROUNDS:-15}"
JUNIT_ROUNDS="${JUNIT_ROUNDS:-10}"
SCALE_ROUNDS="${SCALE_ROUNDS:-6}"
SCALE_COUNT="${SCALE_COUNT:-1000000}"
MODEL="${LLMOCK_BENCH_MODEL:-$(cd "$root/.." && pwd)/shared/models/llama-2-tiny-random.gguf}"
jvm_args="-Dllmock.bench.data=$data -Xms2g -Xmx2g"

cd "$root"
mvn -B -q -P bench -pl benchmarks,cli -am package -DskipTests
jar="$here/target/benchmarks.jar"
cli_jar="$root/cli/target/llmock.jar"

rm -rf "$out"
mkdir -p "$data"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
echo "load before: $load_before" | tee "$out/load.txt"

# One JMH run per group: a pair (llmock and its baseline) runs side by side, adjacent, with the same settings.
jmh() {
    local name="$1" regex="$2" opts="$3"
    shift 3
    echo "== $name: $regex $opts"
    # shellcheck disable=SC2086
    "$@" java ${JMH_JAVA_OPTS:-} -jar "$jar" "$regex" $opts -gc true -foe true -rf json -rff "$out/jmh-$name.json" \
        -jvmArgsAppend "$jvm_args ${extra_jvm_args:-}" > "$out/jmh-$name.log" 2>&1 \
        || { tail -40 "$out/jmh-$name.log"; exit 1; }
    grep -E '^[A-Za-z]+Benchmark\.' "$out/jmh-$name.log" || true
}

# Heap after load (goal 3b), in a JVM of its own with a stop-the-world collector so System.gc() is a full collection.
java -XX:+UseSerialGC -Xmx2g -Dllmock.bench.data="$data" -cp "$jar" dev.llmock.bench.HeapProbe > "$out/heap.json"

jmh replay 'ReplayBenchmark' "$REPLAY_OPTS"
jmh synthetic 'SyntheticBenchmark' "$SYNTHETIC_OPTS"
jmh cassette-load 'CassetteLoadBenchmark' "$LOAD_OPTS"
# The WireMock server runs in a JVM of its own (WireMockServerMain): pinned to CPU 0, the client (JMH) to CPU 1.
if command -v taskset > /dev/null && [[ "$(nproc)" -ge 2 ]]; then
    extra_jvm_args="-Dllmock.bench.serverCpus=0" jmh wiremock 'WireMockBenchmark' "$WIREMOCK_OPTS" taskset -c 1
    echo "pinned: server on CPU 0, client on CPU 1" > "$out/wiremock-pinning.txt"
else
    jmh wiremock 'WireMockBenchmark' "$WIREMOCK_OPTS"
fi
jmh patterns 'PatternsBenchmark' "$PATTERNS_OPTS"
jmh batching 'BatchingBenchmark' "$BATCHING_OPTS"
if [[ -f "$MODEL" ]]; then
    extra_jvm_args="-Dllmock.bench.model=$MODEL" jmh llamacpp 'LlamaCppBenchmark' "$LLAMA_OPTS"
else
    echo "No GGUF model at $MODEL (set LLMOCK_BENCH_MODEL): the llamacpp row is skipped." | tee "$out/llamacpp-skipped.txt"
fi
jmh recording 'RecordScalingBenchmark' "$RECORDING_OPTS"

shape='{"name":"string","email":"email","age":0,"address":{"city":"string","state":"string","zip":"string"}}'
echo "== start-up: $STARTUP_ROUNDS rounds"
java -cp "$jar" dev.llmock.bench.StartupTimes "$STARTUP_ROUNDS" "$out/startup.json" -- \
    java -jar "$cli_jar" generate --shape "$shape" --count 3
# The same through cli/llmock, the launcher with a class-data sharing archive of its own: one unmeasured run writes it.
export LLMOCK_CDS_DIR="$data/cds" LLMOCK_JAR="$cli_jar"
sh "$root/cli/llmock" generate --shape "$shape" --count 3 > /dev/null 2>&1
echo "== start-up through cli/llmock (AppCDS): $STARTUP_ROUNDS rounds"
java -cp "$jar" dev.llmock.bench.StartupTimes "$STARTUP_ROUNDS" "$out/startup-cds.json" -- \
    sh "$root/cli/llmock" generate --shape "$shape" --count 3
unset LLMOCK_CDS_DIR LLMOCK_JAR
echo "== JUnit first fixture: $JUNIT_ROUNDS rounds"
java -cp "$jar" dev.llmock.bench.FirstFixtureTimes "$JUNIT_ROUNDS" "$data/junit-cassettes" "$out/junit.json"
echo "== scale: $SCALE_ROUNDS rounds of $SCALE_COUNT records"
java -cp "$jar" dev.llmock.bench.ScaleRun "$SCALE_ROUNDS" "$SCALE_COUNT" "$cli_jar" "$data/scale" "$out/scale.json"

load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
elapsed="$(( $(date +%s) - started ))"
echo "load after: $load_after; run.sh took ${elapsed}s" | tee -a "$out/load.txt"
python3 "$here/report.py" --results "$out" --load-before "$load_before" --load-after "$load_after" \
    --elapsed "$elapsed" --quick "$quick" --analysis "$here/analysis.md" \
    --settings "replay: $REPLAY_OPTS; synthetic: $SYNTHETIC_OPTS; cassette load: $LOAD_OPTS; WireMock: $WIREMOCK_OPTS; patterns: $PATTERNS_OPTS; batching: $BATCHING_OPTS; llamacpp: $LLAMA_OPTS; recording: $RECORDING_OPTS; start-up: $STARTUP_ROUNDS rounds; JUnit: $JUNIT_ROUNDS rounds; scale: $SCALE_ROUNDS rounds of $SCALE_COUNT" \
    > "$here/RESULTS.md"
echo "Wrote $here/RESULTS.md (run.sh took ${elapsed}s)"
