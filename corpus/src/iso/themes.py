"""HTML/CSS layouts for the invented certificates.

Each theme turns a certificate description (a dict, see certs.py) into one HTML document whose
pages are fixed-size sheets, printed by headless Chromium.  Only the Python standard library is used.
"""
import html

E = html.escape


def _lines(items, sep="<br>"):
    return sep.join(E(x) for x in items)


def mark_html(c):
    m = c.get("mark")
    if not m:
        return ""
    if m == "logo":
        # logo image only: no readable text anywhere in the mark
        return '<div class="mark logo"><img src="accr-logo.png" alt="" width="96" height="96"></div>'
    rows = "".join(f'<div class="m{i}">{E(t)}</div>' for i, t in enumerate(m))
    return f'<div class="mark box"><div class="tick"></div>{rows}</div>'


def details_pairs(c, cols=2):
    """label/value pairs side by side: `cols` pairs per table row"""
    d = c["details"]
    out = []
    for i in range(0, len(d), cols):
        cells = ""
        for lab, val in d[i:i + cols]:
            cells += f'<td class="lab">{E(lab)}</td><td class="val">{E(val)}</td>'
        out.append(f"<tr>{cells}</tr>")
    return '<table class="details">' + "".join(out) + "</table>"


def details_columns(c):
    """label above value, laid out in columns"""
    cells = "".join(
        f'<div class="dc"><div class="lab">{E(l)}</div><div class="val">{E(v)}</div></div>' for l, v in c["details"])
    return f'<div class="dcols">{cells}</div>'


def details_stacked(c):
    return "".join(
        f'<div class="ds"><div class="lab">{E(l)}</div><div class="val">{E(v)}</div></div>' for l, v in c["details"])


def standards_html(c):
    out = []
    for code, desc in c["standards"]:
        d = f'<div class="stddesc">{E(desc)}</div>' if desc else ""
        out.append(f'<div class="std">{E(code)}</div>{d}')
    return "".join(out)


def annex_html(c):
    a = c.get("annex")
    if not a:
        return ""
    # align="center": cells centred under their headers (a layout real multi-site annexes use)
    style = ' style="text-align: center; vertical-align: middle"' if a.get("align") == "center" else ""
    head = "".join(f"<th{style}>{E(h)}</th>" for h in a["headers"])
    body = ""
    for row in a["rows"]:
        body += "<tr>" + "".join(f"<td{style}>{'<br>'.join(E(p) for p in cell.split(chr(10)))}</td>" for cell in row) + "</tr>"
    intro = f'<p class="annexintro">{E(a["intro"])}</p>' if a.get("intro") else ""
    return (f'<h2 class="annextitle">{E(a["title"])}</h2>{intro}'
            f'<table class="annex"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
            + (f'<p class="annexnote">{E(a["note"])}</p>' if a.get("note") else ""))


def soa_html(c):
    return f'<p class="soa">{E(c["soa_line"])}</p>' if c.get("soa_line") else ""


def sig_html(c):
    s = c.get("signature")
    if not s:
        return ""
    return (f'<div class="sig"><div class="scrawl">{E(s[2])}</div><div class="sigline"></div>'
            f'<div class="signame">{E(s[0])}</div><div class="sigrole">{E(s[1])}</div></div>')


def footer_html(c, page, pages):
    pg = c.get("page_label", "Page {p} of {n}").format(p=page, n=pages)
    extra = f'<div class="fextra">{E(c["cb_extra"])}</div>' if c.get("cb_extra") else ""
    return (f'<div class="footer"><div class="cbname">{E(c["cb_name"])}</div>'
            f'<div class="cbaddr">{_lines(c["cb_addr"], " · ")}</div>{extra}'
            f'<div class="pg">{E(pg)}</div></div>')


def envelope_html(c):
    return f'<div class="envelope">{E(c["envelope"])}</div>' if c.get("envelope") else ""


