"""Turn a report profile (reports.py) into HTML for Chromium to print.

Section IV tables are paginated here, not by Chromium: a first pass measures every row's height
in a headless browser, then rows are packed into pages so that each page can start with the column
header row and a "(continued)" row, as audit firms' word processors do.
"""
import html

import linebreak
import random
import re

from criteria import CRITERIA, GROUPS, group_of, order_key
from controls import POOL, BY_KEY
from pools import CUECS, CSOCS

PAGE_SIZES = {"Letter": (8.5, 11.0), "A4": (8.2677, 11.6929)}
ROMAN = ["", "I", "II", "III", "IV", "V", "VI"]
WORDS = ["", "One", "Two", "Three", "Four", "Five", "Six"]
CAT_NAMES = {"security": "Security", "availability": "Availability",
             "processing_integrity": "Processing Integrity", "confidentiality": "Confidentiality",
             "privacy": "Privacy"}
CAT_GROUPS = {"security": ["CC1", "CC2", "CC3", "CC4", "CC5", "CC6", "CC7", "CC8", "CC9"],
              "availability": ["A1"], "confidentiality": ["C1"], "processing_integrity": ["PI1"],
              "privacy": ["P"]}

esc = html.escape


def fill(s, p):
    return s.format(**p["names"])


# ------------------------------------------------------------------ helpers
def geometry(p):
    w, h = PAGE_SIZES[p["page"]]
    t, r, b, l = p["margins"]
    return (w - l - r) * 96.0, (h - t - b) * 96.0


def sec(p, n, upper=False):
    st = p["section_style"]
    if st == "roman":
        s = "Section " + ROMAN[n]
    elif st == "arabic":
        s = "Section " + str(n)
    else:
        s = "Section " + WORDS[n]
    return s.upper() if upper else s


def cats_text(p, amp=False):
    names = [CAT_NAMES[c].lower() for c in p["categories"]]
    if len(names) == 1:
        return names[0]
    if len(names) == 2:
        return names[0] + " and " + names[1]
    return ", ".join(names[:-1]) + ", and " + names[-1]


def soft_hyphenate(text):
    """Insert soft hyphens into long words so justified text breaks them across lines."""
    def hy(m):
        w = m.group(0)
        if len(w) < 9:
            return w
        out, i = [], 0
        step = 4
        while len(w) - i > step + 3:
            out.append(w[i:i + step])
            i += step
            step = 3
        out.append(w[i:])
        return "\u00ad".join(out)
    parts = re.split(r"(<[^>]+>|&[a-z#0-9]+;)", text)
    return "".join(x if (x.startswith("<") or x.startswith("&")) else re.sub(r"[A-Za-z]{9,}", hy, x)
                   for x in parts)


def P(p, text, cls=None):
    c = f' class="{cls}"' if cls else ""
    if p.get("hyphenate"):
        cw, _ = geometry(p)
        lines = linebreak.break_lines(text, p["hyphenate_font"], p["style"]["size"], cw * 0.975)
        spans = "".join(f"<span class='ln{' lastln' if k == len(lines) - 1 else ''}'>{l}</span>" for k, l in enumerate(lines))
        return f"<p class='hyp'>{spans}</p>\n"
    return f"<p{c}>{text}</p>\n"


def in_scope_groups(p):
    g = []
    for c in p["categories"]:
        g += CAT_GROUPS[c]
    return g


def scope_criteria(p):
    gs = in_scope_groups(p)
    return [c for c in CRITERIA if group_of(c) in gs]


# ------------------------------------------------------------------ control selection and ids
def selected_controls(p):
    crits = set(scope_criteria(p))
    rnd = random.Random(p["seed"])
    out = []
    for c in POOL:
        cc = [x for x in c["crit"] if x in crits]
        if not cc:
            continue
        if c["key"] in p.get("drop", []):
            continue
        if c["key"].startswith("colo_") and not p["names"].get("colo"):
            continue
        if c["key"] not in p["exceptions"] and rnd.random() < p.get("drop_rate", 0.0):
            continue
        out.append(dict(c, crit=cc))
    # every criterion keeps at least one control
    covered = {x for c in out for x in c["crit"]}
    for c in POOL:
        cc = [x for x in c["crit"] if x in crits]
        if c["key"].startswith("colo_") and not p["names"].get("colo"):
            continue
        if cc and any(x not in covered for x in cc) and c["key"] not in [o["key"] for o in out]:
            out.append(dict(c, crit=cc))
            covered |= set(cc)
    out.sort(key=lambda c: (order_key(c["crit"][0]), [x["key"] for x in POOL].index(c["key"])))
    return out


PREFIX = {"CC1": "GV", "CC2": "GV", "CC3": "RA", "CC4": "MN", "CC5": "GV", "CC9": "RA",
          "A1": "BC", "C1": "CF", "PI1": "PI", "P": "PR"}


def prefix_for(cid):
    g = group_of(cid)
    if g in PREFIX:
        if cid == "CC9.2":
            return "VM"
        return PREFIX[g]
    return {"CC6.1": "AC", "CC6.2": "AC", "CC6.3": "AC", "CC6.4": "PS", "CC6.5": "PS", "CC6.6": "NS",
            "CC6.7": "NS", "CC6.8": "EP", "CC7.1": "VM" if False else "OP", "CC7.2": "OP",
            "CC7.3": "IR", "CC7.4": "IR", "CC7.5": "IR", "CC8.1": "CM"}[cid]


def assign_ids(p, ctrls):
    style = p["id_style"]
    counters = {}
    for i, c in enumerate(ctrls, 1):
        prim = c["crit"][0]
        if style == "plain":
            c["id"] = str(i)
        elif style == "dotted":
            counters[prim] = counters.get(prim, 0) + 1
            base = prim[2:] if prim.startswith("CC") else prim
            c["id"] = f"{base}.{counters[prim]}"
        elif style == "prefix":
            pre = prefix_for(prim)
            counters[pre] = counters.get(pre, 0) + 1
            c["id"] = f"{pre}-{counters[pre]:02d}"
        else:
            c["id"] = prim
    return ctrls


# ------------------------------------------------------------------ tests and results
def sample_n(p, pop):
    m = p["months"]
    if pop in p.get("samples", {}):
        return p["samples"][pop]
    rnd = random.Random(p["seed"] * 1000 + sum(map(ord, pop)))
    if pop in ("quarters", "quarterly reviews", "quarterly risk committee meetings", "quarterly meetings"):
        return {12: 2, 6: 2, 3: 1}[m]
    if pop in ("months",):
        return {12: 3, 6: 2, 3: 2}[m]
    if pop in ("quarterly access list reviews",):
        return {12: 2, 6: 2, 3: 1}[m]
    if pop in ("semi-annual reviews",):
        return 1
    if pop in ("days",):
        return {12: 25, 6: 15, 3: 10}[m]
    if pop in ("critical vendors", "subservice organisations", "high-severity incidents", "security incidents",
               "emergency changes", "deficiencies", "policy exceptions", "risks rated high",
               "incidents affecting customers", "external reports received", "advisories received",
               "findings rated high or critical", "restoration requests", "terminated customers",
               "significant releases", "new vendors", "vendor agreements", "privacy impact assessments",
               "complaints", "disclosures", "sub-processors", "new sub-processors", "failed jobs",
               "changes to calculation logic", "backup failure alerts", "drift alerts", "findings",
               "contractors onboarded during the period", "disposed devices", "role changes", "badges issued"):
        return rnd.choice([3, 4, 5, 5, 6, 8])
    base = {12: [25, 25, 40], 6: [15, 20, 25], 3: [10, 15]}[m]
    return rnd.choice(base)


