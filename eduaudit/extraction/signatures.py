"""Evidence that a document carries an electronic signature.

Three kinds exist on school sites: a signed signature field inside the PDF (see
pdf.signature_fields), a detached signature file published beside the document
(«Положение.pdf» + «Положение.pdf.sig»), and a visible stamp that signing services draw on
the page («Документ подписан электронной подписью», certificate serial, owner, validity).
The stamp is plain text after extraction (or OCR), so it is found here by its wording.
"""

from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

_SIGNED_PHRASES = re.compile(
    r"документ\s+подписан\s+(?:усиленной\s+)?(?:квалифицированной\s+)?"
    r"(?:электронной|цифровой)\s+подпись[юи]"
    r"|подписано\s+(?:усиленной\s+)?(?:квалифицированной\s+)?(?:электронной|цифровой)\s+подпись[юи]"
    r"|сведения\s+о\s+сертификате\s+(?:эп|электронной\s+подписи)",
    re.IGNORECASE)
# A serial is 16-40 hex digits, sometimes split into groups by spaces.
_SERIAL = re.compile(
    r"(?:сертификат|серийный\s+номер)\w*[\s:№#]*((?:[0-9a-f]{2}[ ]?){8,20})(?![0-9a-zа-я])",
    re.IGNORECASE)
_OWNER = re.compile(r"владелец\s*:?\s*([^\n]{3,80}?)(?=\s+(?:действителен|сертификат|срок)|\n|$)",
                    re.IGNORECASE)
_DATE = r"\d{1,2}[./]\d{1,2}[./]\d{2,4}"
_VALIDITY = re.compile(rf"действителен\s*:?\s*с\s*({_DATE})\s*(?:г\.?\s*)?по\s*({_DATE})",
                       re.IGNORECASE)
# The stamp sits at the end of a page; its lines are short, so a look at a limited
# window keeps prose that merely mentions electronic signatures from counting.
_OWNER_WINDOW = 400


def stamp_evidence(text: str) -> list[str]:
    """Phrases of a visible signature stamp found in a document's text (empty when none).

    A stamp is recognised by its heading phrase, or by a certificate serial together with
    an owner or a validity period: either alone also appears in ordinary prose.
    """
    evidence: list[str] = []
    heading = _SIGNED_PHRASES.search(text)
    serial = _SERIAL.search(text)
    validity = _VALIDITY.search(text)
    if not heading and not (serial and validity):
        return evidence
    if heading:
        evidence.append(" ".join(heading.group(0).split()))
    anchor = heading or serial
    window = text[max(0, anchor.start() - _OWNER_WINDOW): anchor.end() + _OWNER_WINDOW]
    if serial:
        evidence.append("сертификат " + serial.group(1).replace(" ", "").upper())
    owner = _OWNER.search(window)
    if owner:
        evidence.append("владелец " + owner.group(1).strip(" :;,."))
    if validity:
        evidence.append(f"действителен с {validity.group(1)} по {validity.group(2)}")
    return evidence


_SIG_EXTENSIONS = (".sig", ".p7s", ".sgn")
# DER SEQUENCE then the OID 1.2.840.113549.1.7.2 (PKCS#7 signedData).
_SIGNED_DATA_OID = bytes.fromhex("06092a864886f70d010702")
_PEM_HEADERS = (b"-----BEGIN PKCS7-----", b"-----BEGIN CMS-----", b"-----BEGIN SIGNATURE-----")


def is_detached_signature(filename: str | None, data: bytes) -> bool:
    """True for a detached CMS/PKCS#7 signature file (.sig/.p7s/.sgn, DER, PEM or base64).

    The name alone is not enough (sites serve HTML error pages under any name), so the
    bytes must look like signedData as well.
    """
    if not filename or not data:
        return False
    path = urlsplit(filename).path if "://" in filename else filename.split("?", 1)[0]
    if not unquote(path).lower().endswith(_SIG_EXTENSIONS):
        return False
    head = data[:64]
    if head[:1] == b"\x30" and _SIGNED_DATA_OID in data[:64]:
        return True
    stripped = data.lstrip()[:64]
    if stripped.startswith(_PEM_HEADERS):
        return True
    # Base64 of DER signedData starts with "MI" (0x30 0x8x) and holds only base64 letters.
    if stripped.startswith(b"MI"):
        sample = data[:4096].strip()
        return bool(re.fullmatch(rb"[A-Za-z0-9+/=\r\n]+", sample))
    return False


def signed_document_name(signature_name: str) -> str | None:
    """The name of the document a detached signature belongs to: «a.pdf.sig» -> «a.pdf».

    None when the signature's name does not carry the document's name («a.sig» may sign
    «a.pdf» or «a.docx»: the caller matches it to a document with the same stem).
    """
    name = PurePosixPath(unquote(urlsplit(signature_name).path if "://" in signature_name
                                 else signature_name)).name
    for ext in _SIG_EXTENSIONS:
        if name.lower().endswith(ext):
            inner = name[: -len(ext)]
            return inner if PurePosixPath(inner).suffix else None
    return None
