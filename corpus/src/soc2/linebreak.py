"""Break paragraphs into fixed, hyphenated lines, the way a word processor with hyphenation does.

Chromium on Linux does not hyphenate automatically, and soft hyphens leave U+00AD in the PDF text
layer at every possible break. So for the report that needs hyphenated line ends we measure words
with the font's own advance widths (read from the TrueType file) and emit one justified block per
line, each ending in a real hyphen where a word was split.
"""
import re
import struct

_cache = {}


def _advances(path):
    if path in _cache:
        return _cache[path]
    data = open(path, "rb").read()
    num = struct.unpack(">H", data[4:6])[0]
    tables = {}
    for i in range(num):
        tag, _, off, length = struct.unpack(">4sIII", data[12 + 16 * i:28 + 16 * i])
        tables[tag.decode()] = (off, length)
    upem = struct.unpack(">H", data[tables["head"][0] + 18:tables["head"][0] + 20])[0]
    nhm = struct.unpack(">H", data[tables["hhea"][0] + 34:tables["hhea"][0] + 36])[0]
    hmtx = tables["hmtx"][0]
    adv = [struct.unpack(">H", data[hmtx + 4 * i:hmtx + 4 * i + 2])[0] for i in range(nhm)]
    coff = tables["cmap"][0]
    n = struct.unpack(">H", data[coff + 2:coff + 4])[0]
    cmap = {}
    for i in range(n):
        pid, eid, off = struct.unpack(">HHI", data[coff + 4 + 8 * i:coff + 12 + 8 * i])
        sub = coff + off
        if struct.unpack(">H", data[sub:sub + 2])[0] == 4 and pid in (0, 3):
            segx2 = struct.unpack(">H", data[sub + 6:sub + 8])[0]
            seg = segx2 // 2
            ends = struct.unpack(f">{seg}H", data[sub + 14:sub + 14 + segx2])
            starts = struct.unpack(f">{seg}H", data[sub + 16 + segx2:sub + 16 + 2 * segx2])
            deltas = struct.unpack(f">{seg}h", data[sub + 16 + 2 * segx2:sub + 16 + 3 * segx2])
            ro_off = sub + 16 + 3 * segx2
            ros = struct.unpack(f">{seg}H", data[ro_off:ro_off + segx2])
            for s in range(seg):
                for c in range(starts[s], min(ends[s], 0x2FFF) + 1):
                    if ros[s] == 0:
                        g = (c + deltas[s]) & 0xFFFF
                    else:
                        a = ro_off + 2 * s + ros[s] + 2 * (c - starts[s])
                        g = struct.unpack(">H", data[a:a + 2])[0]
                        if g:
                            g = (g + deltas[s]) & 0xFFFF
                    cmap[c] = g
            break
    widths = {chr(c): adv[min(g, nhm - 1)] / upem for c, g in cmap.items()}
    _cache[path] = widths
    return widths


def text_width(s, widths, size_px):
    return sum(widths.get(ch, 0.6) for ch in s) * size_px


VOWELS = set("aeiouy")


def split_points(word):
    """Candidate hyphenation points: after a vowel followed by a consonant, leaving at least 3 letters each side."""
    core = re.match(r"^([A-Za-z]+)(.*)$", word)
    if not core:
        return []
    letters, tail = core.group(1), core.group(2)
    pts = []
    for i in range(3, len(letters) - 2):
        a, b = letters[i - 1].lower(), letters[i].lower()
        if a in VOWELS and b not in VOWELS:
            pts.append(i)
        elif a not in VOWELS and b not in VOWELS and letters[i - 2].lower() in VOWELS:
            pts.append(i)
    ok = lambda p: 3 <= p <= len(letters) - 3 and any(ch.lower() in VOWELS for ch in letters[p:p + 2])
    return sorted(set(p for p in pts if ok(p)))


def break_lines(html_text, font_path, size_pt, width_px):
    """Return a list of line strings (HTML) for the paragraph."""
    widths = _advances(font_path)
    size_px = size_pt * 96 / 72
    space = widths.get(" ", 0.3) * size_px
    tokens = html_text.split(" ")
    lines, cur, cur_w = [], [], 0.0

    def vis(t):
        import html as h
        return h.unescape(re.sub(r"<[^>]+>", "", t))

    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "":
            i += 1
            continue
        w = text_width(vis(tok), widths, size_px)
        add = w + (space if cur else 0)
        if cur_w + add <= width_px:
            cur.append(tok)
            cur_w += add
            i += 1
            continue
        # try to hyphenate a plain word
        if "<" not in tok and "&" not in tok and len(tok) >= 7:
            room = width_px - cur_w - (space if cur else 0)
            best = None
            for pt in split_points(tok):
                head = tok[:pt] + "-"
                if text_width(head, widths, size_px) <= room:
                    best = pt
            if best:
                cur.append(tok[:best] + "-")
                lines.append(" ".join(cur))
                cur, cur_w = [], 0.0
                tokens[i] = tok[best:]
                continue
        if not cur:
            cur.append(tok)
            i += 1
        lines.append(" ".join(cur))
        cur, cur_w = [], 0.0
    if cur:
        lines.append(" ".join(cur))
    return lines