BASE_CSS = """
@page { size: %(size)s; margin: 0; }
html, body { margin: 0; padding: 0; }
body { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.page { width: %(w)s; height: %(h)s; box-sizing: border-box; position: relative; overflow: hidden;
        page-break-after: always; break-after: page; }
.page:last-child { page-break-after: auto; break-after: auto; }
.envelope { position: absolute; top: 4mm; left: 8mm; font: 7.5pt 'Liberation Sans', sans-serif; color: #333; }
.mark.box { border: 1.6px solid #111; width: 34mm; padding: 2mm 1.5mm; text-align: center;
            font-family: 'Liberation Sans', sans-serif; line-height: 1.15; background: #fff; }
.mark.box .m0 { font-weight: bold; font-size: 15pt; letter-spacing: 1px; }
.mark.box div { font-size: 6.5pt; }
.mark.box .tick { width: 8mm; height: 3.5mm; margin: 0 auto 2.8mm; border-left: 2.5px solid #111;
                  border-bottom: 2.5px solid #111; transform: rotate(-45deg); }
.mark.logo img { display: block; }
table.details td.val, table.details td.lab, .dc .val { white-space: nowrap; }
table.annex { border-collapse: collapse; width: 100%%; font-size: 9pt; }
table.annex th, table.annex td { border: 1px solid #777; padding: 2mm; vertical-align: top; text-align: left; }
"""

SIZES = {"A4": ("A4", "210mm", "297mm"), "Letter": ("Letter", "215.9mm", "279.4mm")}


def doc(c, css, pages):
    size, w, h = SIZES[c.get("size", "A4")]
    lang = c.get("lang", "en")
    body = "".join(f'<div class="page">{p}</div>' for p in pages)
    return (f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{E(c["html_title"])}</title>'
            f'<style>{BASE_CSS % {"size": size, "w": w, "h": h}}{css}</style></head><body>{body}</body></html>')


# ---------------------------------------------------------------- classic: serif, double frame, centred
CLASSIC = """
body { font-family: 'Liberation Serif', serif; color: #1d1d1d; }
.frame { position: absolute; inset: 11mm; border: 4px double %(col)s; padding: 12mm 16mm 8mm;
         display: flex; flex-direction: column; }
.cbhead { text-align: center; font: bold 11pt 'Liberation Sans', sans-serif; letter-spacing: 3px; color: %(col)s; }
h1 { text-align: center; font-size: 46pt; letter-spacing: 12px; color: %(col)s; margin: 7mm 0 0; font-weight: normal; }
.subtitle { text-align: center; font-size: 14pt; font-style: italic; margin-top: 1mm; }
.intro { text-align: center; margin-top: 9mm; font-size: 12pt; }
.org { text-align: center; font-size: 22pt; font-weight: bold; margin-top: 3mm; }
.addr { text-align: center; font-size: 11pt; margin-top: 1.5mm; line-height: 1.35; }
.conform { text-align: center; margin-top: 8mm; font-size: 12pt; }
.std { text-align: center; font-size: 20pt; font-weight: bold; margin-top: 2mm; color: %(col)s; }
.stddesc { text-align: center; font-size: 10pt; font-style: italic; }
.scopelab { text-align: center; margin-top: 7mm; font-size: 11pt; font-variant: small-caps; letter-spacing: 1px; }
.scope { text-align: center; font-size: 11.5pt; line-height: 1.4; margin: 1.5mm 6mm 0; }
.soa { text-align: center; font-size: 10pt; margin-top: 3mm; }
.grow { flex: 1; }
table.details { border-collapse: collapse; font-size: 10pt; margin: 0 auto 4mm; }
table.details td { padding: 1mm 2.5mm; }
table.details td.lab { font-weight: bold; text-align: right; }
.bottom { display: flex; align-items: flex-end; justify-content: space-between; }
.sig { width: 60mm; font-size: 9pt; }
.scrawl { font: italic 17pt 'DejaVu Serif', serif; color: #234; transform: rotate(-4deg); }
.sigline { border-top: 1px solid #333; margin-top: 1mm; }
.footer { margin-top: 5mm; border-top: 1px solid %(col)s; padding-top: 2mm; text-align: center; font-size: 8pt; line-height: 1.35; }
.cbname { font-weight: bold; font-size: 9pt; }
.fextra { font-size: 7pt; color: #444; margin-top: 1mm; }
.pg { font-size: 7pt; margin-top: 1mm; color: #555; }
h2.annextitle { text-align: center; font-size: 16pt; color: %(col)s; margin: 4mm 0 2mm; }
.annexintro { text-align: center; font-size: 10pt; }
"""


