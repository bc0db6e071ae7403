#!/usr/bin/env python3
"""Turns JMH's JSON output and the side measurements into benchmarks/RESULTS.md (printed to stdout)."""
import argparse
import datetime
import json
import os
import platform
import subprocess


def machine():
    cpu = "unknown"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    mem = "unknown"
    with open("/proc/meminfo") as f:
        for line in f:
            if line.startswith("MemTotal"):
                mem = "%.1f GiB" % (int(line.split()[1]) / 1024 / 1024)
                break
    return os.cpu_count(), cpu, mem


def git_revision(root):
    try:
        rev = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True,
                             check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=root, capture_output=True, text=True,
                               check=True).stdout.strip()
        return rev + (" plus uncommitted changes in the working tree" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--jmh", action="append", required=True)
    p.add_argument("--heap", required=True)
    p.add_argument("--data", required=True)
    p.add_argument("--jmh-opts", required=True)
    p.add_argument("--load-before", default="?")
    p.add_argument("--load-after", default="?")
    p.add_argument("--analysis")
    p.add_argument("--record-scaling")
    a = p.parse_args()

    runs = []
    for path in a.jmh:
        if os.path.exists(path) and os.path.getsize(path) > 0:
            with open(path) as f:
                runs.extend(json.load(f))
    score = {}
    for r in runs:
        name = r["benchmark"].replace("dev.llmock.bench.", "")
        m = r["primaryMetric"]
        score[name] = (m["score"], m["scoreError"], m["scoreUnit"], r)
    with open(a.heap) as f:
        heap = json.load(f)

    def s(name):
        return score[name][0] if name in score else None

    def fmt(name):
        if name not in score:
            return "not run"
        v, err, unit, _ = score[name]
        err_text = "" if err != err or err == 0 else " ± %.3g" % err  # NaN when too few iterations
        return "%.4g%s %s" % (v, err_text, unit)

    def ratio(x, y):
        return None if x is None or y is None or y == 0 else x / y

    def verdict(value, goal, at_most=True):
        if value is None:
            return "not measured"
        ok = value <= goal if at_most else value >= goal
        return "**met**" if ok else "**missed**"

    rows = []  # (goal, figure, baseline, ratio text, goal text, verdict)

    r1 = ratio(s("ReplayBenchmark.llmockReplay"), s("ReplayBenchmark.instancio"))
    rows.append(("1. Replayed fixture (1,000-entry cassette) into a 10-field record",
                 "`generate` + `as(Customer)`: " + fmt("ReplayBenchmark.llmockReplay"),
                 "Instancio.create: " + fmt("ReplayBenchmark.instancio"),
                 r1, "time ≤ 2x", verdict(r1, 2)))

    r2 = ratio(s("SyntheticBenchmark.llmockSynthetic"), s("SyntheticBenchmark.datafakerByHand"))
    rows.append(("2. Synthetic backend, 10-field record",
                 "`generate` + `as(Customer)`: " + fmt("SyntheticBenchmark.llmockSynthetic"),
                 "hand-written Datafaker: " + fmt("SyntheticBenchmark.datafakerByHand"),
                 r2, "time ≤ 2x", verdict(r2, 2)))

    r3 = ratio(s("CassetteLoadBenchmark.llmockOpen"), s("CassetteLoadBenchmark.jacksonReadTree"))
    rows.append(("3a. Cassette load, 10,000 entries",
                 "`Cassettes...open(name)`: " + fmt("CassetteLoadBenchmark.llmockOpen"),
                 "Jackson `readTree`: " + fmt("CassetteLoadBenchmark.jacksonReadTree"),
                 r3, "time ≤ 1.5x", verdict(r3, 1.5)))

    mib = 1024 * 1024
    r3h = heap["cassetteRetainedBytes"] / heap["fileBytes"]
    rows.append(("3b. Heap after cassette load",
                 "open cassette retains %.1f MiB" % (heap["cassetteRetainedBytes"] / mib),
                 "file size %.1f MiB (Jackson tree alone retains %.1f MiB, %.2fx)" % (
                     heap["fileBytes"] / mib, heap["jacksonTreeRetainedBytes"] / mib,
                     heap["jacksonTreeRetainedBytes"] / heap["fileBytes"]),
                 r3h, "heap ≤ 3x file", verdict(r3h, 3)))

    r4a = ratio(s("WireMockBenchmark.llmockTransformer"), s("WireMockBenchmark.plainStub"))
    r4b = ratio(s("WireMockBenchmark.llmockCatchAll"), s("WireMockBenchmark.plainStub"))
    rows.append(("4a. WireMock, `llmock` transformer replaying (16 connections)",
                 fmt("WireMockBenchmark.llmockTransformer"), "plain static stub: " + fmt("WireMockBenchmark.plainStub"),
                 r4a, "req/s ≥ 0.8x", verdict(r4a, 0.8, at_most=False)))
    rows.append(("4b. WireMock, catch-all `/api/mock/**` replaying (16 connections)",
                 fmt("WireMockBenchmark.llmockCatchAll"), "plain static stub: " + fmt("WireMockBenchmark.plainStub"),
                 r4b, "req/s ≥ 0.8x", verdict(r4b, 0.8, at_most=False)))

    r5a = ratio(s("PatternsBenchmark.parallelParts"), s("PatternsBenchmark.slowestPartAlone"))
    rows.append(("5a. Parallel parts (100/400/400 ms backends)",
                 "wall time " + fmt("PatternsBenchmark.parallelParts"),
                 "slowest part alone: " + fmt("PatternsBenchmark.slowestPartAlone"),
                 r5a, "≤ 1.15x", verdict(r5a, 1.15)))
    seq, total = s("PatternsBenchmark.sequentialStages"), s("PatternsBenchmark.sumOfStagesAlone")
    r5b = None if seq is None or total is None else (seq - total) / total
    rows.append(("5b. Sequential generate/enrich/validate (100/400/400 ms)",
                 "wall time " + fmt("PatternsBenchmark.sequentialStages"),
                 "the three calls by hand: " + fmt("PatternsBenchmark.sumOfStagesAlone"),
                 r5b, "overhead ≤ 5%", verdict(r5b, 0.05)))

    facts = {}
    for method in ("batched", "onePerCall"):
        path = os.path.join(a.data, "batching-%s.json" % method)
        if os.path.exists(path):
            with open(path) as f:
                facts[method] = json.load(f)
    r6 = None
    batching_text = "not run"
    if len(facts) == 2:
        b, o = facts["batched"], facts["onePerCall"]
        tok_b = b["promptTokens"] / b["records"]
        tok_o = o["promptTokens"] / o["records"]
        r6 = tok_o / tok_b
        batching_text = ("batched: %.3f calls and %.1f prompt tokens per record; one per call: %.3f calls and %.1f"
                         " prompt tokens per record" % (b["calls"] / b["records"], tok_b, o["calls"] / o["records"],
                                                         tok_o))
        rows.append(("6. Batching 1,000 records (simulated OpenAI-compatible backend)",
                     "batched: %.1f prompt tokens/record, %.1f calls per 1,000; %s per 1,000 records" % (
                         tok_b, 1000 * b["calls"] / b["records"], fmt("BatchingBenchmark.batched")),
                     "one per call: %.1f prompt tokens/record, %.0f calls per 1,000; %s per 1,000 records" % (
                         tok_o, 1000 * o["calls"] / o["records"], fmt("BatchingBenchmark.onePerCall")),
                     r6, "≥ 10x fewer prompt tokens per record", verdict(r6, 10, at_most=False)))

    r7 = ratio(s("LlamaCppBenchmark.llmockLocalModel"), s("LlamaCppBenchmark.javaLlamaCppDirect"))
    rows.append(("7. Local GGUF model (provider `llamacpp`, tiny random-weight model), one record per call",
                 "records/s through llmock: " + fmt("LlamaCppBenchmark.llmockLocalModel"),
                 "java-llama.cpp called directly: " + fmt("LlamaCppBenchmark.javaLlamaCppDirect"),
                 r7, "records/s ≥ 0.9x", verdict(r7, 0.9, at_most=False)))

    ncpu, cpu, mem = machine()
    any_run = runs[0] if runs else {}
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(a.jmh[0]))))
    out = []
    out.append("# llmock benchmarks: results")
    out.append("")
    out.append("Written by `benchmarks/run.sh` on %s. Every figure is a ratio against its baseline measured in the"
               " same run, on the same JVM settings. These are **short** runs (settings below): they show the order"
               " of magnitude and the ratios, not publication-grade absolute numbers."
               % datetime.datetime.now().strftime("%Y-%m-%d %H:%M"))
    out.append("")
    out.append("## Machine and settings")
    out.append("")
    out.append("- CPUs (`nproc`): %s; CPU: %s; memory: %s; OS: %s %s" % (ncpu, cpu, mem, platform.system(),
                                                                         platform.release()))
    out.append("- JDK: %s, %s %s" % (any_run.get("jdkVersion", "?"), any_run.get("vmName", "?"),
                                      any_run.get("vmVersion", "?")))
    out.append("- JMH %s, options `%s`; JMH's default JVM options plus `-Xms2g -Xmx2g -Dllmock.bench.data=...`"
               % (any_run.get("jmhVersion", "?"), a.jmh_opts))
    out.append("- Load average (1/5/15 min) before the run: %s; after: %s. **The machine may have been shared** with"
               " other builds during the run (a 2-core development box), which adds noise to every figure; ratios"
               " are less affected than absolute numbers because each pair ran minutes apart at most."
               % (a.load_before, a.load_after))
    out.append("- Source: git %s" % git_revision(root))
    out.append("")
    out.append("## Goals")
    out.append("")
    out.append("| goal | llmock | baseline | ratio | target | verdict |")
    out.append("|---|---|---|---|---|---|")
    for goal, fig, base, r, target, v in rows:
        if r is None:
            rtext = "-"
        elif goal.startswith("5b"):
            rtext = "%+.1f%%" % (100 * r)
        else:
            rtext = "%.2fx" % r
        out.append("| %s | %s | %s | %s | %s | %s |" % (goal, fig, base, rtext, target, v))
    out.append("")
    out.append("Ratios: 1, 2, 3a, 5a are llmock time / baseline time (lower is better); 3b is retained heap / file"
               " size; 4 is llmock requests per second / plain stub requests per second (higher is better); 5b is"
               " (sequential wall time - sum of the three calls by hand) / that sum; 6 is prompt tokens per record"
               " one-per-call / batched (higher is better); 7 is llmock records per second / direct records per second (higher is"
               " better).")
    out.append("")
    if facts:
        out.append("Batching facts from `llmock.stats()`: " + batching_text + ".")
        out.append("")
    out.append("## How each figure is measured")
    out.append("")
    out.append("""- **1** `ReplayBenchmark`: a cassette of 1,000 entries is recorded through the engine with the synthetic
  backend (one entry per `variant`; mode RERECORD, which into a new file records exactly what RECORD would, without
  RECORD's quadratic growth lookup, see the finding below), then reopened in REPLAY. Each operation builds the request as a test
  would (`FixtureRequest.builder().shape(CUSTOMER).variant(i)`, the `Shape` parsed once), calls `generate` on an
  engine with `cache(false)` (so the cassette answers, not the in-JVM cache) and maps to `Customer` with
  `Fixture.as`. Baseline: `Instancio.create(Customer.class)`.
- **2** `SyntheticBenchmark`: `generate(...).as(Customer.class)` on an engine with no configuration, `cache(false)`,
  no cassette. Baseline: one `Faker` held by the benchmark filling the ten fields by hand.
- **3a** `CassetteLoadBenchmark`: a new `Cassettes` (REPLAY) opening the 10,000-entry file (parse, check every entry,
  index by key), against `new ObjectMapper().readTree(file)` of the same file.
- **3b** `HeapProbe`, in its own JVM with `-XX:+UseSerialGC -Xmx2g`: used heap (`Runtime.totalMemory() -
  freeMemory()`) after five `System.gc()` calls (each a full stop-the-world collection with SerialGC; the minimum is
  taken) with the open cassette held, minus the same before opening it; then the same for Jackson's tree of the
  file. Both code paths run once before measuring, so loaded classes are not counted.
- **4** `WireMockBenchmark`: one WireMock 3 server on 127.0.0.1 (40 container threads, request journal off for all
  stubs) with three stubs answering the same 10-field body; the llmock ones replay from a cassette recorded in the
  trial's setup. Client: one shared `java.net.http.HttpClient` (HTTP/1.1, keep-alive), 16 JMH threads, so 16
  connections. Client and server share the JVM and the 2 cores, which damps every ratio towards 1 by the same client
  cost.
- **5** `PatternsBenchmark`: three `Backend`s registered with `Llmock.builder().backend(...)` that sleep 100, 400 and
  400 ms and then answer as the synthetic backend. Parallel: three parts on the three backends, against the 400 ms
  backend called directly. Sequential: generate (100 ms), enrich (400 ms), validate (400 ms), against the same three
  calls made by hand one after the other.
- **6** `BatchingBenchmark`: a WireMock server on loopback simulating an OpenAI-compatible `/v1/chat/completions`
  (`OpenAiSimulator`): it answers the `response_format` JSON Schema with exactly the number of distinct records asked
  for and reports `usage` with tokens counted as ceil(characters / 4), prompt tokens over the messages plus the
  `response_format` schema. Batched: one `generate` of `count(1000)`; baseline: 1,000 `generate` calls of one
  record. Calls and prompt tokens come from `llmock.stats()`.
- **7** `LlamaCppBenchmark`: `../shared/models/llama-2-tiny-random.gguf` (or `-Dllmock.bench.model`), context 2048,
  2 threads. llmock: `generate` of one record through a `llamacpp` backend, `cache(false)`, no cassette, variants
  cycling through 256. Baseline: the same model loaded directly with java-llama.cpp, the same prompt and grammar
  llmock sends, seeds cycling through 256, the answer parsed by Jackson. The random-weight model makes answer
  lengths vary with the seed; both sides average over the same number of seeds.""")
    out.append("")
    if a.record_scaling and os.path.exists(a.record_scaling):
        with open(a.record_scaling) as f:
            scaling = json.load(f)
        out.append("## Finding: recording time in mode RECORD grows quadratically")
        out.append("")
        out.append("Wall time to record N new entries into an empty cassette through the engine (synthetic backend,"
                   " cache off, save included), measured by `RecordScaling` in its own JVM after a warm-up round:")
        out.append("")
        sizes = sorted(scaling["record"], key=int)
        out.append("| mode | " + " | ".join("N = %s" % n for n in sizes) + " |")
        out.append("|---|" + "---|" * len(sizes))
        for mode in ("record", "rerecord"):
            out.append("| %s | " % mode + " | ".join("%.0f ms" % scaling[mode][n] for n in sizes) + " |")
        out.append("")
    if a.analysis and os.path.exists(a.analysis):
        with open(a.analysis) as f:
            out.append(f.read().rstrip())
        out.append("")
    out.append("## Raw JMH scores")
    out.append("")
    out.append("| benchmark | mode | threads | score | unit |")
    out.append("|---|---|---|---|---|")
    for name in sorted(score):
        v, err, unit, r = score[name]
        out.append("| %s | %s | %s | %s | %s |" % (name, r["mode"], r["threads"], fmt(name).rsplit(" ", 1)[0],
                                                   unit))
    out.append("")
    out.append("Raw files of the run: `benchmarks/target/results/` (`jmh.json`, `jmh.log`, `heap.json`,"
               " `data/batching-*.json`), not committed (`target/` is ignored).")
    print("\n".join(out))


if __name__ == "__main__":
    main()
