#!/usr/bin/env python3
"""Writes a valid PDF of about SIZE bytes: PAGES pages of text plus random (incompressible) image
streams, so that a benchmark moves real-looking bytes. Usage: makepdf.py OUT SIZE_BYTES [PAGES]"""
import os
import sys

out, size = sys.argv[1], int(sys.argv[2])
pages = int(sys.argv[3]) if len(sys.argv) > 3 else 10
objs = []  # (number, bytes)


def add(body: bytes) -> int:
    objs.append(body)
    return len(objs)


font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
per_image = max(1, (size - 4096 * pages) // pages)
kids = []
pages_no = len(objs) + 1 + 3 * pages  # reserve: each page = image, content, page
page_objs = []
for i in range(pages):
    data = os.urandom(per_image)
    img = add(b"<< /Type /XObject /Subtype /Image /Width %d /Height 1 /ColorSpace /DeviceGray "
              b"/BitsPerComponent 8 /Length %d >>\nstream\n" % (per_image, per_image) + data + b"\nendstream")
    text = ("BT /F1 18 Tf 72 760 Td (Trang %d / %d) Tj ET q 451 0 0 20 72 700 cm /Im1 Do Q" % (i + 1, pages)).encode()
    content = add(b"<< /Length %d >>\nstream\n" % len(text) + text + b"\nendstream")
    page_objs.append((img, content))
pages_obj = len(objs) + pages + 1
for img, content in page_objs:
    kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
                    b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Im1 %d 0 R >> >> >>"
                    % (pages_obj, content, font, img)))
assert add(b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids)) == pages_obj
catalog = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj)
with open(out, "wb") as f:
    f.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for n, body in enumerate(objs, 1):
        offsets.append(f.tell())
        f.write(b"%d 0 obj\n" % n + body + b"\nendobj\n")
    xref = f.tell()
    f.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for o in offsets:
        f.write(b"%010d 00000 n \n" % o)
    f.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, catalog, xref))
