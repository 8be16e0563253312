#!/usr/bin/env python3
"""Times factdiff, whole process, on the fixtures, on long generated pairs and on
pathological inputs, and prints Markdown tables (the ones in BENCHMARKS.md).

    python3 scripts/bench-large.py fixtures            # median wall time per fixture pair
    python3 scripts/bench-large.py growth              # 0.125 .. 2 MB a side, with git diff
    python3 scripts/bench-large.py pair --size 0.5M    # one size: time, memory, quality
    python3 scripts/bench-large.py pathological        # inputs built to hurt
    python3 scripts/bench-large.py pages               # 2 MB and 16 MB saved web pages, inspected
    python3 scripts/bench-large.py all

Build first (`cargo build --release`); `--bin` picks another binary. Wall times are the
median of `--runs` runs, measured by hyperfine when it is installed and by this script
otherwise; peak memory is the largest resident set of one run, read by GNU time
(`/usr/bin/time`, Debian's `time`) when it is installed and from `wait4` otherwise
(which then also counts what this script held when it started the run). Inputs go
to `target/bench/` (or `--work`), never into the tracked tree. Standard library only.
"""

import argparse
import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from bisect import bisect_right

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(ROOT, "scripts", "make-large-pair.py")
GROWTH_SIZES = ["0.125M", "0.25M", "0.5M", "1M", "2M"]


# GNU time (Debian's `time`), to read a run's peak memory.
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