def one(n, pop):
    """Singular noun after a sample size of one ("1 quarter", not "1 quarters")."""
    if n != 1:
        return pop
    words = pop.split(" ")
    i = 0 if len(words) == 1 else next((k for k, w in enumerate(words) if w.endswith("s") and k > 0), len(words) - 1)
    if words[0] in ("quarters", "months", "days"):
        i = 0
    if words[i].endswith("ies"):
        words[i] = words[i][:-3] + "y"
    elif words[i].endswith("s"):
        words[i] = words[i][:-1]
    return " ".join(words)


def spell(n, p):
    if p.get("spell_numbers") and n <= 10:
        return ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"][n]
    return str(n)


def test_lines(p, c):
    st = p["test_style"]
    lines = []
    tests = list(c["tests"])
    v = p.get("verbose_tests")
    if v:
        owner = OWNERS.get(group_of(c["crit"][0]), "the {comp}")
        pops = [t[1] for t in tests if t[0] == "s" and t[1] not in TIME_POPS]
        if v == 1:
            tests = [("q", owner, "the design of the control and how it was performed during the period")] + \
                    ([("pop", pops[0])] if pops else []) + tests + [("end",)]
        elif v == 2:
            tests = tests[:1] + [("q", owner, "the frequency of the control and whether any instances were missed or performed late")] + \
                    tests[1:] + ([("pop", pops[0])] if pops else [])
        else:
            tests = [("doc",)] + tests + [("q", owner, "any issues encountered in performing the control during the period")]
    for t in tests:
        k = t[0]
        if k == "q":
            who, about = fill(t[1], p), fill(t[2], p)
            if st == "labels":
                lines.append(f"Inquiry: Enquired of {who} about {about}.")
            elif st == "we":
                lines.append(f"We inquired of {who} about {about}.")
            else:
                lines.append(f"Inquired of {who} regarding {about}.")
        elif k == "i":
            what = fill(t[1], p)
            if st == "labels":
                lines.append(f"Inspection: Inspected {what}.")
            elif st == "we":
                lines.append(f"We inspected {what}.")
            else:
                lines.append(f"Inspected {what}.")
        elif k == "s":
            pop, check = fill(t[1], p), fill(t[2], p)
            n = sample_n(p, t[1])
            pop = one(n, pop)
            if st == "labels":
                lines.append(f"Inspection: For a sample of {spell(n, p)} {pop}, inspected {check}.")
            elif st == "we":
                lines.append(f"We selected a sample of {spell(n, p)} {pop} and inspected {check}.")
            elif st == "numbered":
                lines.append(f"Selected a sample of {spell(n, p)} {pop} and inspected {check}.")
            else:
                lines.append(f"For a sample of {spell(n, p)} {pop}, inspected {check}.")
        elif k == "o":
            what = fill(t[1], p)
            if st == "labels":
                lines.append(f"Observation: Observed {what}.")
            elif st == "we":
                lines.append(f"We observed {what}.")
            else:
                lines.append(f"Observed {what}.")
        elif k == "pop":
            pop = fill(t[1], p)
            if st == "labels":
                lines.append(f"Inspection: Obtained the listing of {pop} for the period and agreed it to the source system to assess its completeness.")
            elif st == "we":
                lines.append(f"We obtained the population of {pop} from the source system and tested its completeness and accuracy.")
            else:
                lines.append(f"Obtained the system-generated listing of {pop} for the period and inspected it for completeness and accuracy before selecting the sample.")
        elif k == "doc":
            if st == "labels":
                lines.append("Inspection: Inspected the relevant policy or procedure to confirm the control was formally documented and approved.")
            elif st == "we":
                lines.append("We inspected the relevant policy or procedure to determine that the control was documented.")
            else:
                lines.append("Inspected the relevant policy or procedure to determine that the control was formally documented.")
        elif k == "end":
            lines.append("Determined, based on the procedures above, whether the control operated as described throughout the period.")
        elif k == "r":
            what = fill(t[1], p)
            if st == "labels":
                lines.append(f"Reperformance: Reperformed {what}.")
            elif st == "we":
                lines.append(f"We reperformed {what}.")
            else:
                lines.append(f"Reperformed {what}.")
    if st == "numbered":
        lines = [f"{i}. {l}" for i, l in enumerate(lines, 1)]
    return lines


DEFAULT_CAT_TEXT = {
    "availability": [
        ["{short} designs the production environment to tolerate the loss of a single component or availability zone. Databases "
         "are replicated, application services run on several nodes behind load balancers, and backups are copied to a second "
         "location each day.",
         "The {ops} reviews utilisation and capacity forecasts every month. The business continuity and disaster recovery plan "
         "is reviewed each year, and failover to the recovery environment is exercised at least annually."],
        ["Availability commitments are met through redundant infrastructure, automated health checks and an on-call rota that is "
         "paged through {pager} when service levels are threatened.",
         "Recovery time and recovery point objectives are defined for each production service. Backups are monitored for "
         "success, restores are tested, and the recovery plan is exercised and updated after each test."]],
    "confidentiality": [
        ["Customer data is treated as confidential information under the data classification policy. It is encrypted in transit "
         "and at rest, access to it is limited to personnel who need it for their role, and it is not copied to non-production "
         "environments.",
         "When an agreement ends, customer data is deleted according to the retention schedule, and media that held confidential "
         "information are sanitised before disposal."],
        ["Confidential information is identified by its classification label and handled according to the rules attached to "
         "that label. Personnel sign confidentiality undertakings, and vendors that receive confidential information sign "
         "agreements with equivalent obligations.",
         "Retention periods are set out in the retention schedule. Automated jobs remove data when the period ends, and deletion "
         "at the end of a customer agreement is confirmed to the customer in writing."]],
}

TIME_POPS = {"quarters", "months", "days", "semi-annual reviews", "quarterly reviews", "quarterly meetings",
             "quarterly risk committee meetings"}

OWNERS = {"CC1": "the {people}", "CC2": "the {comp}", "CC3": "the {comp}", "CC4": "the {comp}", "CC5": "the {ciso}",
          "CC6": "the {ops}", "CC7": "the {ciso}", "CC8": "the {eng}", "CC9": "the {comp}", "A1": "the {ops}",
          "C1": "the {legal}", "PI1": "the {eng}", "P": "the Data Protection Officer"}


