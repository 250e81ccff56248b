"""The Python baseline of the aggregate bench: per-pillar means of a Google Forms export, with the csv module.

Columns named `Pillar [Question]` are answers; the labels of the 5-point scale count 1 to 5, any other
cell (such as "Don't know / not applicable") is skipped. Prints one `pillar: mean` line a pillar; with CASH_TEST_BENCH_USAGE=FILE it also writes its CPU time and peak RSS there.
"""
import csv
import json
import os
import resource
import sys

LABELS = {"Strongly disagree": 1, "Disagree": 2, "Neither agree nor disagree": 3, "Agree": 4, "Strongly agree": 5}

with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = csv.reader(f)
    header = next(rows)
    pillar_of = {i: h.split(" [", 1)[0] for i, h in enumerate(header) if h.endswith("]") and " [" in h}
    sums = {p: 0 for p in pillar_of.values()}
    counts = {p: 0 for p in pillar_of.values()}
    for row in rows:
        for i, pillar in pillar_of.items():
            value = LABELS.get(row[i])
            if value is not None:
                sums[pillar] += value
                counts[pillar] += 1

for pillar, total in sums.items():
    print(f"{pillar}: {total / counts[pillar]:.3f}" if counts[pillar] else f"{pillar}: -")

if "CASH_TEST_BENCH_USAGE" in os.environ:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    with open(os.environ["CASH_TEST_BENCH_USAGE"], "w") as out:
        json.dump({"cpu": usage.ru_utime + usage.ru_stime, "rssKb": usage.ru_maxrss}, out)
