#!/usr/bin/env python3
"""Writes Assay's hostile-input suite: files that must fail cleanly (or parse harmlessly), never
crash, hang or leak. Run from anywhere: python3 Tests/hostile/make.py [OUTDIR]
(default OUTDIR: Tests/AssayTests/Fixtures/hostile). Needs qpdf for the encrypted variants.

The fast files are committed and replayed by HostileInputTests in `swift test`; the large or slow
ones (--slow: 5,000 pages, 20 MB line, mutants) are written only when asked for."""
import os, random, subprocess, sys, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
args = [a for a in sys.argv[1:] if not a.startswith("--")]
SLOW = "--slow" in sys.argv
OUT = args[0] if args else os.path.join(ROOT, "Tests/AssayTests/Fixtures/hostile")
os.makedirs(OUT, exist_ok=True)


def write(name, data):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def pdf(objects, root=1):
    """A PDF from numbered object bodies, with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data, filters=b""):
    return b"<< /Length %d %s>>\nstream\n" % (len(data), filters) + data + b"\nendstream"


def page_pdf(content, extra=b""):
    return pdf([
        b"<< /Type /Catalog /Pages 2 0 R " + extra + b">>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        content,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ])


# 1. A few-KB PDF whose content stream inflates to about 1 GiB (zlib nested twice).
inner = zlib.compress(b"0 0 m " * (1 << 27), 9)
write("inflate-bomb.pdf", page_pdf(stream(zlib.compress(inner, 9), b"/Filter [/FlateDecode /FlateDecode] ")))

# 2. A page tree whose Pages node lists itself as a kid.
write("page-tree-loop.pdf", pdf([
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>",
]))

# 3. A garbage content stream: operators poppler must skip one by one.
rng = random.Random(7)
garbage = bytes(rng.randrange(256) for _ in range(120_000))
write("garbage-content.pdf", page_pdf(stream(garbage)))

# 4. A malformed AcroForm field tree that refers to itself.
write("acroform-loop.pdf", pdf([
    b"<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [4 0 R] >> >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Annots [4 0 R] >>",
    b"<< /FT /Tx /T (a) /Kids [4 0 R 5 0 R] /Parent 4 0 R /Subtype /Widget /Rect [0 0 10 10] >>",
    b"<< /FT /Tx /T (b) /Kids [4 0 R] /Parent 5 0 R >>",
]))

# 5. Text that is not text: a page drawn with glyph codes that map to private-use characters.
write("text-page.pdf", page_pdf(stream(b"BT /F1 12 Tf 72 720 Td (Assay hostile suite: a plain page of text for the encrypted variants.) Tj ET")))

# 6. HTML: external entities, a remote DTD on loopback, billion laughs, deep nesting.
write("xxe-file.html", '<?xml version="1.0"?>\n<!DOCTYPE html SYSTEM "http://127.0.0.1:9/evil.dtd" [\n'
      '<!ENTITY xxe SYSTEM "file:///etc/passwd">\n<!ENTITY % remote SYSTEM "http://127.0.0.1:9/x.dtd"> %remote;\n]>\n'
      '<html><body><p>Leak: &xxe;</p></body></html>\n')
laughs = ['<!ENTITY lol0 "lol">'] + ['<!ENTITY lol%d "%s">' % (i, "&lol%d;" % (i - 1) * 10) for i in range(1, 10)]
write("billion-laughs.html", '<?xml version="1.0"?>\n<!DOCTYPE html [\n' + "\n".join(laughs) + "\n]>\n<html><body><p>&lol9;</p></body></html>\n")
write("deep-nesting.html", "<html><body>" + "<div>" * 50_000 + "deep" + "</div>" * 50_000 + "</body></html>")
write("svg-script.html", '<html><body><svg><script>alert(1)</script><text>drawn</text></svg><p>visible</p>'
      '<img src="http://127.0.0.1:9/track.png" alt="logo"><iframe src="file:///etc/passwd"></iframe></body></html>')

# 7. Encrypted with a user password in every common scheme.
plain = os.path.join(OUT, "text-page.pdf")
for name, extra in [("rc4-40", ["40"]), ("rc4-128", ["128", "--use-aes=n"]), ("aes-128", ["128", "--use-aes=y"]), ("aes-256", ["256"])]:
    target = os.path.join(OUT, "user-password-%s.pdf" % name)
    subprocess.run(["qpdf", "--allow-weak-crypto", "--encrypt", "hostile-user", "hostile-owner"] + extra + ["--", plain, target], check=True)

# 8. Text decoding oddities: a NUL-free binary-ish text, lone surrogates in UTF-16, overlong UTF-8.
write("utf16-lone-surrogate.txt", b"\xff\xfe" + "Vendor ".encode("utf-16-le") + b"\x00\xd8" + " report\n".encode("utf-16-le"))
write("overlong-utf8.txt", b"Certificate \xc0\xaf number \xed\xa0\x80 12\n")

if SLOW:
    # A 20 MB single-line page, a 5,000-page PDF, and the corpus reports truncated at every 10%.
    write("single-line-20mb.txt", "x" * (20 * 1024 * 1024))
    kids = b" ".join(b"%d 0 R" % (3 + i) for i in range(5000))
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count 5000 >>"]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * 5000
    write("pages-5000.pdf", pdf(objects))
    source = os.path.join(ROOT, "corpus/soc2/corvane-analytics-soc2-type2-2026.pdf")
    data = open(source, "rb").read()
    for tenth in range(1, 10):
        write("truncated-%d0.pdf" % tenth, data[: len(data) * tenth // 10])
    mutants = os.path.join(OUT, "mutants")
    os.makedirs(mutants, exist_ok=True)
    corpus = [os.path.join(ROOT, "corpus/iso", f) for f in sorted(os.listdir(os.path.join(ROOT, "corpus/iso"))) if f.endswith(".pdf")]
    for index in range(1000):
        blob = bytearray(open(corpus[index % len(corpus)], "rb").read())
        for _ in range(rng.randrange(1, 20)):
            blob[rng.randrange(len(blob))] = rng.randrange(256)
        with open(os.path.join(mutants, "mutant-%04d.pdf" % index), "wb") as f:
            f.write(blob)
print("hostile suite written to", OUT)
