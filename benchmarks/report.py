#!/usr/bin/env python3
"""Turns the measurements in benchmarks/target/results/ into benchmarks/RESULTS.md (printed to stdout).

Every figure carries its error: the half-width of its 99.9% confidence interval, as JMH computes it (Student's t over
all measured iterations of all forks; for the process timings, the same over the runs). A row whose figures have an
error of 25% of their value or more is "inconclusive", whatever its ratio.
"""
import argparse
import datetime
import glob
import json
import math
import os
import platform
import subprocess

MAX_ERROR = 0.25


class Figure:
    """A measured value with its error (99.9% CI half-width), unit and how many samples it rests on."""

    def __init__(self, value, error, unit, n=None, label=""):
        self.value = value
        self.error = float(error) if isinstance(error, str) else error  # JMH writes "NaN" for one sample
        self.unit = unit
        self.n = n
        self.label = label

    @property
    def rel(self):
        if self.value is None or self.error is None or self.error != self.error or self.value == 0:
            return None
        return abs(self.error / self.value)

    def ok(self):
        return self.rel is not None and self.rel < MAX_ERROR

    def text(self):
        if self.value is None:
            return "not run"
        if self.rel is None:
            return "%s %s (no error: too few samples)" % (num(self.value), self.unit)
        return "%s ± %s %s (±%.1f%%)" % (num(self.value), num(self.error), self.unit, 100 * self.rel)


def num(x):
    if x is None:
        return "-"
    a = abs(x)
    if a >= 10000:
        return "{:,.0f}".format(x)
    if a >= 100:
        return "%.0f" % x
    if a >= 10:
        return "%.1f" % x
    if a >= 1:
        return "%.2f" % x
    return "%.3g" % x