def control_text(p, c):
    v = p["variant"] % len(c["text"])
    t = fill(c["text"][v], p)
    return t[:1].upper() + t[1:]


def result_html(p, c):
    ex = p["exceptions"].get(c["key"])
    if not ex:
        return esc(p["no_exc"])
    parts = [f'<span class="exc">{esc(x)}</span>' if i == 0 else esc(x) for i, x in enumerate(ex["result"])]
    return "<br/><br/>".join(parts)


def cell(p, text_lines):
    if isinstance(text_lines, str):
        text_lines = [text_lines]
    out = ""
    for l in text_lines:
        t = l if l.startswith("<") or "<span" in l else esc(l)
        out += f"<div class=cl>{t}</div>"
    return out


# ------------------------------------------------------------------ section IV rows
def column_heads(p):
    m = p["table_mode"]
    h = p["col_heads"]
    return h


def ncols(p):
    return len(p["col_heads"])


def ctrl_row(p, c, under=None):
    m = p["table_mode"]
    tests = test_lines(p, c)
    ctext = control_text(p, c)
    res = result_html(p, c)
    if m == "crit4":
        cells = [esc(c["id"]), cell(p, ctext), cell(p, tests), res]
    elif m == "crit3":
        cells = [cell(p, ctext), cell(p, tests), res]
    elif m == "ctrl5":
        cells = [esc(c["id"]), cell(p, ctext), "<br/>".join(c["crit"]), cell(p, tests), res]
    elif m == "ctrl4":
        cells = [esc(c["id"]), cell(p, [ctext, "Criteria: " + ", ".join(c["crit"])]), cell(p, tests), res]
    else:
        raise ValueError(m)
    tds = "".join(f"<td class=c{i}>{x}</td>" for i, x in enumerate(cells))
    return f"<tr class=ctrl>{tds}</tr>"


def group_title(p, g):
    name = dict(GROUPS)[g]
    if g.startswith("CC"):
        return f"{g}.0 &nbsp; Common Criteria Related to {name}" if p.get("band_style") == "cc0" else f"{g}: {name}"
    return name


def build_rows(p):
    ctrls = assign_ids(p, selected_controls(p))
    p["_controls"] = ctrls
    rows = []
    n = ncols(p)
    if p["table_mode"] in ("crit4", "crit3"):
        for g in in_scope_groups(p):
            rows.append({"t": "band", "g": g, "html": f"<tr class=band><td colspan={n}>{group_title(p, g)}</td></tr>"})
            for cid in [c for c in CRITERIA if group_of(c) == g]:
                rows.append({"t": "crit", "g": g, "cid": cid,
                             "html": f"<tr class=crit><td colspan={n}><b>{cid}</b>&nbsp;&nbsp;{esc(CRITERIA[cid])}</td></tr>"})
                for c in ctrls:
                    if cid in c["crit"]:
                        rows.append({"t": "ctrl", "g": g, "cid": cid, "key": c["key"],
                                     "id": c["id"] if p["id_style"] != "cc" else cid,
                                     "html": ctrl_row(p, c, cid)})
    else:
        for g in in_scope_groups(p):
            gc = [c for c in ctrls if group_of(c["crit"][0]) == g]
            if not gc:
                continue
            rows.append({"t": "band", "g": g, "html": f"<tr class=band><td colspan={n}>{group_title(p, g)}</td></tr>"})
            for c in gc:
                rows.append({"t": "ctrl", "g": g, "key": c["key"], "id": c["id"], "html": ctrl_row(p, c)})
    return rows


def cont_row(p, r):
    n = ncols(p)
    if r["t"] == "crit" or ("cid" in r and p["table_mode"] in ("crit4", "crit3")):
        return f"<tr class=crit><td colspan={n}><b>{r['cid']}</b>&nbsp;&nbsp;(continued)</td></tr>"
    return f"<tr class=band><td colspan={n}>{group_title(p, r['g'])} (continued)</td></tr>"


def colgroup(p):
    return "<colgroup>" + "".join(f'<col style="width:{w}%"/>' for w in p["col_widths"]) + "</colgroup>"


def thead(p):
    return "<thead><tr class=colhead>" + "".join(f"<th>{h}</th>" for h in p["col_heads"]) + "</tr></thead>"


def measure_html(p, css):
    rows = build_rows(p)
    cw, _ = geometry(p)
    body = [f"<div id=tcap>{tables_caption(p)}</div>",
            f"<table class=ctab>{colgroup(p)}{thead(p).replace('<tr class=colhead>', '<tr class=colhead id=hdr>')}<tbody>"]
    for i, r in enumerate(rows):
        body.append(r["html"].replace("<tr class=", f"<tr id=r{i} class=", 1))
    samp_c = next(r for r in rows if r["t"] == "crit") if any(r["t"] == "crit" for r in rows) else None
    if samp_c:
        body.append(cont_row(p, samp_c).replace("<tr class=", "<tr id=contc class=", 1))
    body.append(cont_row(p, {"t": "band", "g": rows[0]["g"]}).replace("<tr class=", "<tr id=contb class=", 1))
    body.append("</tbody></table>")
    script = ("<script>const o={};for(const e of document.querySelectorAll('[id]')){o[e.id]=e.getBoundingClientRect().height}"
              "document.body.setAttribute('data-heights',JSON.stringify(o));</script>")
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><style>{css}\nbody{{width:{cw:.2f}px;margin:0}}</style></head>"
            f"<body>{''.join(body)}{script}</body></html>"), rows


def tables_caption(p):
    return f"<h3 class=tcap>{esc(p['tables_title'])}</h3>"


def paginate(p, rows, heights):
    _, ch = geometry(p)
    avail = ch - 14 - ch * 0.02
    hdr = heights["hdr"]
    contc = heights.get("contc", 0)
    contb = heights["contb"]
    pages = []
    cur, used = [], heights["tcap"] + hdr
    first = True
    i = 0
    last_crit = None
    last_band = None

    def new_page():
        nonlocal cur, used, first
        pages.append(cur)
        cur, used, first = [], hdr, False

    while i < len(rows):
        r = rows[i]
        h = heights[f"r{i}"]
        need = h
        # do not strand a band or criterion row at the bottom of a page
        if r["t"] in ("band", "crit"):
            j, extra = i + 1, 0
            while j < len(rows) and rows[j]["t"] in ("band", "crit"):
                extra += heights[f"r{j}"]
                j += 1
            if j < len(rows):
                extra += heights[f"r{j}"]
            need = h + extra
        if used + need > avail and cur:
            new_page()
            if r["t"] == "ctrl":
                if p["table_mode"] in ("crit4", "crit3"):
                    cur.append(cont_row(p, {"t": "crit", "cid": last_crit, "g": r["g"]}))
                    used += contc
                else:
                    cur.append(cont_row(p, {"t": "band", "g": r["g"]}))
                    used += contb
        cur.append(r["html"])
        r["page_index"] = len(pages)
        used += h
        if r["t"] == "crit":
            last_crit = r["cid"]
        i += 1
    if cur:
        pages.append(cur)
    return pages