def classic(c):
    col = c.get("colour", "#1b3a6b")
    n = 2 if c.get("annex") else 1
    p1 = (f'{envelope_html(c)}<div class="frame"><div class="cbhead">{E(c["cb_head"])}</div>'
          f'<h1>{E(c["title"])}</h1><div class="subtitle">{E(c.get("subtitle", ""))}</div>'
          f'<div class="intro">{E(c["intro"])}</div><div class="org">{E(c["org"])}</div>'
          f'<div class="addr">{_lines(c["address"])}</div><div class="conform">{E(c["conform"])}</div>'
          f'{standards_html(c)}<div class="scopelab">{E(c["scope_label"])}</div>'
          f'<div class="scope">{E(c["scope"])}</div>{soa_html(c)}<div class="grow"></div>'
          f'{details_pairs(c, c.get("pair_cols", 2))}<div class="bottom">{sig_html(c)}{mark_html(c)}</div>'
          f'{footer_html(c, 1, n)}</div>')
    pages = [p1]
    if n == 2:
        pages.append(f'<div class="frame"><div class="cbhead">{E(c["cb_head"])}</div>{annex_html(c)}'
                     f'<div class="grow"></div>{footer_html(c, 2, 2)}</div>')
    return doc(c, CLASSIC % {"col": col}, pages)


# ---------------------------------------------------------------- band: sans, coloured band on the left
BAND = """
body { font-family: 'DejaVu Sans', sans-serif; color: #222; }
.envelope { left: 30mm; }
.dc { display: flex; flex-direction: column; justify-content: space-between; }
.band { position: absolute; left: 0; top: 0; bottom: 0; width: 16mm; background: %(col)s; }
.band2 { position: absolute; left: 16mm; top: 0; bottom: 0; width: 2.5mm; background: %(col2)s; }
.inner { position: absolute; left: 30mm; right: 16mm; top: 16mm; bottom: 12mm; display: flex; flex-direction: column; }
.cbhead { font-size: 9pt; letter-spacing: 2px; text-transform: uppercase; color: %(col)s; font-weight: bold; }
h1 { font-size: 40pt; margin: 5mm 0 0; color: %(col)s; letter-spacing: 2px; }
.subtitle { font-size: 12pt; color: #555; margin-bottom: 8mm; }
.intro { font-size: 10pt; color: #555; }
.org { font-size: 20pt; font-weight: bold; margin-top: 2mm; }
.addr { font-size: 10pt; line-height: 1.4; margin-top: 1mm; }
.conform { margin-top: 7mm; font-size: 10.5pt; }
.std { font-size: 17pt; font-weight: bold; color: %(col)s; margin-top: 2mm; }
.stddesc { font-size: 9pt; color: #555; }
.scopelab { margin-top: 6mm; font-size: 9pt; font-weight: bold; text-transform: uppercase; letter-spacing: 1px; color: %(col)s; }
.scope { font-size: 10pt; line-height: 1.45; margin-top: 1mm; hyphens: auto; text-align: justify; }
.soa { font-size: 9pt; margin-top: 2.5mm; color: #333; }
.grow { flex: 1; }
.dcols { display: grid; grid-template-columns: repeat(%(ncol)s, 1fr); gap: 4mm 6mm; border-top: 1px solid #bbb;
         border-bottom: 1px solid #bbb; padding: 3mm 0; margin-bottom: 5mm; }
.dc .lab { font-size: 7.5pt; text-transform: uppercase; color: #666; letter-spacing: 0.5px; }
.dc .val { font-size: 10.5pt; font-weight: bold; margin-top: 0.8mm; }
.bottom { display: flex; align-items: flex-end; justify-content: space-between; }
.sig { width: 62mm; font-size: 8.5pt; }
.scrawl { font: italic 16pt 'Liberation Serif', serif; color: #1a2b5a; }
.sigline { border-top: 1px solid #444; }
.footer { margin-top: 5mm; font-size: 7.5pt; color: #444; line-height: 1.4; }
.cbname { font-weight: bold; font-size: 8.5pt; color: #222; }
.pg { text-align: right; }
h2.annextitle { font-size: 16pt; color: %(col)s; margin: 6mm 0 2mm; }
.annexintro { font-size: 9.5pt; }
table.annex th { background: %(col)s; color: #fff; }
table.annex tr:nth-child(even) td { background: #f1f4f8; }
.annexnote { font-size: 8.5pt; color: #444; }
"""


