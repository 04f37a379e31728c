#!/usr/bin/env python3
"""Check the hand-written truth files against the built PDFs: each exception's deviation text must be
printed on the page the truth file names, and the counts of CUECs must match. Reports mismatches only."""
import glob
import json
import os
import re
import subprocess
import sys

OUT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "soc2"))


def pages(pdf):
    t = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    return [re.sub(r"\s+", " ", x) for x in t.split("\f")]


bad = 0
for tf in sorted(glob.glob(os.path.join(OUT, "*.truth.json"))):
    truth = json.load(open(tf))
    pdf = tf[: -len(".truth.json")]
    pg = pages(pdf)
    for ex in truth["exceptions"]:
        probe = " ".join(ex["deviation"].split()[:9])
        where = [i + 1 for i, t in enumerate(pg) if probe in t]
        if ex["page"] not in where or not (ex["control_id"] in pg[ex["page"] - 1]):
            bad += 1
            print(f"{os.path.basename(pdf)}: {ex['control_id']} expected page {ex['page']}, found {where}")
    n = sum(t.count("User entities are responsible") for t in pg)
    if n != truth["cuec_count"]:
        bad += 1
        print(f"{os.path.basename(pdf)}: cuec_count {truth['cuec_count']} but {n} printed")
print("ok" if not bad else f"{bad} problem(s)")
sys.exit(1 if bad else 0)
