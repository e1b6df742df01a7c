"""The XMP metadata packet of every report PDF.

reportlab writes the Info dictionary (title, author, subject); PDF/UA and archive tools read
the XMP packet instead, so the same facts go there too, with the creation date the Info
dictionary carries. The packet does NOT claim PDF/UA conformance (no ``pdfuaid`` schema):
reportlab writes no structure tree, so the files are not tagged and the claim would be false.
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

LANGUAGE = "en-US"

_XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{language}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>{created}</xmp:CreateDate>
   <xmp:ModifyDate>{created}</xmp:ModifyDate>
   <xmp:MetadataDate>{created}</xmp:MetadataDate>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <pdf:Producer>{producer}</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


def xmp_packet(
    title: str, author: str, subject: str, creator: str, producer: str, created: str
) -> str:
    """The XMP packet (XML) with each value escaped."""
    values = {
        "title": title, "author": author, "subject": subject, "creator": creator,
        "producer": producer, "created": created, "language": LANGUAGE,
    }  # fmt: skip
    return _XMP.format(**{key: escape(value) for key, value in values.items()})


def _iso_date(doc: Any) -> str:
    """The document's time stamp (the one the Info dictionary prints) as an XMP date."""
    stamp = doc._timeStamp
    year, month, day, hour, minute, second = stamp.YMDhms
    sign = "-" if stamp.dhh < 0 or (stamp.dhh == 0 and stamp.dmm < 0) else "+"
    return (
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
        f"{sign}{abs(stamp.dhh):02d}:{abs(stamp.dmm):02d}"
    )


def attach_xmp(canvas: Any) -> None:
    """Before saving: the XMP packet, from the Info values the canvas already holds (so the
    two always agree). Language and "show the title" are set by ``page.build_pdf``."""
    from reportlab.pdfbase.pdfdoc import XMP

    doc = canvas._doc
    info = doc.info
    packet = xmp_packet(
        str(info.title or ""), str(info.author or ""), str(info.subject or ""),
        str(info.creator or ""), str(info.producer or ""), _iso_date(doc),
    )  # fmt: skip
    data = packet.encode("utf-8")  # XMP is UTF-8; the stream must not be re-encoded
    doc.Catalog.Metadata = XMP(creator=lambda _doc: data)