def band(c):
    col = c.get("colour", "#0d5c63")
    n = 2 if c.get("annex") else 1
    css = BAND % {"col": col, "col2": c.get("colour2", "#d9a43b"), "ncol": c.get("ncol", 4)}
    p1 = (f'{envelope_html(c)}<div class="band"></div><div class="band2"></div><div class="inner">'
          f'<div class="cbhead">{E(c["cb_head"])}</div><h1>{E(c["title"])}</h1>'
          f'<div class="subtitle">{E(c.get("subtitle", ""))}</div>'
          f'<div class="intro">{E(c["intro"])}</div><div class="org">{E(c["org"])}</div>'
          f'<div class="addr">{_lines(c["address"])}</div><div class="conform">{E(c["conform"])}</div>'
          f'{standards_html(c)}<div class="scopelab">{E(c["scope_label"])}</div>'
          f'<div class="scope">{E(c["scope"])}</div>{soa_html(c)}<div class="grow"></div>'
          f'{details_columns(c)}<div class="bottom">{sig_html(c)}{mark_html(c)}</div>'
          f'{footer_html(c, 1, n)}</div>')
    pages = [p1]
    if n == 2:
        pages.append(f'<div class="band"></div><div class="band2"></div><div class="inner">'
                     f'<div class="cbhead">{E(c["cb_head"])}</div>{annex_html(c)}<div class="grow"></div>'
                     f'{footer_html(c, 2, 2)}</div>')
    return doc(c, css, pages)


