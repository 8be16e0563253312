#!/usr/bin/env python3
"""Writes two long reports that share thousands of reordered, reworded facts.

The left report is the first sentence of each MSRP pair, the right report the second
sentence of the same pairs; each side is shuffled on its own and set four sentences to a
paragraph. When the pairs run out before the requested size, the corpus is used again in a
new order. Without the MSRP file a synthetic pair of the same shape is written instead
(and the script says so on standard error).

The output goes to a directory of your choice (by default `target/large-pair/`), never
into the repository's tracked files:

    python3 scripts/make-large-pair.py --size 0.5M --seed 1 --out target/large-pair
    -> target/large-pair/left.txt, target/large-pair/right.txt, and pairs.tsv: the byte
       ranges (left start, end, right start, end) of the two sentences of each pair, and
       the pair's number in the corpus

Same arguments, same bytes. Standard library only.
"""

import argparse
import os
import random
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_MSRP = os.path.join("..", "shared", "data", "msrp", "msr_paraphrase_train.txt")
SENTENCES_PER_PARAGRAPH = 4


def parse_size(text):
    """'0.5M' -> 524288, '128K' -> 131072, '2000' -> 2000."""
    units = {"K": 1 << 10, "M": 1 << 20}
    text = text.strip().upper().removesuffix("B")
    if text and text[-1] in units:
        return int(float(text[:-1]) * units[text[-1]])
    return int(text)


def msrp_pairs(path):
    """(first sentence, second sentence) of every MSRP row."""
    pairs = []
    with open(path, encoding="utf-8-sig") as f:
        next(f)  # header
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) >= 5 and cols[3].strip() and cols[4].strip():
                pairs.append((cols[3].strip(), cols[4].strip()))
    return pairs


SYLLABLES = "ka lo mi ren tas vor pel dun sir ba ne tol gar fim ust ob".split()
NAMES = "Arlow Benmore Caddis Dorran Elvin Fenwick Garra Holm Istra Jessop".split()
VERBS = "said reported announced confirmed denied expected warned estimated".split()


def synthetic_pairs(rng, count):
    """Invented sentence pairs: the second rewords, reorders and sometimes changes a number."""
    words = sorted({rng.choice(SYLLABLES) + rng.choice(SYLLABLES) + rng.choice(SYLLABLES)
                    for _ in range(6000)})
    pairs = []
    for _ in range(count):
        n = rng.randint(8, 18)
        body = [rng.choice(words) for _ in range(n)]
        name = rng.choice(NAMES) + " " + rng.choice(NAMES)
        number = rng.randint(2, 5000)
        left = f"{name} {rng.choice(VERBS)} {number} {' '.join(body)}."
        right_body = [w if rng.random() > 0.2 else rng.choice(words) for w in body]
        cut = rng.randint(1, n - 1)
        right_body = right_body[cut:] + ["and"] + right_body[:cut]
        right_number = number if rng.random() > 0.1 else number + rng.randint(1, 9)
        right = f"{' '.join(right_body).capitalize()}, {name} {rng.choice(VERBS)}, {right_number}."
        pairs.append((left, right))
    return pairs


def choose(pairs, size, rng):
    """Pairs (their place in the corpus, and the pair) in a random order, the corpus
    reused in new orders, until the left side has `size` bytes."""
    chosen, total = [], 0
    while total < size:
        order = list(range(len(pairs)))
        rng.shuffle(order)
        for k in order:
            chosen.append((k, pairs[k]))
            total += len(pairs[k][0].encode()) + 1
            if total >= size:
                break
    return chosen


def layout(sentences):
    """Four sentences to a paragraph, paragraphs apart by a blank line; the text, and the
    byte range of each sentence in it."""
    out, spans, at = [], [], 0
    for k, sentence in enumerate(sentences):
        if k > 0:
            sep = "\n\n" if k % SENTENCES_PER_PARAGRAPH == 0 else " "
            out.append(sep)
            at += len(sep)
        size = len(sentence.encode())
        spans.append((at, at + size))
        out.append(sentence)
        at += size
    out.append("\n")
    return "".join(out), spans


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--msrp", default=DEFAULT_MSRP,
                    help="MSRP file (default: %(default)s, from the project root)")
    ap.add_argument("--size", default="0.5M", help="bytes a side: 0.5M, 128K (default %(default)s)")
    ap.add_argument("--seed", type=int, default=1, help="shuffle seed (default %(default)s)")
    ap.add_argument("--out", default=os.path.join("target", "large-pair"),
                    help="output directory (default %(default)s, from the project root)")
    args = ap.parse_args()

    rng = random.Random(args.seed)
    size = parse_size(args.size)
    msrp = os.path.join(ROOT, args.msrp)
    if os.path.isfile(msrp):
        pairs = msrp_pairs(msrp)
    else:
        print(f"make-large-pair: {args.msrp} not found; writing a synthetic pair instead",
              file=sys.stderr)
        pairs = synthetic_pairs(rng, 4000)
    chosen = choose(pairs, size, rng)
    # Each side in its own order; `order[k]` is the chosen pair at place k.
    orders = []
    for _ in range(2):
        order = list(range(len(chosen)))
        rng.shuffle(order)
        orders.append(order)

    out = os.path.join(ROOT, args.out)
    os.makedirs(out, exist_ok=True)
    spans = []
    for side, (name, order) in enumerate(zip(("left.txt", "right.txt"), orders)):
        text, side_spans = layout([chosen[k][1][side] for k in order])
        spans.append({k: span for k, span in zip(order, side_spans)})
        path = os.path.join(out, name)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        print(path)
    # Which sentences tell one fact: byte ranges of each chosen pair on the two sides, and
    # the pair's place in the corpus (a long pair uses the corpus more than once).
    with open(os.path.join(out, "pairs.tsv"), "w", encoding="utf-8") as f:
        for k, (corpus, _) in enumerate(chosen):
            (ls, le), (rs, re) = spans[0][k], spans[1][k]
            f.write(f"{ls}\t{le}\t{rs}\t{re}\t{corpus}\n")


if __name__ == "__main__":
    main()