def tables_html(p, pages):
    out = []
    for k, rows in enumerate(pages):
        cls = "tpage" + (" last" if k == len(pages) - 1 else "")
        cap = tables_caption(p) if k == 0 else ""
        out.append(f"<div class='{cls}'>{cap}<table class=ctab>{colgroup(p)}{thead(p)}<tbody>{''.join(rows)}</tbody></table></div>")
    return "\n".join(out)


# ------------------------------------------------------------------ narrative sections
def cover(p):
    c = p["cover"]
    lines = [f"<div class=cover>"]
    if p.get("cover_band"):
        lines.append(f"<div class=cband>{esc(p['auditor'])}</div>")
    lines.append(f"<div class=ctitle>{c['title']}</div>")
    lines.append(f"<div class=csub>{c['subtitle']}</div>")
    lines.append(f"<div class=corg>{esc(p['co'])}</div>")
    lines.append(f"<div class=csys>{c['system_line']}</div>")
    lines.append(f"<div class=cperiod>{c['period_line']}</div>")
    if c.get("extra"):
        lines.append(f"<div class=cextra>{c['extra']}</div>")
    lines.append(f"<div class=cfoot>{c['foot']}</div>")
    lines.append("</div>")
    return "\n".join(lines)


def toc(p, pages):
    items = []
    for lab, title, marker in p["_toc"]:
        pg = pages.get(marker, "")
        sub = "" if (lab.startswith("Section") or lab.startswith("SECTION") or not lab) and marker != "TABLES" else " tocsub"
        items.append(f"<div class='tocrow{sub}'><span class=toclab>{lab}</span><span class=toctitle>{title}</span>"
                     f"<span class=tocdots></span><span class=tocpg>{pg}</span></div>")
    return f"<div class=toc><h2 class=toch>{p.get('toc_title', 'Table of Contents')}</h2>{''.join(items)}</div>"


def h(p, level, label, title, marker=None, toc=False):
    if toc:
        p["_toc"].append((label, title, marker or title))
    lab = f"<span class=hlab>{label}</span>" if label else ""
    sep = "<br/>" if (level == 1 and p.get("h1_break")) else ((" &ndash; " if level == 1 else " ") if label else "")
    return f"<h{level} class=h{level}>{lab}{sep}{title}</h{level}>\n"


def sign_block(p):
    lines = []
    if p.get("sig_script"):
        lines.append(f"<div class=sigscript>{esc(p['sig_script'])}</div>")
    lines.append(f"<div class=sigfirm>{esc(p['auditor'])}</div>")
    lines.append(f"<div>{esc(p['auditor_city'])}</div>")
    lines.append(f"<div>{esc(p['report_date_text'])}</div>")
    return "<div class=sign>" + "".join(lines) + "</div>"


DEFAULT_HEADS = {}

LIMITATIONS_ALT = ("Any system of internal control has inherent limitations: people make mistakes, and controls can be "
                   "circumvented by collusion or overridden by management. For these reasons, controls may not always operate "
                   "effectively enough to provide reasonable assurance that the service commitments and system requirements are "
                   "met. The description is written for a broad range of users and may leave out aspects of the system that a "
                   "particular user considers important. Projecting any evaluation of the system to later periods carries the "
                   "risk that controls become inadequate because conditions change or compliance with policies and procedures "
                   "declines.")