# ---------------------------------------------------------------- guilloche: patterned border, serif
GUILLOCHE = """
body { font-family: 'DejaVu Serif', serif; color: #222; }
.outer { position: absolute; inset: 8mm; padding: 6mm;
         background: repeating-linear-gradient(45deg, %(col)s 0 1px, transparent 1px 5px),
                     repeating-linear-gradient(-45deg, %(col2)s 0 1px, #fbf8ef 1px 5px); }
.frame { position: absolute; inset: 6mm; background: #fffdf7; border: 1px solid %(col)s; padding: 10mm 14mm 7mm;
         display: flex; flex-direction: column; }
.cbhead { text-align: center; font-size: 10pt; font-variant: small-caps; letter-spacing: 2px; }
h1 { text-align: center; font: bold 38pt 'Liberation Serif', serif; letter-spacing: 8px; color: %(col)s; margin: 5mm 0 0; }
.subtitle { text-align: center; font-size: 11pt; }
.intro { text-align: center; margin-top: 8mm; font-size: 10.5pt; font-style: italic; }
.org { text-align: center; font-size: 19pt; font-weight: bold; margin-top: 2mm; }
.addr { text-align: center; font-size: 9.5pt; line-height: 1.35; }
.conform { text-align: center; margin-top: 6mm; font-size: 10.5pt; font-style: italic; }
.std { text-align: center; font-size: 17pt; font-weight: bold; margin-top: 1.5mm; }
.stddesc { text-align: center; font-size: 9pt; }
.scopelab { text-align: center; margin-top: 6mm; font-size: 10pt; font-weight: bold; }
.scope { font-size: 10pt; line-height: 1.45; text-align: justify; hyphens: auto; margin: 1.5mm 4mm 0; }
.soa { font-size: 9pt; text-align: center; margin-top: 3mm; }
.grow { flex: 1; }
table.details { border-collapse: collapse; font-size: 9.5pt; margin: 0 auto 3mm; }
table.details td { padding: 0.9mm 2mm; border-bottom: 1px dotted #999; }
table.details td.lab { font-style: italic; }
table.details td.val { font-weight: bold; padding-right: 7mm; }
.bottom { display: flex; align-items: flex-end; justify-content: space-between; }
.sig { width: 58mm; font-size: 8.5pt; }
.scrawl { font: italic 15pt 'Liberation Serif', serif; color: #203060; }
.sigline { border-top: 1px solid #333; }
.footer { margin-top: 4mm; text-align: center; font-size: 7.5pt; line-height: 1.35; }
.cbname { font-weight: bold; font-size: 8.5pt; }
.fextra { font-size: 6.8pt; color: #555; }
.pg { font-size: 7pt; color: #555; }
h2.annextitle { text-align: center; font-size: 15pt; margin: 3mm 0 2mm; color: %(col)s; }
.annexintro { text-align: center; font-size: 9.5pt; }
"""


def guilloche(c):
    col = c.get("colour", "#6b4e16")
    n = 2 if c.get("annex") else 1
    css = GUILLOCHE % {"col": col, "col2": c.get("colour2", "#9db3a0")}
    p1 = (f'{envelope_html(c)}<div class="outer"><div class="frame"><div class="cbhead">{E(c["cb_head"])}</div>'
          f'<h1>{E(c["title"])}</h1><div class="subtitle">{E(c.get("subtitle", ""))}</div>'
          f'<div class="intro">{E(c["intro"])}</div><div class="org">{E(c["org"])}</div>'
          f'<div class="addr">{_lines(c["address"])}</div><div class="conform">{E(c["conform"])}</div>'
          f'{standards_html(c)}<div class="scopelab">{E(c["scope_label"])}</div>'
          f'<div class="scope">{E(c["scope"])}</div>{soa_html(c)}<div class="grow"></div>'
          f'{details_pairs(c, c.get("pair_cols", 2))}<div class="bottom">{sig_html(c)}{mark_html(c)}</div>'
          f'{footer_html(c, 1, n)}</div></div>')
    pages = [p1]
    if n == 2:
        pages.append(f'<div class="outer"><div class="frame"><div class="cbhead">{E(c["cb_head"])}</div>'
                     f'{annex_html(c)}<div class="grow"></div>{footer_html(c, 2, 2)}</div></div>')
    return doc(c, css, pages)


