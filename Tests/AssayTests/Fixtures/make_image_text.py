#!/usr/bin/env python3
"""Writes image-text.pdf: one A4 page with a native text line and, below it, a greyscale picture of a
line of text (an address line rendered from our own corpus certificate), as certificates draw their
accreditation marks. Usage: make_image_text.py CROP.pgm OUT.pdf, where CROP.pgm comes from
  pdftoppm -r 300 -gray -x 300 -y 1080 -W 2000 -H 110 -f 1 -l 1 corpus/iso/harrowgate-iso27001-2022.pdf crop
"""
import sys, zlib

def read_pgm(path):
    data = open(path, "rb").read()
    parts, pos = [], 0
    while len(parts) < 4:
        while data[pos:pos + 1].isspace(): pos += 1
        start = pos
        while not data[pos:pos + 1].isspace(): pos += 1
        parts.append(data[start:pos])
    assert parts[0] == b"P5"
    width, height = int(parts[1]), int(parts[2])
    return width, height, data[pos + 1:pos + 1 + width * height]

def main(pgm, out):
    width, height, pixels = read_pgm(pgm)
    image = zlib.compress(pixels, 9)
    # The picture is 480 x 26.4 points (300 dpi pixels shown at 72 points an inch, scaled 0.96).
    content = (b"BT /F1 14 Tf 72 760 Td (Native heading of the fixture page) Tj ET\n"
               b"q 480 0 0 26.4 72 600 cm /Im1 Do Q\n")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> /XObject << /Im1 5 0 R >> >> /Contents 6 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length %d >>\nstream\n" % (width, height, len(image)) + image + b"\nendstream",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
    ]
    body, offsets = b"%PDF-1.4\n", []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(body))
        body += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(body)
    body += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    body += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    body += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    open(out, "wb").write(body)

if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