def auditor_report(p):
    s = p["names"]
    op = p["opinion"]
    co, sys_ = p["co"], p["system"]
    per = p["period_text"]
    cats = cats_text(p)
    carve = [x for x in p["subservices"] if x["method"] == "carve_out"]
    incl = [x for x in p["subservices"] if x["method"] == "inclusive"]
    out = []
    T = lambda t: out.append(P(p, t))
    heads = dict(DEFAULT_HEADS, **p.get("heads", {}))
    H = lambda t: out.append(f"<h4 class=h4>{heads.get(t, t)}</h4>\n")
    out.append(f"<div class=addressee>{p.get('addressee', 'To the Management of ' + esc(co))}</div>")
    H("Scope")
    scope = (f"We have examined {esc(co)}'s ({esc(s['short'])}'s) accompanying description of its {esc(sys_)} system titled "
             f"\"{esc(p['desc_title'])}\" (description) throughout the period {per} based on the criteria for a description of a "
             f"service organization's system set forth in DC section 200, <i>2018 Description Criteria for a Description of a Service "
             f"Organization's System in a SOC 2® Report</i> (description criteria), and the suitability of the design and operating "
             f"effectiveness of controls stated in the description throughout that period to provide reasonable assurance that "
             f"{esc(s['short'])}'s service commitments and system requirements were achieved based on the trust services criteria "
             f"relevant to {cats} (applicable trust services criteria) set forth in TSP section 100, <i>2017 Trust Services Criteria for "
             f"Security, Availability, Processing Integrity, Confidentiality, and Privacy (With Revised Points of Focus — 2022)</i>.")
    if p["section_style"] == "word" or p.get("alt_wording"):
        scope = scope.replace("We have examined", "We were engaged to examine" if op == "adverse_x" else "We have examined")
    T(scope)
    if incl:
        names = " and ".join(esc(x["name"]) for x in incl)
        T(f"{esc(s['short'])} uses {names} to provide {esc(incl[0]['short_services'])}. The description includes the controls of "
          f"{'these subservice organizations' if len(incl) > 1 else 'this subservice organization'} relevant to the applicable trust "
          f"services criteria (the inclusive method), and our examination included the services provided and the controls operated "
          f"by {'them' if len(incl) > 1 else 'it'}.")
    if carve:
        names = ", ".join(esc(x["name"]) for x in carve)
        T(f"{esc(s['short'])} uses {'subservice organizations' if len(carve) > 1 else 'a subservice organization'} ({names}) for "
          f"{esc(carve[0]['short_services'])}. The description indicates that complementary subservice organization controls that "
          f"are suitably designed and operating effectively are necessary, along with controls at {esc(s['short'])}, to achieve "
          f"{esc(s['short'])}'s service commitments and system requirements. The description presents {esc(s['short'])}'s controls, "
          f"the applicable trust services criteria, and the types of complementary subservice organization controls assumed in the "
          f"design of {esc(s['short'])}'s controls. The description does not disclose the actual controls at the subservice "
          f"organization{'s' if len(carve) > 1 else ''}. Our examination did not include the services provided by the subservice "
          f"organization{'s' if len(carve) > 1 else ''}, and we have not evaluated the suitability of the design or operating "
          f"effectiveness of such complementary subservice organization controls.")
    T(f"The description also indicates that complementary user entity controls that are suitably designed and operating "
      f"effectively are necessary, along with controls at {esc(s['short'])}, to achieve the service commitments and system "
      f"requirements. Our examination did not include such complementary user entity controls, and we have not evaluated their "
      f"suitability or operating effectiveness.")
    if p.get("section5"):
        T(f"The information included in {sec(p, 5)}, \"{esc(p['s5_title'])},\" is presented by management of {esc(s['short'])} to "
          f"provide additional information and is not a part of the description. Information about {esc(s['short'])}'s responses "
          f"to exceptions has not been subjected to the procedures applied in the examination and, accordingly, we express no "
          f"opinion on it.")
    H(f"Service Organization's Responsibilities")
    T(f"{esc(s['short'])} is responsible for its service commitments and system requirements and for designing, implementing, and "
      f"operating effective controls within the system to provide reasonable assurance that they were achieved. In "
      f"{sec(p, 2)}, {esc(s['short'])} has provided an assertion about the fair presentation of the description and the "
      f"suitability of design and operating effectiveness of controls. {esc(s['short'])} is also responsible for preparing the "
      f"description and assertion, including their completeness, accuracy, and method of presentation; providing the services "
      f"covered by the description; selecting the applicable trust services criteria and stating the related controls in the "
      f"description; and identifying the risks that threaten the achievement of its service commitments and system requirements.")
    H("Service Auditor's Responsibilities")
    std = ("attestation standards established by the American Institute of Certified Public Accountants")
    if p.get("integrated"):
        T("Our responsibility is to express an opinion on the description and on the suitability of design and operating "
          "effectiveness of controls stated in the description based on our examination. We conducted our examination in "
          f"accordance with {std}, in particular AT-C section 105, <i>Concepts Common to All Attestation Engagements</i>, and AT-C "
          "section 205, <i>Assertion-Based Examination Engagements</i>, and in accordance with International Standard on Assurance "
          "Engagements 3000 (Revised), <i>Assurance Engagements Other than Audits or Reviews of Historical Financial Information</i>, "
          "issued by the International Auditing and Assurance Standards Board. Those standards require that we plan and perform our "
          "examination to obtain reasonable assurance about whether, in all material respects, the description is presented in "
          "accordance with the description criteria and the controls were suitably designed and operating effectively to provide "
          "reasonable assurance that the service commitments and system requirements were achieved.")
    else:
        T(f"Our responsibility is to express an opinion on the description and on the suitability of design and operating "
          f"effectiveness of controls stated in the description based on our examination. Our examination was conducted in "
          f"accordance with {std}. Those standards require that we plan and perform our examination to obtain reasonable assurance "
          f"about whether, in all material respects, the description is presented in accordance with the description criteria and "
          f"the controls stated therein were suitably designed and operated effectively to provide reasonable assurance that the "
          f"service commitments and system requirements were achieved based on the applicable trust services criteria. We believe "
          f"that the evidence we obtained is sufficient and appropriate to provide a reasonable basis for our "
          f"{'modified ' if op != 'unqualified' else ''}opinion.")
    T("We are required to be independent and to meet our other ethical responsibilities in accordance with relevant ethical "
      "requirements relating to the examination engagement." + (
          " We have complied with the independence and other ethical requirements of the International Ethics Standards Board for "
          "Accountants' Code of Ethics, and we apply International Standard on Quality Management 1." if p.get("integrated") else ""))
    T("An examination of the description of a service organization's system and the suitability of the design and operating "
      "effectiveness of controls involves performing procedures to obtain evidence about the fairness of the presentation of the "
      "description and the suitability of design and operating effectiveness of those controls. Our procedures included obtaining "
      "an understanding of the system and the service commitments and system requirements; assessing the risks that the "
      "description is not fairly presented and that controls were not suitably designed or did not operate effectively; performing "
      "procedures to obtain evidence about whether controls stated in the description were suitably designed; testing the operating "
      "effectiveness of those controls; and evaluating the overall presentation of the description.")
    H("Inherent Limitations")
    if p["variant"] % 2 == 1:
        T(LIMITATIONS_ALT)
    else:
        T("The description is prepared to meet the common needs of a broad range of report users and may not, therefore, include every "
          "aspect of the system that individual users may consider important to meet their informational needs. There are inherent "
          "limitations in any system of internal control, including the possibility of human error and the circumvention of controls. "
          "Because of their nature, controls may not always operate effectively to provide reasonable assurance that the service "
          "commitments and system requirements are achieved. Also, the projection to the future of any conclusions about the "
          "suitability of the design and operating effectiveness of controls is subject to the risk that controls may become "
          "inadequate because of changes in conditions or that the degree of compliance with the policies or procedures may "
          "deteriorate.")
    H("Description of Tests of Controls")
    T(f"The specific controls we tested, and the nature, timing, and results of those tests, are listed in {sec(p, 4)}"
      + (f", \"{esc(p['s4_title'])}.\"" if p.get("quote_s4") else "."))
    if op == "qualified":
        H("Basis for Qualified Opinion")
        for t in p["basis"]:
            T(t)
        H("Opinion")
        T(f"In our opinion, except for the matter described in the Basis for Qualified Opinion paragraph, in all material respects,")
    elif op == "adverse":
        H("Basis for Adverse Opinion")
        for t in p["basis"]:
            T(t)
        H("Adverse Opinion")
        T(f"In our opinion, because of the significance of the matters described in the Basis for Adverse Opinion paragraph, "
          f"the controls stated in the description were not suitably designed and did not operate effectively throughout the "
          f"period {per} to provide reasonable assurance that {esc(s['short'])}'s service commitments and system requirements were "
          f"achieved based on the applicable trust services criteria. Except for the effects of those matters on the description, "
          f"the description presents {esc(s['short'])}'s {esc(sys_)} system that was designed and implemented throughout the "
          f"period {per} in accordance with the description criteria.")
    else:
        H("Opinion")
        T("In our opinion, in all material respects,")
    if op in ("unqualified", "qualified"):
        items = [f"the description presents {esc(s['short'])}'s {esc(sys_)} system that was designed and implemented throughout "
                 f"the period {per} in accordance with the description criteria.",
                 f"the controls stated in the description were suitably designed throughout the period {per} to provide reasonable "
                 f"assurance that {esc(s['short'])}'s service commitments and system requirements would be achieved based on the "
                 f"applicable trust services criteria, if its controls operated effectively throughout that period"
                 + (" and if the subservice organizations and user entities applied the complementary controls assumed in the design of "
                    f"{esc(s['short'])}'s controls throughout that period." if carve else
                    " and if user entities applied the complementary controls assumed in the design of the controls throughout that period."),
                 f"the controls stated in the description operated effectively throughout the period {per} to provide reasonable "
                 f"assurance that {esc(s['short'])}'s service commitments and system requirements were achieved based on the "
                 f"applicable trust services criteria"
                 + (", if complementary subservice organization controls and complementary user entity controls assumed in the "
                    f"design of {esc(s['short'])}'s controls operated effectively throughout that period." if carve else
                    ", if complementary user entity controls assumed in the design of the controls operated effectively throughout that period.")]
        out.append("<ol class=oplist type=a>" + "".join(f"<li>{x}</li>" for x in items) + "</ol>")
    H("Restricted Use")
    T(f"This report, including the description of tests of controls and results thereof in {sec(p, 4)}, is intended solely for "
      f"the information and use of {esc(s['short'])}; user entities of {esc(s['short'])}'s {esc(sys_)} system during some or all of "
      f"the period {per}; business partners of {esc(s['short'])} subject to risks arising from interactions with the system; "
      f"practitioners providing services to such user entities and business partners; prospective user entities and business "
      f"partners; and regulators who have sufficient knowledge and understanding of the matters it covers. This report is not "
      f"intended to be, and should not be, used by anyone other than these specified parties.")
    out.append(sign_block(p))
    return "".join(out)


