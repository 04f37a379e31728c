#!/usr/bin/env python3
"""Build the SOC 2 Type II corpus PDFs: python3 build.py [report-key ...]"""
import html
import json
import os
import re
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import render  # noqa: E402
import styles  # noqa: E402
from reports import REPORTS  # noqa: E402

OUT = os.path.normpath(os.path.join(HERE, "..", "..", "soc2"))
CHROMIUM = os.environ.get("CHROMIUM", "chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
         "--disable-extensions", "--font-render-hinting=none"]


def chromium(args):
    r = subprocess.run([CHROMIUM] + FLAGS + args, capture_output=True, text=True, timeout=300)
    return r.stdout


def resolve_ids(p):
    """Replace {id:key} tokens with the control number assigned to that control."""
    ids = {c["key"]: c["id"] for c in p["_controls"]}

    def sub(s):
        return re.sub(r"\{id:([a-z_0-9]+)\}", lambda m: ids[m.group(1)], s)
    for k in ("basis",):
        if k in p:
            p[k] = [sub(x) for x in p[k]]
    if "assert_except" in p:
        p["assert_except"] = sub(p["assert_except"])
    for ex in p["exceptions"].values():
        ex["result"] = [sub(x) for x in ex["result"]]
        if "s5" in ex:
            ex["s5"] = sub(ex["s5"])


def page_texts(pdf):
    t = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True).stdout
    return t.split("\f")


def fold(s):
    return re.sub(r"\s+", " ", s.replace("\u00ad", "")).strip()


def find_toc_pages(p, pdf):
    pages = [re.sub(r"\s+", "", fold(x).lower()) for x in page_texts(pdf)]
    res = {}
    start = 2 if p.get("toc", True) else 1
    for lab, title, marker in p["_toc"]:
        t = fold(html.unescape(re.sub("<[^>]+>", "", title)))
        l = fold(html.unescape(lab))
        cands = [re.sub(r"\s+", "", c.lower()) for c in ([f"{l} – {t}", f"{l} {t}"] if l else [t])]
        for i in range(start, len(pages)):
            if any(c in pages[i] for c in cands):
                res[marker] = i + 1
                start = i
                break
    return res


def build(p, work):
    css = styles.css(p)
    mhtml, rows = render.measure_html(p, css)
    resolve_ids(p)
    mhtml, rows = render.measure_html(p, css)  # rebuilt with resolved ids
    mpath = os.path.join(work, p["key"] + "-measure.html")
    open(mpath, "w").write(mhtml)
    cw, ch = render.geometry(p)
    dom = chromium(["--window-size=%d,2000" % (int(cw) + 40), "--dump-dom", "file://" + mpath])
    m = re.search(r'data-heights="([^"]*)"', dom)
    heights = json.loads(html.unescape(m.group(1)))
    pages = render.paginate(p, rows, heights)
    hpath = os.path.join(work, p["key"] + ".html")
    pdf = os.path.join(OUT, p["slug"] + ".pdf")
    toc_pages = {}
    for _ in range(2):
        open(hpath, "w").write(render.document_html(p, css, pages, toc_pages))
        chromium(["--no-pdf-header-footer", "--print-to-pdf=" + pdf, "file://" + hpath])
        if not p.get("toc", True):
            break
        toc_pages = find_toc_pages(p, pdf)
    tmp = os.path.join(work, p["key"] + "-raw.pdf")
    os.replace(pdf, tmp)
    subprocess.run(["qpdf", "--object-streams=generate", "--recompress-flate", "--compression-level=9", tmp, pdf], check=True)
    n = len(page_texts(pdf)) - 1
    print(f"{p['slug']}.pdf: {n} pages, {len(p['_controls'])} controls, {len(rows)} table rows")


def main():
    want = sys.argv[1:]
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        for p in REPORTS:
            if want and p["key"] not in want:
                continue
            build(p, work)


if __name__ == "__main__":
    main()
