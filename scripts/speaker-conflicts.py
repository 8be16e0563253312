#!/usr/bin/env python3
"""Counts the speaker conflicts factdiff raises on the BASIL same-event pairs, and writes
each with the words around both speaker mentions, for judging by hand.

    python3 scripts/speaker-conflicts.py --basil ../shared/data/basil --out target/speakers.jsonl

BASIL has no gold alignment, so this is a count to watch and a list to read, not a score:
a speaker conflict there is most often one person under two names, or a quotation given
to the wrong person, and each one left deserves a look (see BENCHMARKS.md). The articles
are written as text (title, blank line, paragraphs) to `target/basil-text/` (or `--work`),
never into the tracked tree. Build first (`cargo build --release`); `--bin` picks another
binary. Standard library only.
"""

import argparse
import glob
import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor


def article_texts(basil, work):
    """The path of each article's text, by uuid, written once."""
    os.makedirs(work, exist_ok=True)
    paths = {}
    for f in glob.glob(os.path.join(basil, "articles", "*", "*.json")):
        with open(f, encoding="utf-8") as fh:
            a = json.load(fh)
        uuid = a.get("uuid") or os.path.basename(f)[:-5]
        path = os.path.join(work, uuid + ".txt")
        if not os.path.exists(path):
            body = "\n\n".join(" ".join(p) for p in a["body-paragraphs"])
            with open(path, "w", encoding="utf-8") as out:
                out.write(a["title"] + "\n\n" + body + "\n")
        paths[uuid] = path
    return paths


def context(path, span, reach=150):
    with open(path, "rb") as fh:
        text = fh.read()
    return text[max(0, span["start"] - reach) : span["end"] + reach].decode("utf-8", "replace")


def conflicts_of(binary, left, right):
    run = subprocess.run([binary, left, right, "--format", "json"], capture_output=True)
    if run.returncode not in (0, 1):
        raise SystemExit(f"factdiff failed on {left} {right}: {run.stderr.decode()[:200]}")
    report = json.loads(run.stdout)
    found = []
    for alignment in report["alignments"]:
        for sure, field in ((True, "conflicts"), (False, "possible_conflicts")):
            for c in alignment.get(field, []):
                if c["kind"] != "speaker":
                    continue
                found.append(
                    dict(
                        left=c["left"],
                        right=c["right"],
                        sure=sure,
                        confidence=c.get("confidence"),
                        left_context=context(left, c["left_span"]),
                        right_context=context(right, c["right_span"]),
                    )
                )
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--basil", required=True, help="the BASIL folder (with articles/ and basil_pairs.jsonl)")
    ap.add_argument("--bin", default="target/release/factdiff")
    ap.add_argument("--out", help="write one JSON line per conflict here")
    ap.add_argument("--work", default="target/basil-text")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    paths = article_texts(args.basil, args.work)
    with open(os.path.join(args.basil, "basil_pairs.jsonl"), encoding="utf-8") as fh:
        pairs = [json.loads(line) for line in fh]

    def one(pair):
        left, right = paths[pair["uuid_a"]], paths[pair["uuid_b"]]
        return [dict(c, pair=f"{pair['uuid_a']}|{pair['uuid_b']}") for c in conflicts_of(args.bin, left, right)]

    with ThreadPoolExecutor(args.jobs) as pool:
        found = [c for cs in pool.map(one, pairs) for c in cs]
    if args.out:
        with open(args.out, "w", encoding="utf-8") as out:
            for c in found:
                out.write(json.dumps(c) + "\n")
    sure = sum(c["sure"] for c in found)
    print(f"speaker_conflicts pairs={len(pairs)} sure={sure} possible={len(found) - sure}")


if __name__ == "__main__":
    sys.exit(main())