def assertion(p):
    s = p["names"]
    per = p["period_text"]
    co = esc(p["co"])
    carve = [x for x in p["subservices"] if x["method"] == "carve_out"]
    out = []
    T = lambda t: out.append(P(p, t))
    T(f"We have prepared the accompanying description of {co}'s ({esc(s['short'])}'s) {esc(p['system'])} system titled "
      f"\"{esc(p['desc_title'])}\" (description) throughout the period {per}, based on the criteria for a description of a "
      f"service organization's system set forth in DC section 200 (description criteria). The description is intended to provide "
      f"report users with information about the system that may be useful when assessing the risks arising from interactions "
      f"with {esc(s['short'])}'s system, particularly information about system controls that {esc(s['short'])} has designed, "
      f"implemented, and operated to provide reasonable assurance that its service commitments and system requirements were "
      f"achieved based on the trust services criteria relevant to {cats_text(p)}.")
    if carve:
        T(f"{esc(s['short'])} uses subservice organizations for {esc(carve[0]['short_services'])}. The description indicates that "
          f"complementary subservice organization controls that are suitably designed and operating effectively are necessary, "
          f"along with controls at {esc(s['short'])}, to achieve its service commitments and system requirements. The description "
          f"presents the types of complementary subservice organization controls assumed in the design of our controls and does "
          f"not disclose the actual controls at the subservice organizations.")
    T(f"The description also indicates that complementary user entity controls that are suitably designed and operating "
      f"effectively are necessary, along with controls at {esc(s['short'])}, to achieve our service commitments and system "
      f"requirements.")
    T("We confirm, to the best of our knowledge and belief, that")
    items = [f"the description presents the {esc(p['system'])} system that was designed and implemented throughout the period {per} "
             f"in accordance with the description criteria.",
             f"the controls stated in the description were suitably designed throughout the period {per} to provide reasonable "
             f"assurance that the service commitments and system requirements would be achieved, if the controls operated "
             f"effectively and if user entities{' and subservice organizations' if carve else ''} applied the complementary controls "
             f"assumed in the design of our controls.",
             f"the controls stated in the description operated effectively throughout the period {per} to provide reasonable "
             f"assurance that the service commitments and system requirements were achieved."]
    if p["opinion"] == "qualified":
        items[2] = items[2][:-1] + ", except for the matter described in " + p["assert_except"]
    if p["opinion"] == "adverse":
        items[1] = items[1][:-1] + ", except for the matters described in " + p["assert_except"]
        items[2] = items[2][:-1] + ", except for the matters described in " + p["assert_except"]
    out.append("<ol class=oplist type=a>" + "".join(f"<li>{x}</li>" for x in items) + "</ol>")
    out.append(f"<div class=sign><div class=sigfirm>{co}</div><div>{esc(p['assert_signer'])}</div>"
               f"<div>{esc(p['assert_date'])}</div></div>")
    return "".join(out)