MISSING = Figure(None, None, "")


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
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no", "--", ".",
                                ":(exclude)benchmarks/RESULTS.md"], cwd=root,
                               capture_output=True, text=True, check=True).stdout.strip()
        return rev + (" plus uncommitted changes in the working tree" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def load_json(path):
    if os.path.exists(path) and os.path.getsize(path) > 0:
        with open(path) as f:
            return json.load(f)
    return None


def ratio(a, b, inverse=False):
    """a / b (or b / a) as a Figure whose relative error is the two relative errors added in quadrature."""
    if a.value is None or b.value is None or b.value == 0 or a.value == 0:
        return MISSING
    r = b.value / a.value if inverse else a.value / b.value
    if a.rel is None or b.rel is None:
        return Figure(r, None, "x")
    return Figure(r, r * math.sqrt(a.rel ** 2 + b.rel ** 2), "x")


def verdict(r, target, at_most, figures):
    """met / missed by N% / inconclusive, judged on the ratio's point value; notes a CI that reaches the target."""
    if r.value is None:
        return "not measured"
    noisy = [f for f in figures if not f.ok()]
    if noisy:
        worst = max((f.rel for f in noisy if f.rel is not None), default=None)
        return "**inconclusive** (error %s)" % ("≥ 25%" if worst is None else "%.0f%% ≥ 25%%" % (100 * worst))
    met = r.value <= target if at_most else r.value >= target
    if met:
        crosses = r.rel is not None and (r.value + r.error > target if at_most else r.value - r.error < target)
        return "**met**" + (" (its CI reaches the target)" if crosses else "")
    by = r.value / target - 1 if at_most else 1 - r.value / target
    return "**missed** by %.0f%%" % (100 * by)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--results", required=True)
    p.add_argument("--settings", required=True)
    p.add_argument("--load-before", default="?")
    p.add_argument("--load-after", default="?")
    p.add_argument("--elapsed", type=int)
    p.add_argument("--quick", default="false")
    p.add_argument("--analysis")
    a = p.parse_args()
    res = a.results

    runs = []
    for path in sorted(glob.glob(os.path.join(res, "jmh-*.json"))):
        runs.extend(load_json(path) or [])
    score = {}
    for r in runs:
        name = r["benchmark"].replace("dev.llmock.bench.", "")
        if r.get("params"):
            name += "[" + ",".join("%s=%s" % kv for kv in sorted(r["params"].items())) + "]"
        m = r["primaryMetric"]
        n = sum(len(fork) for fork in m.get("rawData", []))
        score[name] = (Figure(m["score"], m["scoreError"], m["scoreUnit"], n), r)

    def jmh(name):
        return score[name][0] if name in score else MISSING

    def series(node):
        if not node or "mean" not in node:
            return MISSING
        return Figure(node["mean"], node.get("error"), node["unit"], node["n"])

    heap = load_json(os.path.join(res, "heap.json"))
    startup = load_json(os.path.join(res, "startup.json"))
    startup_cds = load_json(os.path.join(res, "startup-cds.json"))
    junit = load_json(os.path.join(res, "junit.json"))
    scale = load_json(os.path.join(res, "scale.json"))
    facts = {}
    for method in ("batched", "onePerCall"):
        fact = load_json(os.path.join(res, "data", "batching-%s.json" % method))
        if fact:
            facts[method] = fact

    rows = []  # (id, goal, llmock text, baseline text, ratio text, target text, verdict)

    def pair_row(rid, goal, mine, mine_text, base, base_text, target, at_most, inverse=False, target_text=None):
        r = ratio(mine, base, inverse)
        rows.append((rid, goal, mine_text + ": " + mine.text(), base_text + ": " + base.text(), r,
                     target_text or ("%s %.2fx" % ("≤" if at_most else "≥", target)),
                     verdict(r, target, at_most, [mine, base])))

    pair_row("1", "Replayed fixture (1,000-entry cassette) into a 10-field record",
             jmh("ReplayBenchmark.llmockReplay"), "`generate` + `as(Customer)`",
             jmh("ReplayBenchmark.instancio"), "`Instancio.create`", 0.25, True, target_text="time ≤ 0.25x")
    pair_row("2", "Synthetic backend, 10-field record", jmh("SyntheticBenchmark.llmockSynthetic"),
             "`generate` + `as(Customer)`", jmh("SyntheticBenchmark.datafakerByHand"), "hand-written Datafaker",
             1.5, True, target_text="time ≤ 1.5x")
    pair_row("3a", "Cassette load, 10,000 entries", jmh("CassetteLoadBenchmark.llmockOpen"), "`Cassettes...open`",
             jmh("CassetteLoadBenchmark.jacksonReadTree"), "Jackson `readTree`", 1.0, True,
             target_text="time ≤ 1.0x")
    if heap:
        held = series(heap["cassetteRetainedMib"])
        tree = series(heap["jacksonTreeRetainedMib"])
        file_mib = heap["fileMib"]
        r = Figure(held.value / file_mib, None if held.error is None else held.error / file_mib, "x")
        rows.append(("3b", "Heap held by the open cassette", "retained: " + held.text(),
                     "file size: %.1f MiB (Jackson's tree of it retains %s, %.2fx the file)" % (
                         file_mib, tree.text(), tree.value / file_mib), r, "heap ≤ 1.5x the file",
                     verdict(r, 1.5, True, [held])))
    plain = jmh("WireMockBenchmark.plainStub")
    pair_row("4a", "WireMock, `llmock` transformer replaying", jmh("WireMockBenchmark.llmockTransformer"),
             "requests/s", plain, "plain static stub", 0.9, False, target_text="requests/s ≥ 0.9x")
    pair_row("4b", "WireMock, catch-all `/api/mock/**` replaying", jmh("WireMockBenchmark.llmockCatchAll"),
             "requests/s", plain, "plain static stub", 0.9, False, target_text="requests/s ≥ 0.9x")
    if "WireMockBenchmark.plainStubSameUrl" in score:
        pair_row("4c", "WireMock, catch-all against the plain stub asked with the same long query (not a goal: what "
                 "is llmock's)", jmh("WireMockBenchmark.llmockCatchAll"), "requests/s",
                 jmh("WireMockBenchmark.plainStubSameUrl"), "plain static stub, same query", 0.9, False,
                 target_text="requests/s ≥ 0.9x")
    pair_row("5a", "Parallel parts (100/400/400 ms backends)", jmh("PatternsBenchmark.parallelParts"), "wall time",
             jmh("PatternsBenchmark.slowestPartAlone"), "slowest part alone", 1.15, True,
             target_text="time ≤ 1.15x")
    pair_row("5b", "Sequential generate/enrich/validate (100/400/400 ms)", jmh("PatternsBenchmark.sequentialStages"),
             "wall time", jmh("PatternsBenchmark.sumOfStagesAlone"), "the three calls by hand", 1.05, True,
             target_text="time ≤ 1.05x (overhead ≤ 5%)")
    batched, one = jmh("BatchingBenchmark.batched"), jmh("BatchingBenchmark.onePerCall")
    batching_text = None
    if len(facts) == 2:
        b, o = facts["batched"], facts["onePerCall"]
        tok_b = b["promptTokens"] / b["records"]
        tok_o = o["promptTokens"] / o["records"]
        r = Figure(tok_o / tok_b, 0.0, "x")
        rows.append(("6", "Batching 1,000 records (simulated OpenAI-compatible backend)",
                     "batched: %.1f prompt tokens/record, %.0f calls per 1,000 records; %s per 1,000" % (
                         tok_b, 1000 * b["calls"] / b["records"], batched.text()),
                     "one per call: %.1f prompt tokens/record, %.0f calls per 1,000 records; %s per 1,000" % (
                         tok_o, 1000 * o["calls"] / o["records"], one.text()),
                     r, "≥ 10x fewer prompt tokens per record", verdict(r, 10, False, [])))
        batching_text = ("batched: %.3f calls and %.1f prompt tokens per record; one per call: %.3f calls and %.1f"
                         " prompt tokens per record (token counts are exact counts, not samples; the times are"
                         " context)" % (b["calls"] / b["records"], tok_b, o["calls"] / o["records"], tok_o))
    skipped = os.path.join(res, "llamacpp-skipped.txt")
    if os.path.exists(skipped):
        with open(skipped) as f:
            note = f.read().strip()
        rows.append(("7", "Local GGUF model (provider `llamacpp`), 8 records", "skipped", note, MISSING,
                     "time ≤ 1.10x (overhead ≤ 10%)", "not measured (no model)"))
    else:
        pair_row("7", "Local GGUF model (provider `llamacpp`, tiny random-weight model), 8 records",
                 jmh("LlamaCppBenchmark.llmockLocalModel"), "through llmock",
                 jmh("LlamaCppBenchmark.javaLlamaCppDirect"), "java-llama.cpp directly, the same calls", 1.10, True,
                 target_text="time ≤ 1.10x (overhead ≤ 10%)")
    rec = {n: jmh("RecordScalingBenchmark.record[entries=%d]" % n) for n in (1000, 4000, 16000)}
    pair_row("8", "Recording N new entries (mode RECORD): time(16,000) / time(1,000)", rec[16000], "N = 16,000",
             rec[1000], "N = 1,000", 20, True, target_text="≤ 20 (linear: 16)")
    def startup_rows(times, ids, goal, versus):
        """Two rows per way of starting: its absolute time to exit, and that against a hello-world JVM."""
        exit_l, exit_h = series(times["llmock"]["exit"]), series(times["hello"]["exit"])
        first_l = series(times["llmock"]["firstRecord"])
        secs = Figure(exit_l.value / 1000, None if exit_l.error is None else exit_l.error / 1000, "s")
        rows.append((ids[0], goal, "to exit: " + exit_l.text() + "; to the first record: " + first_l.text(),
                     "(absolute target)", secs, "≤ 0.4 s", verdict(secs, 0.4, True, [exit_l])))
        pair_row(ids[1], versus, exit_l, "to exit", exit_h, "hello world, to exit", 13, True, target_text="≤ 13x")

    if startup:
        startup_rows(startup, ("9a", "9b"), "`llmock generate --count 3`, whole process",
                     "`llmock generate --count 3` against a hello-world JVM")
    if startup_cds:
        startup_rows(startup_cds, ("9c", "9d"), "The same through `cli/llmock` (the jar with its own AppCDS archive)",
                     "`cli/llmock generate --count 3` against a hello-world JVM")
    if junit:
        mine, base = series(junit["llmock"]["firstFixture"]), series(junit["instancio"]["firstFixture"])
        r = ratio(mine, base)
        noisy = [f for f in (mine, base) if not f.ok()]
        rows.append(("10", "JUnit: test class start to its first injected fixture (fresh JVM)",
                     "`@Generated`, replayed: " + mine.text(), "Instancio `@Given`: " + base.text(), r,
                     "none set (reported)", "**inconclusive**" if noisy else "reported"))
    if scale:
        mine = series(scale["llmock"]["recordsPerSecond"])
        base = series(scale["datafaker"]["recordsPerSecond"])
        pair_row("11a", "%s records to JSONL with `-Xmx256m`: throughput" % "{:,}".format(scale["count"]), mine,
                 "`llmock generate --out users.jsonl`", base, "hand-written Datafaker loop", 0.5, False,
                 target_text="records/s ≥ 0.5x")
        heap_l, rss_l = series(scale["llmock"]["peakHeapMib"]), series(scale["llmock"]["peakRssMib"])
        live_l = series(scale["llmock"]["liveHeapMib"])
        r = Figure(heap_l.value, heap_l.error, "MiB")
        rows.append(("11b", "The same run: memory", "peak used heap %s; live heap after GC %s; peak RSS %s" % (
            heap_l.text(), live_l.text(), rss_l.text()),
                     "Datafaker: peak used heap %s; peak RSS %s" % (
                         series(scale["datafaker"]["peakHeapMib"]).text(),
                         series(scale["datafaker"]["peakRssMib"]).text()),
                     r, "heap < 256 MiB (constant)", verdict(r, 256, True, [heap_l])))

    ncpu, cpu, mem = machine()
    any_run = runs[0] if runs else {}
    root = os.path.dirname(os.path.dirname(os.path.abspath(res)))
    root = os.path.dirname(root) if os.path.basename(root) == "benchmarks" else root
    out = []
    w = out.append
    w("# llmock benchmarks: results")
    w("")
    quick = a.quick == "true"
    w("Written by `benchmarks/run.sh%s` on %s%s. Every ratio is against a baseline measured side by side with it, in"
      " the same JMH run (or, for whole processes, alternating run by run), with the same settings. Each figure's"
      " error is the half-width of its 99.9%% confidence interval as JMH computes it; a row whose figures' error is"
      " 25%% of their value or more is marked inconclusive." % (
          " --quick" if quick else "", datetime.datetime.now().strftime("%Y-%m-%d %H:%M"),
          "" if a.elapsed is None else "; the whole run took %d min %02d s" % divmod(a.elapsed, 60)))
    if quick:
        w("")
        w("**This is a `--quick` smoke run**: one fork and a few iterations, so the errors are large and the verdicts"
          " mean little.")
    w("")
    w("## Goals")
    w("")
    w("| # | goal | llmock | baseline | ratio | target | verdict |")
    w("|---|---|---|---|---|---|---|")
    for rid, goal, mine, base, r, target, v in rows:
        if r.value is None:
            rtext = "-"
        elif r.unit == "x":
            rtext = "%.2fx" % r.value + ("" if r.rel is None or r.rel == 0 else " ± %.2f" % r.error)
        else:
            rtext = r.text()
        w("| %s | %s | %s | %s | %s | %s | %s |" % (rid, goal, mine, base, rtext, target, v))
    w("")
    w("Ratios are llmock / baseline: times (lower is better) for 1, 2, 3a, 5, 7, 8, 9b, 9d, 10; requests or records per"
      " second (higher is better) for 4 and 11a; retained heap / file size for 3b; prompt tokens per record, one per"
      " call / batched, for 6. A ratio's error adds the two figures' relative errors in quadrature. \"Its CI reaches"
      " the target\": the point value meets the target but the 99.9% interval of the ratio includes values that do"
      " not.")
    w("")
    if batching_text:
        w("Batching facts from `llmock.stats()`: " + batching_text + ".")
        w("")
    if any(rec[n].value for n in rec):
        w("Recording, every size (ms per recording of N entries, save included): " + "; ".join(
            "N = {:,}: {}".format(n, rec[n].text()) for n in sorted(rec)) + ".")
        w("")

    w("## Machine and settings")
    w("")
    w("- CPUs (`nproc`): %s; CPU: %s; memory: %s; OS: %s %s" % (ncpu, cpu, mem, platform.system(),
                                                                 platform.release()))
    w("- JDK: %s, %s %s" % (any_run.get("jdkVersion", "?"), any_run.get("vmName", "?"), any_run.get("vmVersion", "?")))
    w("- JMH %s; forked JVMs get `-Xms2g -Xmx2g` (heap fixed, so it does not resize while measured). Settings per"
      " group (`-f` forks, `-wi`/`-w` warm-up iterations and their length, `-i`/`-r` measured iterations and their"
      " length): %s" % (any_run.get("jmhVersion", "?"), a.settings))
    w("- Load average (1/5/15 min) before the run: %s; after: %s." % (a.load_before, a.load_after))
    w("- Source: git %s" % git_revision(root))
    w("")
    w(METHOD)
    w("")
    w(HOW)
    w("")
    if a.analysis and os.path.exists(a.analysis):
        with open(a.analysis) as f:
            w(f.read().rstrip())
        w("")
    w("## Raw JMH scores")
    w("")
    w("| benchmark | mode | threads | forks x iterations | score | unit |")
    w("|---|---|---|---|---|---|")
    for name in sorted(score):
        fig, r = score[name]
        forks = len(r["primaryMetric"].get("rawData", []))
        w("| %s | %s | %s | %d x %d | %s | %s |" % (name, r["mode"], r["threads"], forks,
                                                     fig.n // max(forks, 1), fig.text().rsplit(" (", 1)[0]
                                                     .rsplit(" ", 1)[0] + (
                                                         "" if fig.rel is None else " (±%.1f%%)" % (100 * fig.rel)),
                                                     fig.unit))
    w("")
    w("Raw files of the run: `benchmarks/target/results/` (`jmh-*.json` and `.log`, `heap.json`, `startup.json`,"
      " `junit.json`, `scale.json`, `data/batching-*.json`), not committed (`target/` is ignored).")
    print("\n".join(out))


METHOD = """## Method: why the earlier errors were as large as the values, and what changed

The previous `run.sh` ran one fork of 3 iterations per benchmark after 3 warm-up iterations of 2 s (WireMock: 3 of
3 s after 5). JMH's 99.9% interval over 3 samples uses Student's t with 2 degrees of freedom (31.6), so the error is
18 times the samples' standard deviation: 7,415 ± 29,000 ops/s is three iterations about 20% apart. Looking at
single forks run for 20 iterations showed why they were that far apart, and `run.sh` now deals with each cause:

- **Warm-up shorter than the JIT needs.** The synthetic path took about 7 s to reach its steady state (310, 134, 67,
  57, 35, 33, 33 µs/op in consecutive 1 s iterations, then within 1%), so a 6 s warm-up left compilation inside the
  measured iterations. A WireMock server kept getting faster for 15 to 20 s of load. Now every group warms up for
  longer than its slower half needs (6 to 8 s for the micro-benchmarks and cassette loading), and the WireMock server
  warms itself up before JMH starts (below).
- **Too few samples, one JVM.** One fork cannot show how much a JIT's choices vary between JVMs, and 3 iterations
  make t huge. Now 2 or 3 forks of 3 or 4 short iterations each: 6 to 9 samples, t between 5.0 and 6.9 instead of
  31.6, the same wall time spent on more, shorter samples (patterns and batching, whose verdicts do not hang on
  their times, take 3 or 4 from one fork; the local model, whose error is a few percent, 5 from one fork).
- **Garbage carried from one iteration to the next.** Loading a 10,000-entry cassette allocates about 100 MB per
  operation and the result stays reachable until the next one, so when a collection falls (and how much it promotes)
  varied from iteration to iteration. JMH's `-gc true` (a full collection before every iteration) with the heap fixed
  (`-Xms2g -Xmx2g`) brought Jackson's `readTree` from 67.7 ± 57.0 to 59.7 ± 5.7 ms/op in a trial minutes apart on the
  same machine; every group now runs with it.
- **Pairs minutes apart.** The old run measured all benchmarks in one JMH run, so a pair's two halves could be
  minutes apart, in different load. Now each group (a pair and its baseline) is its own JMH run, adjacent, with the
  same settings; whole processes alternate llmock and baseline run by run.
- **WireMock: 16 client threads and the server in one JVM on 2 cores.** 16 `java.net.http` client threads, their
  selector threads and Jetty's threads all took turns on two cores, so the figure depended on the scheduler and
  included the client's own work. Now the server is a JVM of its own (`WireMockServerMain`) that warms up on both
  cores with requests to all its stubs from 4 connections for 10 s, is then pinned to CPU 0 (`taskset`), and JMH
  runs on CPU 1 with 4 threads, each on a keep-alive connection through a minimal socket client that uses about a
  tenth of a core: the figure is the server's requests per second on one core. Each fork starts its own server.
- **One-shot measurements** (recording, start-up, the 1,000,000-record run) were single runs with no error at all.
  Recording is now a JMH `SingleShotTime` benchmark (3 forks of 4 recordings per size, after 5 unmeasured ones), and
  whole processes are timed by small Java harnesses (`StartupTimes`, `FirstFixtureTimes`, `ScaleRun`) over 6 to 15
  alternating runs,
  summarised with JMH's own statistics (`ListStatistics`: mean and 99.9% interval)."""

HOW = """## How each figure is measured

- **1** `ReplayBenchmark`: a cassette of 1,000 entries recorded through the engine with the synthetic backend, then
  reopened in REPLAY. Each operation builds the request as a test would (`FixtureRequest.newBuilder().shape(CUSTOMER)
  .variant(i)`, the `Shape` parsed once), calls `generate` on an engine with `cache(false)` (so the cassette answers,
  not the in-JVM cache) and maps to `Customer` with `Fixture.as`. Baseline: `Instancio.create(Customer.class)`.
- **2** `SyntheticBenchmark`: `generate(...).as(Customer.class)` on an engine with no configuration, `cache(false)`,
  no cassette. Baseline: one `Faker` filling the ten fields by hand.
- **3a** `CassetteLoadBenchmark`: a new `Cassettes` (REPLAY) opening the 10,000-entry file (parse, check every entry,
  index by key), against `new ObjectMapper().readTree(file)` of the same file.
- **3b** `HeapProbe`, in its own JVM with `-XX:+UseSerialGC`: used heap after five `System.gc()` calls (each a full
  collection with SerialGC; the minimum taken) with the open cassette held, minus the same before opening it; five
  times; then the same for Jackson's tree of the file. Both code paths run once before, so loaded classes are not
  counted.
- **4** `WireMockBenchmark`: `WireMockServerMain`, a JVM of its own on CPU 0, runs WireMock 3 on 127.0.0.1 (request
  journal off) with three stubs answering the same 10-field body: the `llmock` transformer and the catch-all, both
  replaying a cassette recorded at the server's start, and a plain static stub, also asked with the catch-all's
  long query (row 4c). Before reporting ready it sends itself requests to all of them in turn for 10 s. Client: 4
  JMH threads on CPU 1, each on its own keep-alive HTTP/1.1 connection through `RawHttpClient` (a request's bytes
  built once; the response's status, headers and body read). Every fork starts its own server.
- **5** `PatternsBenchmark`: three `Backend`s that sleep 100, 400 and 400 ms, then answer as the synthetic backend.
  Parallel: three parts on the three backends, against the 400 ms backend called directly. Sequential: generate
  (100 ms), enrich (400 ms), validate (400 ms), against the same three calls made by hand one after the other.
- **6** `BatchingBenchmark`: a WireMock server on loopback simulating an OpenAI-compatible `/v1/chat/completions`
  (`OpenAiSimulator`): it answers the `response_format` JSON Schema with the number of distinct records asked for and
  reports `usage` with tokens counted as ceil(characters / 4). Batched: one `generate` of `count(1000)`; baseline:
  1,000 `generate` calls of one record. Calls and prompt tokens come from `llmock.stats()`.
- **7** `LlamaCppBenchmark`: `../shared/models/llama-2-tiny-random.gguf` (or `LLMOCK_BENCH_MODEL`), context 2048,
  2 threads. An operation is 8 records: llmock `generate`s variants 0 to 7 through a `llamacpp` backend
  (`cache(false)`, no cassette, so the model runs every time, with the same seeds every time). Baseline: the same
  model loaded directly with java-llama.cpp, making exactly the calls llmock made (prompts and seeds read from
  llmock's prompt log, `dev.llmock.prompts` at TRACE, in the trial's setup; the grammar llmock builds), each answer
  parsed by Jackson. Both sides do the same model work, so the ratio is llmock's overhead.
- **8** `RecordScalingBenchmark` (`SingleShotTime`): one operation records N new entries into an empty cassette in
  mode RECORD (synthetic backend, cache off, the save when the cassette closes included), N = 1,000, 4,000, 16,000.
  Linear cost gives 16 for time(16,000) / time(1,000).
- **9** `StartupTimes`: `java -jar cli/target/llmock.jar generate --shape <user shape> --count 3` and `java -cp
  benchmarks.jar dev.llmock.bench.HelloWorld`, alternately, after two unmeasured rounds (so both jars are in the page
  cache): milliseconds from just before the process is started to the first `{` on its stdout (the first record) and
  to its end.
- **10** `FirstFixtureTimes`: two test classes with one test each, `LlmockFirstFixtureCase` (`@Generated Customer`,
  replayed from a cassette recorded once before) and `InstancioFirstFixtureCase` (`@ExtendWith(InstancioExtension)`,
  `@Given Customer`), each run through the JUnit Platform launcher by `FirstFixtureProbe` in a fresh JVM, alternately:
  milliseconds from the launcher's `executionStarted` for the class to the test method's first line.
- **11** `ScaleRun`: `java -Xmx256m -jar cli/target/llmock.jar generate --shape <user shape> --count N --out
  users.jsonl --quiet` against `DatafakerJsonl` (one `Faker` and Jackson's streaming generator writing the same
  fields, one record per line) with `-Xmx256m`, alternately. Throughput is N / wall time of the whole process. Peak
  RSS is the kernel's high-water mark (VmHWM); heap figures come from the JVM's GC log (`-Xlog:gc`): peak used is
  the largest heap before a collection, live the largest after one. Each output is checked to hold N lines of the
  shape's fields."""


if __name__ == "__main__":
    main()
