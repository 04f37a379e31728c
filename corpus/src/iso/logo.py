"""Draw the accreditation logo used by one certificate: shapes only, no letters or digits.
Usage: logo.py OUT.png"""
import math
import struct
import sys
import zlib

N = 192


def pixel(x, y):
    cx = cy = N / 2
    r = math.hypot(x - cx, y - cy)
    if 80 <= r <= 92:
        return (20, 52, 110)                       # outer ring
    if 72 <= r < 76:
        return (20, 52, 110)                       # thin inner ring
    # five small diamonds on an arc at the top
    for k in range(5):
        a = math.radians(210 + k * 30)
        dx, dy = cx + 58 * math.cos(a), cy + 58 * math.sin(a)
        if abs(x - dx) + abs(y - dy) < 7:
            return (190, 150, 30)
    # a check mark: two thick segments
    def seg(ax, ay, bx, by, w):
        vx, vy = bx - ax, by - ay
        t = max(0, min(1, ((x - ax) * vx + (y - ay) * vy) / (vx * vx + vy * vy)))
        return math.hypot(x - (ax + t * vx), y - (ay + t * vy)) < w
    if seg(58, 104, 84, 130, 9) or seg(84, 130, 138, 74, 9):
        return (30, 120, 60)
    # three horizontal bars below
    for i, yy in enumerate((146, 154)):
        if abs(y - yy) < 2.5 and abs(x - cx) < 34 - 8 * i:
            return (20, 52, 110)
    return (255, 255, 255)


def main():
    raw = b""
    for y in range(N):
        raw += b"\x00" + b"".join(bytes(pixel(x, y)) for x in range(N))

    def chunk(t, d):
        c = struct.pack(">I", len(d)) + t + d
        return c + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
    png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", N, N, 8, 2, 0, 0, 0))
           + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))
    with open(sys.argv[1], "wb") as f:
        f.write(png)


if __name__ == "__main__":
    main()