def description(p):
    s = p["names"]
    short = esc(s["short"])
    out = []
    T = lambda t: out.append(P(p, t))
    n = [0]

    def sub(title, marker=None, toc=False):
        n[0] += 1
        label = f"{n[0]}." if p.get("number_subsections", True) else ""
        out.append(h(p, 2, label, title, marker, toc))

    sub("Company Overview", "III-overview", toc=True)
    for t in p["overview"]:
        T(t)
    sub(f"Services Provided and System Overview")
    for t in p["services"]:
        T(t)
    sub("Scope of the Description")
    T(p["scope_sentence"])
    T(f"The description covers the trust services categories of {cats_text(p)}. Services and business processes not named "
      f"above, including {esc(p['out_of_scope'])}, are outside the scope of this report.")
    sub("Principal Service Commitments and System Requirements", toc=True)
    T(f"{short} designs its processes and procedures to meet the objectives of the {esc(p['system'])}. Those objectives rest on "
      f"the commitments {short} makes to user entities, the laws and regulations that govern the services it provides, and the "
      f"financial, operational and compliance requirements {short} has set for itself.")
    commits = [f"Maintain logical access controls so that only authorised users reach customer data",
               "Encrypt customer data in transit over public networks and at rest",
               "Monitor the production environment continuously for security events and respond to incidents",
               "Notify affected customers of a confirmed security incident within the contractual timeframe"]
    if "availability" in p["categories"]:
        commits.append(f"Provide {p.get('sla', '99.9%')} monthly availability for the production service, excluding scheduled maintenance")
        commits.append("Back up production data daily and maintain a tested disaster recovery capability")
    if "confidentiality" in p["categories"]:
        commits.append("Restrict the use and disclosure of confidential customer information to the purposes stated in the agreement")
        commits.append("Delete customer data within the agreed period after termination of the agreement")
    if "processing_integrity" in p["categories"]:
        commits.append("Validate customer inputs and process them completely, accurately and in a timely manner")
    if "privacy" in p["categories"]:
        commits.append("Collect, use, retain and disclose personal information only as described in the privacy notice")
    out.append("<ul>" + "".join(f"<li>{x}.</li>" for x in commits) + "</ul>")
    T(f"System requirements are the specifications of how the system should function to meet those commitments. They are set out "
      f"in {short}'s policies and procedures, system design documentation and customer contracts, and they are communicated to "
      f"personnel through onboarding, training and the internal wiki.")
    sub("Components of the System", toc=True)
    out.append(f"<h3 class=h3>Infrastructure</h3>")
    T(p["infra_intro"])
    out.append("<table class=simple><thead><tr><th>Component</th><th>Purpose</th><th>Platform / Technology</th></tr></thead><tbody>"
               + "".join(f"<tr><td>{esc(a)}</td><td>{esc(b)}</td><td>{esc(c)}</td></tr>" for a, b, c in p["infra"])
               + "</tbody></table>")
    out.append(f"<h3 class=h3>Software</h3>")
    T(p["software"])
    out.append(f"<h3 class=h3>People</h3>")
    T(f"{short} employs approximately {p['headcount']} people. The teams that support the {esc(p['system'])} are:")
    out.append("<ul>" + "".join(f"<li><b>{esc(a)}</b> — {esc(b)}</li>" for a, b in p["teams"]) + "</ul>")
    out.append(f"<h3 class=h3>Data</h3>")
    T(p["data"])
    out.append(f"<h3 class=h3>Processes and Procedures</h3>")
    T(f"Management has documented policies and procedures that describe how the system is operated and controlled. They are "
      f"reviewed at least annually and cover, among other areas, logical access, change management, system operations, incident "
      f"response, vendor management{', business continuity' if 'availability' in p['categories'] else ''} and data handling.")
    sub("Locations", "III-locations", toc=p.get("toc_locations", False))
    T(p["locations_intro"])
    out.append("<ul class=locs>" + "".join(f"<li>{esc(x)}{esc(p['location_notes'].get(x, ''))}</li>" for x in p["locations"]) + "</ul>")
    if p.get("locations_after"):
        T(p["locations_after"])
    sub("Boundaries of the System")
    T(f"The boundaries of the system are the specific aspects of {short}'s infrastructure, software, people, procedures and data "
      f"necessary to provide the services described above. Corporate applications that do not store or process customer data, "
      f"and the internal systems of user entities, fall outside the boundaries of the system.")
    # control environment narrative
    sub("Control Environment", toc=True)
    for t in p.get("ctrl_env", []):
        T(t)
    T(f"Integrity and ethical values. {short} has adopted a code of conduct that sets out the behaviour expected of everyone who "
      f"works for the company. The code is acknowledged at hire and each year after that, and breaches are handled through a "
      f"documented disciplinary process.")
    T(f"Oversight. The {esc(s['board'])} oversees management's design and operation of internal control. It receives reports from "
      f"the {esc(s['ciso'])} on security and from the {esc(s['comp'])} on compliance, and it reviews significant risks and their "
      f"treatment.")
    T(f"Organisational structure and competence. Reporting lines and responsibilities are defined in the organisation chart and "
      f"in job descriptions. Candidates are screened before hire, and personnel complete security awareness training when they "
      f"join and every year thereafter.")
    sub("Risk Assessment")
    T(f"{short} carries out a formal risk assessment every year and whenever significant changes occur. Risks are scored for "
      f"likelihood and impact, compared with the risk tolerance approved by the {esc(s['board'])}, and assigned an owner and a "
      f"treatment plan. Fraud risk and the risks introduced by vendors and subservice organisations are part of the assessment.")
    if p.get("long_desc"):
        T(f"The assessment draws on the results of vulnerability scanning, penetration testing, incident post-mortems and "
          f"internal control testing. Each risk in the register records the asset or process affected, the threat scenario, the "
          f"existing controls, the residual rating and any further action required. The register is reviewed by the risk committee "
          f"each quarter, and risks whose rating has changed are reported to the {esc(s['board'])}.")
    sub("Information and Communication")
    T(f"{short} uses {esc(s['siem'])}, {esc(s['tix'])} and {esc(s['grc'])} to capture the information needed to operate and monitor "
      f"controls. Policies are published on {esc(s['wiki'])}; customers receive information through their agreements, the public "
      f"status page, release notes and the security page on the company website.")
    sub("Monitoring Activities")
    T(f"Management monitors controls through automated compliance checks, periodic internal control testing by the "
      f"{esc(s['comp'])}, annual penetration testing and the review of assurance reports from subservice organisations. "
      f"Deficiencies are logged in {esc(s['grc'])} and tracked to remediation.")
    if p.get("long_desc"):
        for cat in p["categories"]:
            if cat == "security":
                continue
            sub(f"{CAT_NAMES[cat]} Controls")
            for t in p.get("cat_text", {}).get(cat) or [fill(x, p) for x in DEFAULT_CAT_TEXT[cat][p["variant"] % 2]]:
                T(t)
        sub("Logical Access")
        T(f"Personnel authenticate through {esc(s['idp'])} with multi-factor authentication. Access is requested in {esc(s['tix'])}, "
          f"approved by the requester's manager and granted according to role. When a person leaves, the termination record in "
          f"{esc(s['hr'])} starts the removal of access, and system owners recertify access every quarter.")
        T(f"Administrative access to production is limited to the infrastructure team and reached through an access proxy with "
          f"device checks. Database access is brokered through a bastion host that records sessions. Service accounts cannot log in "
          f"interactively and are inventoried with named owners.")
        sub("Change Management")
        T(f"Application and infrastructure changes are proposed as pull requests in {esc(s['repo'])}, peer reviewed, tested "
          f"automatically in {esc(s['ci'])} and deployed by the pipeline. Branch protection prevents authors from approving their own "
          f"changes. Emergency changes follow an expedited path and are approved after the fact within two business days.")
        sub("System Operations and Incident Response")
        T(f"Security events are collected in {esc(s['siem'])}, which raises alerts for the on-call security engineer through "
          f"{esc(s['pager'])}. Infrastructure is scanned weekly with {esc(s['vuln'])}, and findings are remediated within defined "
          f"timeframes. Incidents follow the incident response plan, which is tested every year through a tabletop exercise.")
    if p.get("ctrl_narrative"):
        sub("Description of Control Activities", toc=True)
        T(f"The paragraphs below summarise the control activities {short} operates, grouped by the areas of the trust services "
          f"criteria they address. Each control is listed with its criteria mapping in {sec(p, 4)}.")
        for g in in_scope_groups(p):
            gc = [c for c in p["_controls"] if group_of(c["crit"][0]) == g]
            if not gc:
                continue
            out.append(f"<h3 class=h3>{esc(dict(GROUPS)[g])}</h3>")
            chunk = []
            for c in gc:
                chunk.append(control_text(p, c))
                if len(chunk) == 3:
                    T(" ".join(chunk))
                    chunk = []
            if chunk:
                T(" ".join(chunk))
    # trust services criteria reference
    sub("Trust Services Criteria and Related Controls")
    T(f"The applicable trust services criteria and the controls {short} has designed to meet them are presented in {sec(p, 4)}. "
      f"Although the criteria and controls are presented there, they form an integral part of this description of the system.")
    # subservice
    sub("Subservice Organizations", "III-subservice", toc=True)
    T(p["subservice_intro"])
    out.append("<table class=simple><thead><tr><th>Subservice organization</th><th>Services provided</th><th>Method</th></tr></thead><tbody>"
               + "".join(f"<tr><td>{esc(x['name'])}</td><td>{esc(x['services'])}</td><td>{'Carve-out' if x['method'] == 'carve_out' else 'Inclusive'}</td></tr>"
                         for x in p["subservices"]) + "</tbody></table>")
    carve = [x for x in p["subservices"] if x["method"] == "carve_out"]
    incl = [x for x in p["subservices"] if x["method"] == "inclusive"]
    if incl:
        T(f"The controls of {' and '.join(esc(x['name']) for x in incl)} relevant to the applicable criteria are included in this "
          f"description and in {sec(p, 4)} under the inclusive method, and were tested by the service auditor.")
    if carve:
        out.append(h(p, 3, "", "Complementary Subservice Organization Controls"))
        T(f"{short}'s controls are designed on the assumption that the following controls are operated by the carved-out "
          f"subservice organizations. {short} monitors them by reviewing each organization's SOC 2 report every year.")
        rows = []
        for x in carve:
            for t, cr in CSOCS[x["kind"]]:
                rows.append((x["name"], t, ", ".join(cr)))
        out.append("<table class=simple><thead><tr><th>Subservice organization</th><th>Complementary subservice organization control</th><th>Criteria</th></tr></thead><tbody>"
                   + "".join(f"<tr><td>{esc(a)}</td><td>{esc(b)}</td><td>{esc(c)}</td></tr>" for a, b, c in rows) + "</tbody></table>")
    # CUECs
    sub("Complementary User Entity Controls", "III-cuec", toc=True)
    T(f"{short}'s controls were designed on the assumption that user entities would operate certain controls. The controls below "
      f"are those user entities should have in place to complement {short}'s controls; the list is not a complete list of the "
      f"controls a user entity needs.")
    cuecs = [CUECS[i] for i in p["cuecs"]]
    if p["cuec_style"] == "table":
        out.append("<table class=simple><thead><tr><th>#</th><th>Complementary user entity control</th><th>Related criteria</th></tr></thead><tbody>"
                   + "".join(f"<tr><td>{i}</td><td>{esc(fill(t, p))}</td><td>{esc(', '.join(c))}</td></tr>" for i, (t, c) in enumerate(cuecs, 1))
                   + "</tbody></table>")
    else:
        out.append("<ol class=cuecs>" + "".join(f"<li>{esc(fill(t, p))} ({esc(', '.join(c))})</li>" for t, c in cuecs) + "</ol>")
    sub("Significant Changes and Incidents During the Period")
    T(p["changes"])
    return "".join(out)