# ---------------------------------------------------------------- sidebar: details stacked in a grey column
SIDEBAR = """
body { font-family: 'Liberation Sans', sans-serif; color: #1f1f1f; }
.side { position: absolute; left: 0; top: 0; bottom: 0; width: 62mm; background: #eceff1; padding: 22mm 7mm 12mm;
        box-sizing: border-box; display: flex; flex-direction: column; }
.main { position: absolute; left: 62mm; right: 0; top: 0; bottom: 0; padding: 20mm 14mm 12mm 12mm; box-sizing: border-box;
        display: flex; flex-direction: column; }
.cbhead { font-size: 11pt; font-weight: bold; color: %(col)s; }
.cbhead2 { font-size: 8pt; color: #555; margin-bottom: 10mm; }
.ds { margin-bottom: 4.5mm; }
.ds .lab { font-size: 7.5pt; color: #555; text-transform: uppercase; letter-spacing: 0.6px; }
.ds .val { font-size: 11pt; font-weight: bold; margin-top: 0.6mm; }
.grow { flex: 1; }
h1 { font-size: 36pt; margin: 0; color: %(col)s; font-weight: 300; letter-spacing: 6px; }
.subtitle { font-size: 10.5pt; color: #555; margin-top: 1mm; }
.intro { margin-top: 12mm; font-size: 10pt; color: #444; }
.org { font-size: 19pt; font-weight: bold; margin-top: 1.5mm; }
.addr { font-size: 9.5pt; line-height: 1.4; margin-top: 1mm; }
.conform { margin-top: 8mm; font-size: 10pt; }
.std { font-size: 16pt; font-weight: bold; color: %(col)s; margin-top: 1.5mm; }
.stddesc { font-size: 8.5pt; color: #555; }
.scopelab { margin-top: 7mm; font-size: 8.5pt; font-weight: bold; text-transform: uppercase; color: %(col)s; }
.scope { font-size: 10pt; line-height: 1.5; margin-top: 1mm; }
.soa { font-size: 9pt; margin-top: 3mm; padding: 2mm 3mm; background: #f5f7f8; border-left: 3px solid %(col)s; }
.sig { font-size: 8.5pt; width: 60mm; }
.scrawl { font: italic 15pt 'DejaVu Serif', serif; color: #223; }
.sigline { border-top: 1px solid #444; }
.footer { margin-top: 6mm; font-size: 7.5pt; color: #444; line-height: 1.4; border-top: 1px solid #ccc; padding-top: 2mm; }
.cbname { font-weight: bold; color: #222; }
.pg { text-align: right; color: #777; }
h2.annextitle { font-size: 15pt; color: %(col)s; margin: 0 0 3mm; }
.annexintro { font-size: 9.5pt; }
"""


def sidebar(c):
    col = c.get("colour", "#7a1f3d")
    n = 2 if c.get("annex") else 1
    css = SIDEBAR % {"col": col}
    p1 = (f'{envelope_html(c)}<div class="side"><div class="cbhead">{E(c["cb_head"])}</div>'
          f'<div class="cbhead2">{E(c.get("cb_head2", ""))}</div>{details_stacked(c)}<div class="grow"></div>'
          f'{mark_html(c)}</div><div class="main"><h1>{E(c["title"])}</h1>'
          f'<div class="subtitle">{E(c.get("subtitle", ""))}</div><div class="intro">{E(c["intro"])}</div>'
          f'<div class="org">{E(c["org"])}</div><div class="addr">{_lines(c["address"])}</div>'
          f'<div class="conform">{E(c["conform"])}</div>{standards_html(c)}'
          f'<div class="scopelab">{E(c["scope_label"])}</div><div class="scope">{E(c["scope"])}</div>'
          f'{soa_html(c)}<div class="grow"></div>{sig_html(c)}{footer_html(c, 1, n)}</div>')
    pages = [p1]
    if n == 2:
        pages.append(f'<div class="main" style="left:0;padding-left:20mm">{annex_html(c)}<div class="grow"></div>'
                     f'{footer_html(c, 2, 2)}</div>')
    return doc(c, css, pages)


