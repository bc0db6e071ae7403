#!/usr/bin/env bash
# Builds the benchmarks, runs a short version of every one, and writes benchmarks/RESULTS.md.
# Usage: benchmarks/run.sh [extra JMH options, e.g. a benchmark regex such as 'Replay']
# Takes about 8 minutes on 2 cores. Override the JMH settings with JMH_OPTS and WIREMOCK_JMH_OPTS.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="$here/target/results"
data="$out/data"
jmh_opts="${JMH_OPTS:--f 1 -wi 3 -w 2s -i 3 -r 2s}"
# WireMock (Jetty, 16 client threads on a shared JVM) keeps speeding up for longer: warm it up more.
wiremock_opts="${WIREMOCK_JMH_OPTS:--f 1 -wi 5 -w 3s -i 3 -r 3s}"

cd "$root"
mvn -B -q -P bench -pl benchmarks -am package -DskipTests
jar="$here/target/benchmarks.jar"

rm -rf "$out"
mkdir -p "$data"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"

# Heap after load (goal 3), in a JVM of its own with a stop-the-world collector so System.gc() is a full collection.
java -XX:+UseSerialGC -Xmx2g -Dllmock.bench.data="$data" -cp "$jar" dev.llmock.bench.HeapProbe > "$out/heap.json"

# A finding rather than a goal: how recording time grows with the number of new entries, RECORD against RERECORD.
java -Dllmock.bench.data="$data" -cp "$jar" dev.llmock.bench.RecordScaling > "$out/record-scaling.json"

# shellcheck disable=SC2086
java -jar "$jar" $jmh_opts -foe true -rf json -rff "$out/jmh.json" \
    -jvmArgsAppend "-Dllmock.bench.data=$data -Xms2g -Xmx2g" -e WireMockBenchmark "$@" | tee "$out/jmh.log"
# shellcheck disable=SC2086
java -jar "$jar" $wiremock_opts -foe true -rf json -rff "$out/jmh-wiremock.json" \
    -jvmArgsAppend "-Dllmock.bench.data=$data -Xms2g -Xmx2g" WireMockBenchmark | tee "$out/jmh-wiremock.log"

load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$here/report.py" --jmh "$out/jmh.json" --jmh "$out/jmh-wiremock.json" --heap "$out/heap.json" --data "$data" \
    --record-scaling "$out/record-scaling.json" \
    --jmh-opts "$jmh_opts (WireMockBenchmark: $wiremock_opts)" --load-before "$load_before" --load-after "$load_after" \
    --analysis "$here/analysis.md" > "$here/RESULTS.md"
echo "Wrote $here/RESULTS.md"
