"""CSS for each audit firm's house style."""


def q(s):
    return '"' + s.replace('"', '\\"') + '"'


def css(p):
    st = p["style"]
    t, r, b, l = p["margins"]
    size = "letter" if p["page"] == "Letter" else "A4"
    font = st["font"]
    fs = st["size"]
    tfs = st.get("table_size", fs - 1.5)
    accent = st.get("accent", "#1f3864")
    band_bg = st.get("band_bg", "#d9e2f3")
    crit_bg = st.get("crit_bg", "#f2f2f2")
    head_bg = st.get("head_bg", accent)
    head_fg = st.get("head_fg", "#ffffff")
    border = st.get("border", "0.6pt solid #7f7f7f")
    hl, hc, hr = st.get("header", ("", "", ""))
    ph = 11.0 if p["page"] == "Letter" else 11.6929
    cover_h = f"{ph - t - b - 0.3:.2f}in"
    fl, fc, fr = st.get("footer", ("", "", ""))

    def box(name, content, extra=""):
        if not content:
            return ""
        return f"@{name} {{ content: {content}; font-family: {font}; font-size: {st.get('hf_size', 7.5)}pt; color: {st.get('hf_color', '#404040')}; {extra} }}\n"

    margin_boxes = (box("top-left", hl, "vertical-align: bottom; padding-bottom: 8pt;") +
                    box("top-center", hc, "vertical-align: bottom; padding-bottom: 8pt;") +
                    box("top-right", hr, "vertical-align: bottom; padding-bottom: 8pt;") +
                    box("bottom-left", fl, "vertical-align: top; padding-top: 8pt;") +
                    box("bottom-center", fc, "vertical-align: top; padding-top: 8pt;") +
                    box("bottom-right", fr, "vertical-align: top; padding-top: 8pt;"))
    hf_rule = ""
    if st.get("header_rule"):
        hf_rule = f"border-bottom: {st['header_rule']};"
    align = "justify" if st.get("justify") else "left"
    return f"""
@page {{ size: {size}; margin: {t}in {r}in {b}in {l}in;
{margin_boxes} }}
@page :first {{ @top-left {{ content: none }} @top-center {{ content: none }} @top-right {{ content: none }}
  @bottom-left {{ content: none }} @bottom-center {{ content: none }} @bottom-right {{ content: none }} }}
html {{ -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
body {{ font-family: {font}; font-size: {fs}pt; line-height: {st.get('lh', 1.35)}; color: #111; margin: 0; }}
p {{ margin: 0 0 {st.get('pgap', 7)}pt 0; text-align: {align}; orphans: 2; widows: 2; }}
.pb {{ break-after: page; }}
.sec {{ break-before: page; }}
.cover {{ height: {cover_h}; position: relative; display: flow-root; {st.get('cover_css', '')} }}
.cband {{ font-size: 10pt; letter-spacing: 2pt; text-transform: uppercase; color: {accent}; border-bottom: 2pt solid {accent}; padding-bottom: 6pt; margin-bottom: 1.4in; }}
.ctitle {{ font-size: {st.get('cover_title', 26)}pt; font-weight: bold; color: {accent}; margin-top: {st.get('cover_top', '1.6in')}; line-height: 1.15; }}
.csub {{ font-size: 13pt; margin-top: 10pt; color: #333; }}
.corg {{ font-size: 18pt; margin-top: 0.7in; font-weight: bold; }}
.csys {{ font-size: 12.5pt; margin-top: 6pt; }}
.cperiod {{ font-size: 11.5pt; margin-top: 18pt; }}
.cextra {{ font-size: 9.5pt; margin-top: 22pt; color: #333; }}
.cfoot {{ position: absolute; bottom: 0; left: 0; right: 0; font-size: 8.5pt; color: #444; border-top: 0.5pt solid #999; padding-top: 6pt; }}
.toc {{ }}
.toch {{ font-size: 15pt; color: {accent}; margin: 0 0 18pt 0; }}
.tocrow {{ display: flex; font-size: {fs}pt; margin: 5pt 0; }}
.toclab {{ min-width: {st.get('toc_lab_w', '1.1in')}; font-weight: bold; }}
.toctitle {{ }}
.tocsub {{ padding-left: 0.35in; font-size: {fs - 0.5}pt; margin: 3pt 0; }}
.tocsub .toclab {{ min-width: 0.3in; font-weight: normal; }}
.tocdots {{ flex: 1; border-bottom: 1px dotted #777; margin: 0 4pt 4pt 4pt; }}
.tocpg {{ min-width: 0.3in; text-align: right; }}
h1.h1 {{ font-size: {st.get('h1', 16)}pt; color: {accent}; margin: 0 0 14pt 0; {st.get('h1_css', '')} }}
.hlab {{ {st.get('hlab_css', '')} }}
h2.h2 {{ font-size: {st.get('h2', 12.5)}pt; color: {accent}; margin: 14pt 0 6pt 0; break-after: avoid; }}
h3.h3, h3.tcap {{ font-size: {st.get('h3', 11)}pt; margin: 10pt 0 5pt 0; break-after: avoid; }}
h3.tcap {{ margin-top: 0; color: {accent}; }}
h4.h4 {{ font-size: {fs + 0.5}pt; margin: 11pt 0 4pt 0; break-after: avoid; {st.get('h4_css', '')} }}
.addressee {{ margin-bottom: 10pt; font-weight: bold; }}
ol.oplist li, ul li, ol.cuecs li {{ margin-bottom: 4pt; text-align: {align}; }}
.sign {{ margin-top: 22pt; break-inside: avoid; }}
.sigscript {{ font-family: "DejaVu Serif", serif; font-style: italic; font-size: 15pt; color: #1a3a7a; margin-bottom: 4pt; }}
.sigfirm {{ font-weight: bold; }}
table.simple {{ width: 100%; border-collapse: collapse; margin: 6pt 0 10pt 0; font-size: {tfs}pt; }}
table.simple th {{ background: {head_bg}; color: {head_fg}; text-align: left; padding: 4pt 5pt; border: {border}; }}
table.simple td {{ padding: 4pt 5pt; border: {border}; vertical-align: top; }}
table.simple tr {{ break-inside: avoid; }}
.tpage {{ break-after: page; }}
.tpage.last {{ break-after: auto; }}
table.ctab {{ width: 100%; border-collapse: collapse; table-layout: fixed; font-size: {tfs}pt; line-height: {st.get('tlh', 1.28)}; }}
table.ctab th {{ background: {head_bg}; color: {head_fg}; text-align: left; padding: {st.get('th_pad', '4pt 5pt')}; border: {border}; font-weight: bold; vertical-align: bottom; }}
table.ctab td {{ padding: {st.get('td_pad', '4pt 5pt')}; border: {border}; vertical-align: top; overflow-wrap: break-word; }}
table.ctab tr {{ break-inside: avoid; }}
table.ctab tr.band td {{ background: {band_bg}; font-weight: bold; {st.get('band_css', '')} }}
table.ctab tr.crit td {{ background: {crit_bg}; {st.get('crit_css', '')} }}
.cl {{ margin-bottom: {st.get('cl_gap', 3)}pt; text-align: {st.get('cell_align', align)}; }}
.exc {{ font-weight: {st.get('exc_weight', 'bold')}; }}
p.hyp span.ln {{ display: block; white-space: nowrap; text-align: justify; text-align-last: justify; font-kerning: none; }}
p.hyp span.lastln {{ text-align-last: left; }}
{st.get('extra_css', '')}
"""