def run_once(cmd):
    """Wall seconds, peak resident memory in MB (as `wait4` reports it) and exit status
    of one run."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        proc = subprocess.Popen(cmd, stdout=null, stderr=null)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def peak_memory(cmd):
    """Peak resident memory in MB and exit status of one run.

    From GNU time when it is installed. Otherwise it is the largest resident set `wait4`
    reports, which on Linux also counts the pages the child had from this script before
    it started the binary (a fork copies them): with this script holding a large report
    in memory, every run would show that much.
    """
    if not GNU_TIME:
        _, peak, status = run_once(cmd)
        return peak, status
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as out:
        with open(os.devnull, "wb") as null:
            proc = subprocess.run([GNU_TIME, "-f", "%M", "-o", out.name, *cmd],
                                  stdout=null, stderr=null, check=False)
        # GNU time writes "Command exited with non-zero status N" before the figure.
        return int(out.read().split()[-1]) / 1024, proc.returncode


def median_wall(cmd, runs, warmup=1):
    """Median wall seconds of `cmd` (by hyperfine if present)."""
    if shutil.which("hyperfine"):
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(
                ["hyperfine", "-N", "--style", "none", "-i", "--warmup", str(warmup),
                 "--runs", str(runs), "--export-json", out.name,
                 shlex.join(cmd)],
                check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            return json.load(open(out.name))["results"][0]["median"]
    for _ in range(warmup):
        run_once(cmd)
    return statistics.median(run_once(cmd)[0] for _ in range(runs))


def measure(cmd, runs):
    """(median wall seconds, peak MB, exit status)."""
    peak, status = peak_memory(cmd)
    return median_wall(cmd, runs), peak, status


def make_pair(size, seed, work, msrp):
    out = os.path.join(work, f"pair-{size}-{seed}")
    if not os.path.isfile(os.path.join(out, "pairs.tsv")):
        cmd = [sys.executable, GENERATOR, "--size", size, "--seed", str(seed), "--out", out]
        if msrp:
            cmd += ["--msrp", msrp]
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(out, "left.txt"), os.path.join(out, "right.txt")


def fixtures(args):
    print("| fixture pair | median wall | peak memory |")
    print("|---|---:|---:|")
    base = os.path.join(ROOT, "fixtures")
    for event in sorted(os.listdir(base)):
        files = sorted(os.path.join(base, event, f) for f in os.listdir(os.path.join(base, event)))
        wall, peak, _ = measure([args.bin, *files], args.runs)
        print(f"| {event} | {wall * 1000:.1f} ms | {peak:.0f} MB |")


def growth(args):
    print("| size a side | sentences a side | factdiff | x previous | peak memory "
          "| git diff --word-diff | factdiff / git |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    previous = None
    for size in args.sizes:
        left, right = make_pair(size, args.seed, args.work, args.msrp)
        wall, peak, _ = measure([args.bin, left, right, "--format", "json"], args.runs)
        git = median_wall(["git", "diff", "--no-index", "--word-diff", left, right], args.runs)
        sentences = count_sentences(left)
        ratio = f"{wall / previous:.2f}" if previous else "-"
        print(f"| {size}B | {sentences} | {wall:.3f} s | {ratio} | {peak:.0f} MB "
              f"| {git:.3f} s | {wall / git:.1f} |")
        previous = wall


def count_sentences(path):
    """Sentences the generator wrote (one per pair)."""
    with open(os.path.join(os.path.dirname(path), "pairs.tsv")) as f:
        return sum(1 for _ in f)


def pair(args):
    left, right = make_pair(args.size, args.seed, args.work, args.msrp)
    wall, peak, _ = measure([args.bin, left, right, "--format", "json"], args.runs)
    print(f"{args.size}B a side: median {wall:.3f} s, peak {peak:.0f} MB")
    out = subprocess.run([args.bin, left, right, "--format", "json"],
                         capture_output=True, check=False).stdout
    precision, recall, n = quality(json.loads(out), os.path.dirname(left))
    print(f"pairs found: precision {precision:.4f}, recall {recall:.4f} of {n} pairs")


def quality(report, pair_dir):
    """How well the alignments find the generator's pairs: the share of alignments that
    join the two sentences of one pair (or of another copy of it: long inputs reuse the
    corpus), and the share of pairs whose left sentence is so aligned."""
    docs = report["documents"]
    starts = [[s["start"] for s in d["sentences"]] for d in docs]
    # The corpus pairs each sentence of each side belongs to.
    ids = [[set() for _ in d["sentences"]] for d in docs]

    def sentences(side, start, end):
        first = max(bisect_right(starts[side], start) - 1, 0)
        last = bisect_right(starts[side], end - 1) - 1
        return range(first, last + 1)

    gold = []
    with open(os.path.join(pair_dir, "pairs.tsv")) as f:
        for line in f:
            ls, le, rs, re, corpus = map(int, line.split())
            for side, (start, end) in enumerate(((ls, le), (rs, re))):
                for s in sentences(side, start, end):
                    ids[side][s].add(corpus)
            gold.append((corpus, sentences(0, ls, le)))
    found = set()  # (left sentence, corpus pair) aligned with a right sentence of the pair
    correct = 0
    for a in report["alignments"]:
        left = set().union(*(ids[0][i] for i in a["left"]))
        right = set().union(*(ids[1][j] for j in a["right"]))
        shared = left & right
        correct += bool(shared)
        found |= {(i, c) for i in a["left"] for c in shared}
    recall = sum(any((i, c) in found for i in left) for c, left in gold)
    return correct / max(len(report["alignments"]), 1), recall / max(len(gold), 1), len(gold)


def pathological(args):
    """Inputs built to hurt: each must finish fast, whatever it means."""
    work = os.path.join(args.work, "pathological")
    os.makedirs(work, exist_ok=True)
    words = "harbour council bridge engineer ferry storm rescue crew inspection tide".split()

    def write(name, text):
        path = os.path.join(work, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def line(n_bytes):
        out, k, size = [], 0, 0
        while size < n_bytes:
            out.append(words[k % len(words)] + str(k % 997))
            size += len(out[-1]) + 1
            k += 1
        return " ".join(out)

    left, right = make_pair("0.5M", args.seed, args.work, args.msrp)
    cases = [
        ("a 5 MB line without punctuation", [write("line.txt", line(5 << 20) + "\n")] * 2),
        ("100,000 quote marks", [write("quotes.txt", " ".join(
            f'"{words[k % 10]} {k}' for k in range(100_000)) + "\n"),
            write("quotes2.txt", 'He said "' * 50_000 + "\n")]),
        ("50,000 one-word sentences", [write("one-word.txt", "\n".join(
            f"{words[k % 10].capitalize()}{k % 50}." for k in range(50_000)) + "\n")] * 2),
        ("a 0.5 MB report compared with itself", [left, left]),
    ]
    print("| input | size a side | median wall | peak memory |")
    print("|---|---:|---:|---:|")
    for name, (a, b) in cases:
        wall, peak, status = measure([args.bin, a, b, "--format", "json", "--max-size", "64M"],
                                     args.runs)
        assert status in (0, 1), f"{name}: exit status {status}"
        size = max(os.path.getsize(a), os.path.getsize(b)) / (1 << 20)
        print(f"| {name} | {size:.2f} MB | {wall:.3f} s | {peak:.0f} MB |")
    print()
    grown(args, work, left)


def grown(args, work, report):
    """Shapes whose cost once grew with the square of the input, each at two sizes (the
    second four times the first) with the ratio of their times: near 4 is linear."""
    def write(name, text):
        path = os.path.join(work, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def repeat(line, n_bytes):
        return line * max(n_bytes // len(line.encode()), 1)

    said = '"The harbour bridge will reopen on Monday after the storm damage," Ann Lee said.\n'
    reworded = '"The harbour bridge reopens Monday once the storm damage is repaired," Lee said.\n'
    words = "Harbour Council Bridge Engineer Ferry Storm Rescue Crew Inspection Tide".split()

    def nested(n_bytes):
        # Quotations inside quotations, ten deep, each level a few words of its own.
        out, size, k = [], 0, 0
        while size < n_bytes:
            line = "".join(f'{words[(k + d) % 10].lower()} {k} said "' for d in range(10))
            line = "He said " + line + "yes" + '"' * 10 + ".\n"
            out.append(line)
            size += len(line)
            k += 1
        return "".join(out)

    def capitalised(n_bytes):
        # A thousand made-up capitalised words in a scrambled order: one name run of
        # thousands of words in each 16 KB sentence.
        syllables = "ka lo mi ne ru sa te vo bi da".split()
        names = [(a + b + c).capitalize() for a in syllables for b in syllables for c in syllables]
        out, size, k = [], 0, 0
        while size < n_bytes:
            out.append(names[k * 7919 % len(names)])
            size += len(out[-1]) + 1
            k += 1
        return " ".join(out) + "\n"

    def long_report(n_bytes):
        # The generated long report, repeated to the size and cut at the line before it.
        text = open(report, encoding="utf-8").read()
        text = (text * (n_bytes // len(text.encode()) + 1)).encode()[:n_bytes]
        return text[:text.rindex(b"\n") + 1].decode()

    short = os.path.join(ROOT, "fixtures", "footbridge", "harbour-gazette.txt")
    shapes = [
        ("one quotation repeated, against a reworded copy",
         lambda n: [write(f"said-{n}.txt", repeat(said, n)),
                    write(f"reworded-{n}.txt", repeat(reworded, n))],
         ["--format", "json"], 256 << 10),
        ("nested quotations, compared with itself",
         lambda n: [write(f"nested-{n}.txt", nested(n))] * 2, ["--format", "json"], 256 << 10),
        ("capitalised words without punctuation, inspected",
         lambda n: ["inspect", write(f"capitalised-{n}.txt", capitalised(n))], [], 256 << 10),
    ]
    for fmt in ("json", "review", "summary"):
        shapes.append((f"a long report against a short one, {fmt}",
                       lambda n: [write(f"long-{n}.txt", long_report(n)), short],
                       ["--format", fmt], 4 << 20))
    print("| input | size a side | median wall | processor time | peak memory "
          "| x wall | x processor | x memory |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, files, flags, first in shapes:
        previous = None
        for n in (first, 4 * first):
            paths = files(n)
            cmd = [args.bin, *paths, *flags, "--max-size", "64M"]
            wall = median_wall(cmd, max(args.runs // 3, 1))
            cpu, peak, status = cpu_and_peak(cmd)
            assert status in (0, 1), f"{name}: exit status {status}"
            size = max(os.path.getsize(p) for p in paths if os.path.isfile(p)) / (1 << 20)
            figures = (wall, cpu, peak)
            ratios = (" | ".join(f"{a / b:.1f}" for a, b in zip(figures, previous))
                      if previous else "- | - | -")
            print(f"| {name} | {size:.2f} MB | {wall:.3f} s | {cpu:.2f} s | {peak:.0f} MB "
                  f"| {ratios} |")
            previous = figures


def cpu_and_peak(cmd):
    """Processor seconds (user and system, both threads) and peak resident MB of the
    fastest of three runs by GNU time, and the exit status: on a busy machine processor
    time says more about how the work grows than wall time does. Without GNU time, the
    wall time of one run stands in for it."""
    if not GNU_TIME:
        wall, peak, status = run_once(cmd)
        return wall, peak, status
    best = None
    for _ in range(3):
        with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
            with open(os.devnull, "wb") as null:
                proc = subprocess.run([GNU_TIME, "-f", "%U %S %M", "-o", out.name, *cmd],
                                      stdout=null, stderr=null, check=False)
            user, system, peak = out.read().split()[-3:]
        run = (float(user) + float(system), int(peak) / 1024, proc.returncode)
        best = run if best is None or run[0] < best[0] else best
    return best


PAGE_FIXTURE = os.path.join("fixtures", "tram-depot", "lowmoor-standard.html")
PAGE_BYTES = 2 * 1024 * 1024
NESTED_BYTES = 16_000_000


def big_page(kind):
    """A 2 MB page built from the Lowmoor Standard fixture page, as the `read_page` divan
    benchmark (`benches/stages.rs`) builds it: the article inside 2 MB of what modern pages
    are made of (`furniture`: an inline state script, then teasers with icon graphics), or
    the page with its article's own paragraphs repeated inside the article to 2 MB
    (`paragraphs`). Bytes, so that
    the sizes are those of the Rust benchmark."""
    with open(os.path.join(ROOT, PAGE_FIXTURE), "rb") as f:
        page = f.read()
    body = page.index(b"<body")
    head, rest = page[:body], page[body:]
    out = bytearray(head)
    if kind == "furniture":
        state = (b'{"id":4471,"kind":"teaser","title":"Council to vote on harbour plan",'
                 b'"url":"/news/4471","tags":["news","harbour"],"html":"<p>teaser</p>"},')
        teaser = (b'<li class="teaser"><a href="/news/4471"><svg viewBox="0 0 24 24">'
                  b'<path d="M12 2L2 7l10 5 10-5-10-5z"/></svg>'
                  b'<span>Council to vote on harbour plan</span></a></li>\n')
        out += b"<script>window.__STATE__=["
        while len(out) < PAGE_BYTES // 2:
            out += state
        out += b"{}];</script>\n"
        out += rest[:rest.index(b"</body>")]
        out += b'<aside class="most-read"><ul>'
        while len(out) < PAGE_BYTES:
            out += teaser
        out += b"</ul></aside></body></html>\n"
    else:
        block = article_paragraphs(rest)
        end = rest.index(b"</article>")
        out += rest[:end]
        while len(out) < PAGE_BYTES:
            out += block
        out += rest[end:]
    return bytes(out)


def article_paragraphs(page):
    """The article's own paragraphs, each `<p ...>` to its `</p>`, joined: those inside a
    box of the article (a newsletter form, an ad slot) are left out."""
    region = page[page.index(b"<article"):page.index(b"</article>")]
    out, at = bytearray(), 0
    while True:
        starts = [i for i in (region.find(b"<p>", at), region.find(b"<p ", at)) if i >= 0]
        if not starts:
            break
        start = min(starts)
        end = region.find(b"</p>", start)
        if end < 0:
            break
        end += 4
        chunk = region[start:end]
        if not any(tag in chunk for tag in (b"<div", b"<aside", b"<form", b"<figure")):
            out += chunk + b"\n"
        at = end
    return bytes(out)


def pages(args):
    """Saved web pages, inspected: 2 MB pages (the issue's target: read in under 50 ms) and
    16 MB of nested elements (a one-line error or a reading, never a crash); then the
    furniture page compared with the other fixture page."""
    work = os.path.join(args.work, "pages")
    os.makedirs(work, exist_ok=True)

    def write(name, data):
        path = os.path.join(work, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    sentence = b"<p>Deep in the page a dam broke on Monday.</p>"
    prefix = b"<html><body>"
    inputs = [
        ("furniture", write("furniture.html", big_page("furniture"))),
        ("paragraphs", write("paragraphs.html", big_page("paragraphs"))),
        ("nested", write("nested.html", b"<div>" * (NESTED_BYTES // 5))),
        ("nested-text", write("nested-text.html", prefix + b"<div>" * (
            (NESTED_BYTES - len(prefix) - len(sentence)) // 5) + sentence)),
    ]
    print("| input | size | sentences read | exit status | median wall | peak memory |")
    print("|---|---:|---:|---:|---:|---:|")
    errors = []
    for name, path in inputs:
        cmd = [args.bin, "inspect", path, "--format", "json"]
        wall, peak, status = measure(cmd, args.runs)
        run = subprocess.run(cmd, capture_output=True, check=False)
        if name == "nested":
            lines = run.stderr.decode(errors="replace").splitlines()
            assert status == 2 and run.returncode == 2, f"{name}: exit status {status}"
            assert len(lines) == 1, f"{name}: {len(lines)} lines on standard error"
            errors.append(f"{name}: {lines[0]}")
            sentences = "-"
        else:
            assert status == 0 and run.returncode == 0, f"{name}: exit status {status}"
            sentences = len(json.loads(run.stdout)["document"]["sentences"])
            if name == "nested-text":
                assert sentences == 1, f"{name}: {sentences} sentences read, not one"
        size = os.path.getsize(path) / (1 << 20)
        print(f"| {name} | {size:.2f} MB | {sentences} | {status} | {wall * 1000:.1f} ms "
              f"| {peak:.0f} MB |")
    other = os.path.join(ROOT, "fixtures", "tram-depot", "riverside-live.html")
    cmd = [args.bin, inputs[0][1], other, "--format", "json"]
    wall, peak, status = measure(cmd, args.runs)
    assert status in (0, 1), f"furniture against riverside-live: exit status {status}"
    print(f"| furniture against riverside-live.html, compared | 2.00 MB and "
          f"{os.path.getsize(other) / (1 << 20):.2f} MB | - | {status} | {wall * 1000:.1f} ms "
          f"| {peak:.0f} MB |")
    for line in errors:
        print(f"\n{line}")


def load_average():
    """The one-minute load average, to note beside the figures (other work skews them)."""
    try:
        return f"{os.getloadavg()[0]:.1f}"
    except OSError:
        return "unknown"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("what", choices=["fixtures", "growth", "pair", "pathological", "pages",
                                     "all"])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "factdiff"))
    ap.add_argument("--runs", type=int, default=10, help="timed runs (default %(default)s)")
    ap.add_argument("--size", default="0.5M", help="size a side for `pair`")
    ap.add_argument("--sizes", nargs="+", default=GROWTH_SIZES, help="sizes for `growth`")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--msrp", help="MSRP file, passed on to make-large-pair.py")
    ap.add_argument("--work", default=os.path.join(ROOT, "target", "bench"),
                    help="where generated inputs go (default %(default)s)")
    args = ap.parse_args()
    if not os.access(args.bin, os.X_OK):
        sys.exit(f"bench-large: {args.bin} not found; run `cargo build --release` first")
    os.makedirs(args.work, exist_ok=True)
    steps = {"fixtures": [fixtures], "growth": [growth], "pair": [pair],
             "pathological": [pathological], "pages": [pages],
             "all": [fixtures, pair, growth, pathological, pages]}
    for step in steps[args.what]:
        before = load_average()
        step(args)
        print(f"\n(load average {before} before, {load_average()} after)\n")


if __name__ == "__main__":
    main()