def section4_intro(p):
    s = p["names"]
    out = []
    T = lambda t: out.append(P(p, t))
    out.append(h(p, 2, "", "Purpose and Objectives of the Examination"))
    T(f"This section presents the applicable trust services criteria, the controls {esc(s['short'])} has specified to meet them, the "
      f"tests the service auditor performed and the results of those tests. The criteria and controls are the responsibility of "
      f"{esc(s['short'])} management; the tests and results are the responsibility of {esc(p['auditor'])}.")
    out.append(h(p, 2, "", "Types of Tests Performed"))
    T("Tests of operating effectiveness were designed to cover a representative number of instances throughout the period and "
      "combined one or more of the following procedures:")
    out.append("<table class=simple><thead><tr><th>Procedure</th><th>Description</th></tr></thead><tbody>"
               "<tr><td>Inquiry</td><td>Questioned appropriate personnel about the performance of the control. Inquiry alone was not relied upon as sufficient evidence.</td></tr>"
               "<tr><td>Observation</td><td>Watched the control being performed or the application of the relevant setting.</td></tr>"
               "<tr><td>Inspection</td><td>Examined documents, records, system configurations and reports that evidence performance of the control.</td></tr>"
               "<tr><td>Reperformance</td><td>Independently executed the control or a portion of it to confirm it produced the expected outcome.</td></tr>"
               "</tbody></table>")
    out.append(h(p, 2, "", "Sampling"))
    T("Where a control operated many times during the period, samples were selected using professional judgement, taking into "
      "account the frequency of the control and the population size. For automated controls, a test of one instance was combined "
      "with tests of the relevant general IT controls. System-generated populations were checked for completeness and accuracy "
      "before samples were drawn.")
    out.append(h(p, 2, "", "Reporting of Results"))
    T(f"Where a test did not identify a deviation, the result is reported as \"{esc(p['no_exc'])}\" Where a deviation was "
      f"identified, the nature and extent of the deviation is described in the results column"
      + (f", and management's response is presented in {sec(p, 5)}." if p.get("section5") else "."))
    return "".join(out)


def section5(p):
    s = p["names"]
    out = []
    out.append(P(p, f"The information in this section is presented by {esc(p['co'])} to provide additional information to user "
                    f"entities. It has not been subjected to the procedures applied in the examination of the description and of the "
                    f"controls, and accordingly {esc(p['auditor'])} expresses no opinion on it."))
    out.append(h(p, 2, "", "Management's Responses to Exceptions Noted"))
    rows = []
    for c in p["_controls"]:
        ex = p["exceptions"].get(c["key"])
        if ex and ex.get("s5"):
            rows.append(f"<tr><td>{esc(c['id'] if p['id_style'] != 'cc' else ex.get('cc_id', c['crit'][0]))}</td>"
                        f"<td>{esc(ex['short'])}</td><td>{esc(ex['s5'])}</td></tr>")
    out.append("<table class=simple s5><thead><tr><th>Control</th><th>Exception noted</th><th>Management's response</th></tr></thead><tbody>"
               + "".join(rows) + "</tbody></table>")
    if p.get("s5_extra"):
        out.append(h(p, 2, "", p["s5_extra"][0]))
        for t in p["s5_extra"][1:]:
            out.append(P(p, t))
    return "".join(out)


def mapping_html(p):
    out = [h(p, 2, "", p["mapping"], "MAP", True)]
    out.append(P(p, f"The table below maps each applicable criterion to the {esc(p['names']['short'])} controls that address it. "
                    f"Control descriptions, tests and results are presented in the preceding table."))
    rows = []
    for cid in scope_criteria(p):
        ids = [c["id"] for c in p["_controls"] if cid in c["crit"]]
        rows.append(f"<tr><td>{cid}</td><td>{esc(CRITERIA[cid])}</td><td>{esc(', '.join(ids))}</td></tr>")
    out.append("<table class='simple map'><thead><tr><th>Criterion</th><th>Criterion summary</th><th>Related controls</th></tr></thead><tbody>"
               + "".join(rows) + "</tbody></table>")
    return "".join(out)


def document_html(p, css, pages_plan, toc_pages):
    p["_toc"] = []
    body = [cover(p)]
    body.append("<div class=pb></div>")
    has_toc = p.get("toc", True)
    parts = []
    parts.append(f"<section class=sec>{h(p, 1, sec(p, 1, p.get('upper_sections')), p['s1_title'], 'S1', True)}{auditor_report(p)}</section>")
    parts.append(f"<section class=sec>{h(p, 1, sec(p, 2, p.get('upper_sections')), p['s2_title'], 'S2', True)}{assertion(p)}</section>")
    parts.append(f"<section class=sec>{h(p, 1, sec(p, 3, p.get('upper_sections')), p['s3_title'], 'S3', True)}{description(p)}</section>")
    parts.append(f"<section class=sec>{h(p, 1, sec(p, 4, p.get('upper_sections')), p['s4_title'], 'S4', True)}{section4_intro(p)}</section>")
    p["_toc"].append(("", p["tables_title"], "TABLES"))
    parts.append(f"<section class=sec>{tables_html(p, pages_plan)}</section>")
    if p.get("mapping"):
        parts.append(f"<section class=sec>{mapping_html(p)}</section>")
    if p.get("section5"):
        parts.append(f"<section class=sec>{h(p, 1, sec(p, 5, p.get('upper_sections')), p['s5_title'], 'S5', True)}{section5(p)}</section>")
    if has_toc:
        body.append(toc(p, toc_pages))
    body += parts
    return (f"<!doctype html><html lang=en><head><meta charset=utf-8><title>{esc(p['co'])} SOC 2 Type II Report</title>"
            f"<style>{css}</style></head><body class='{p.get('body_class', '')}'>{''.join(body)}</body></html>")
