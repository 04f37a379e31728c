"""Shared helpers for the socmisc corpus generator (stdlib only)."""
import html
import os
import subprocess
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.abspath(os.path.join(HERE, "..", ".."))


def esc(s):
    return html.escape(s, quote=False)


def p(*paras):
    return "".join("<p>%s</p>\n" % x for x in paras)


def ul(items, cls=""):
    c = ' class="%s"' % cls if cls else ""
    return "<ul%s>%s</ul>\n" % (c, "".join("<li>%s</li>" % i for i in items))


def ol(items):
    return "<ol>%s</ol>\n" % "".join("<li>%s</li>" % i for i in items)


def table(headers, rows, cls="grid", widths=None):
    out = ['<table class="%s">' % cls]
    if widths:
        out.append("<colgroup>%s</colgroup>" % "".join('<col style="width:%s">' % w for w in widths))
    out.append("<thead><tr>%s</tr></thead><tbody>" % "".join("<th>%s</th>" % h for h in headers))
    for r in rows:
        out.append("<tr>%s</tr>" % "".join("<td>%s</td>" % c for c in r))
    out.append("</tbody></table>\n")
    return "".join(out)


def page_break():
    return '<div class="pb"></div>\n'


def doc(css, body, title="Report"):
    return ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title>"
            "<style>%s</style></head><body>%s</body></html>" % (esc(title), css, body))


def _fix_dates(path, date):
    """Give the PDF a fixed creation/modification date (the document's own date) so rebuilds are stable."""
    import re
    data = open(path, "rb").read()
    stamp = ("D:%s090000+00'00'" % date).encode()
    data = re.sub(rb"/(CreationDate|ModDate) \(D:[0-9]{14}[^)]*\)", lambda m: b"/" + m.group(1) + b" (" + stamp + b")", data)
    open(path, "wb").write(data)


def render(html_text, out_pdf, date="20260101"):
    """Print HTML to PDF with headless Chromium."""
    os.makedirs(os.path.dirname(out_pdf), exist_ok=True)
    with tempfile.TemporaryDirectory() as td:
        src = os.path.join(td, "in.html")
        with open(src, "w", encoding="utf-8") as f:
            f.write(html_text)
        tmp_pdf = os.path.join(td, "out.pdf")
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu",
                        "--no-pdf-header-footer", "--user-data-dir=" + os.path.join(td, "prof"),
                        "--print-to-pdf=" + tmp_pdf, "file://" + src],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _fix_dates(tmp_pdf, date)
        subprocess.run(["qpdf", "--deterministic-id", tmp_pdf, out_pdf], check=True)
    print("built", os.path.relpath(out_pdf, CORPUS))


BASE_CSS = """
.pb { break-after: page; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
h1, h2, h3, h4 { break-after: avoid; }
p { orphans: 3; widows: 3; }
body { hyphens: auto; }
"""


def page_texts(pdf):
    out = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True, capture_output=True, text=True).stdout
    return out.split("\f")


def render_with_toc(make_html, out_pdf, markers, start_page=3, date="20260101"):
    """make_html(pages: dict marker->page or None) -> html. Renders twice so the TOC shows real page numbers."""
    pages = {m: "\u2014" for m in markers}
    render(make_html(pages), out_pdf, date)
    texts = page_texts(out_pdf)
    norm = lambda s: " ".join(s.replace("\u2019", "'").split())
    for m in markers:
        for i, t in enumerate(texts[start_page - 1:], start_page):
            if norm(m) in norm(t):
                pages[m] = str(i)
                break
    render(make_html(pages), out_pdf, date)
    return pages