# ---------------------------------------------------------------- corporate: header bar, ruled details table
CORPORATE = """
body { font-family: 'DejaVu Sans', sans-serif; color: #202020; font-size: 10pt; }
.head { position: absolute; top: 0; left: 0; right: 0; height: 24mm; background: %(col)s; color: #fff;
        display: flex; align-items: center; padding: 0 16mm; box-sizing: border-box; justify-content: space-between; }
.logo { display: flex; align-items: center; gap: 3mm; font: bold 13pt 'Liberation Sans', sans-serif; letter-spacing: 1px; }
.logo .dot { width: 9mm; height: 9mm; border-radius: 50%%; border: 2.5px solid #fff; box-sizing: border-box; }
.headr { font-size: 8pt; text-align: right; }
.inner { position: absolute; top: 34mm; left: 18mm; right: 18mm; bottom: 12mm; display: flex; flex-direction: column; }
h1 { font: bold 34pt 'DejaVu Serif', serif; margin: 0; letter-spacing: 4px; text-align: center; color: %(col)s; }
.subtitle { text-align: center; font-size: 10pt; color: #444; letter-spacing: 2px; text-transform: uppercase; }
.intro { margin-top: 8mm; text-align: center; }
.org { font: bold 18pt 'DejaVu Serif', serif; text-align: center; margin-top: 2mm; }
.addr { text-align: center; font-size: 9pt; line-height: 1.35; }
.conform { margin-top: 6mm; text-align: center; }
.std { text-align: center; font-size: 15pt; font-weight: bold; margin-top: 1.5mm; }
.stddesc { text-align: center; font-size: 8.5pt; color: #444; }
.scopelab { margin-top: 6mm; font-weight: bold; }
.scope { line-height: 1.45; margin-top: 1mm; padding: 3mm 4mm; border: 1px solid #ccc; background: #fafafa; }
.soa { font-size: 9pt; margin-top: 2mm; }
.grow { flex: 1; }
table.details { width: 100%%; border-collapse: collapse; margin-bottom: 4mm; }
table.details td { border-top: 1px solid #bbb; border-bottom: 1px solid #bbb; padding: 1.6mm 2mm; font-size: 9.5pt; }
table.details td.lab { color: #555; width: 24%%; }
table.details td.val { font-weight: bold; width: 26%%; }
.bottom { display: flex; align-items: flex-end; justify-content: space-between; }
.sig { width: 60mm; font-size: 8.5pt; }
.scrawl { font: italic 15pt 'Liberation Serif', serif; color: #1b2e4b; }
.sigline { border-top: 1px solid #333; }
.footer { margin-top: 5mm; font-size: 7.5pt; color: #333; border-top: 2px solid %(col)s; padding-top: 2mm; line-height: 1.4; }
.cbname { font-weight: bold; }
.fextra { color: #555; }
.pg { text-align: right; }
h2.annextitle { font: bold 15pt 'DejaVu Serif', serif; color: %(col)s; margin: 0 0 3mm; }
.annexintro { font-size: 9pt; }
table.annex th { background: #e6e9ee; }
"""


def corporate(c):
    col = c.get("colour", "#283f6b")
    n = 2 if c.get("annex") else 1
    css = CORPORATE % {"col": col}
    head = (f'<div class="head"><div class="logo"><div class="dot"></div>{E(c["cb_head"])}</div>'
            f'<div class="headr">{E(c.get("head_right", ""))}</div></div>')
    p1 = (f'{head}{envelope_html(c)}<div class="inner"><h1>{E(c["title"])}</h1>'
          f'<div class="subtitle">{E(c.get("subtitle", ""))}</div><div class="intro">{E(c["intro"])}</div>'
          f'<div class="org">{E(c["org"])}</div><div class="addr">{_lines(c["address"])}</div>'
          f'<div class="conform">{E(c["conform"])}</div>{standards_html(c)}'
          f'<div class="scopelab">{E(c["scope_label"])}</div><div class="scope">{E(c["scope"])}</div>'
          f'{soa_html(c)}<div class="grow"></div>{details_pairs(c, 2)}'
          f'<div class="bottom">{sig_html(c)}{mark_html(c)}</div>{footer_html(c, 1, n)}</div>')
    pages = [p1]
    if n == 2:
        pages.append(f'{head}<div class="inner">{annex_html(c)}<div class="grow"></div>{footer_html(c, 2, 2)}</div>')
    return doc(c, css, pages)


THEMES = {"classic": classic, "band": band, "guilloche": guilloche, "sidebar": sidebar, "corporate": corporate}
