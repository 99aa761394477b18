"""Bytes to text: BOMs, UTF-8, UTF-16, and Windows-1256 verified against its look-alikes.

The classic failure with Arabic web text is reading Windows-1256 bytes as
Windows-1252 or Latin-1 (mojibake such as "ÞÕÝ"), and short Arabic texts fool
statistical detectors (charset-normalizer calls "سوريا" in cp1256 cp932). So a
detector's guess is only accepted after checking what it decodes to, and
cp1256 wins whenever the bytes are not UTF-8 and decode to mostly Arabic.
"""

from __future__ import annotations

import codecs
from typing import NamedTuple

import charset_normalizer

from rasd.ingest.common import Rejected

_BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Encodings of Arabic text a declared or detected charset may name.
_ARABIC_CODECS = {"cp1256", "iso8859-6", "cp720", "cp864", "mac-arabic"}
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# UTF-8 with a few invalid bytes (a truncated copy, one stray byte) stays UTF-8: at most this share of its
# characters may become U+FFFD. Real cp1256 Arabic is nearly all invalid UTF-8 (every letter a high byte).
MAX_REPLACED_SHARE = 0.01


class Decoded(NamedTuple):
    """Decoded text, the codec that read it, and how many undecodable bytes became U+FFFD."""

    text: str
    codec: str
    replaced: int = 0


def _codec(name: str | None) -> str | None:
    """The canonical codec name, or None when Python does not know it."""
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def arabic_share(text: str) -> float:
    """The share of letters that are Arabic (0 when there are no letters)."""
    letters = arabic = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            o = ord(ch)
            if 0x0600 <= o <= 0x06FF or 0x0750 <= o <= 0x077F or 0xFB50 <= o <= 0xFDFF or 0xFE70 <= o <= 0xFEFF:
                arabic += 1
    return arabic / letters if letters else 0.0


def is_texty(text: str) -> bool:
    """True unless more than 1% of characters are control characters or replacement marks."""
    if not text:
        return True
    bad = sum(1 for ch in text if (ch < " " and ch not in _ALLOWED_CONTROLS) or ch in "\x7f\ufffd\x00")
    return bad <= len(text) // 100


def _strict(data: bytes, codec: str) -> str | None:
    """``data`` decoded strictly, or None."""
    try:
        return data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without a BOM: its NULs all sit on one byte parity (ASCII's high bytes)."""
    if len(data) % 2:
        return None
    even_nul = data[0::2].count(0)
    odd_nul = data[1::2].count(0)
    if even_nul and odd_nul:
        return None
    codec = "utf-16-le" if odd_nul else "utf-16-be"
    text = _strict(data, codec)
    if text is None or "\x00" in text or not is_texty(text):
        return None
    return text, codec


def _mostly_utf8(data: bytes) -> Decoded | None:
    """UTF-8 with a few bad bytes: the text with U+FFFD in their place, or None when too many are bad."""
    text = data.decode("utf-8", errors="replace")
    replaced = text.count("\ufffd") - _strict_count(data)
    if replaced > max(1, int(len(text) * MAX_REPLACED_SHARE)):
        return None
    body = text.replace("\ufffd", "")
    bad_controls = sum(1 for ch in body if (ch < " " and ch not in _ALLOWED_CONTROLS) or ch == "\x7f")
    if bad_controls > len(body) // 100:
        return None
    return Decoded(text, "utf-8", replaced)


def _strict_count(data: bytes) -> int:
    """U+FFFD characters written as such in the bytes (EF BF BD), not produced by replacement."""
    return data.count(b"\xef\xbf\xbd")


def decode(data: bytes, declared: str | None = None) -> Decoded:
    """Decode ``data`` to (text, codec, replaced), the BOM removed; raise Rejected for binary or undecodable bytes.

    Valid UTF-8 first; then a single-byte Arabic codec when the bytes really are one (strictly decodable,
    mostly Arabic); then UTF-8 with its few bad bytes replaced and counted; else the input is rejected."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], codec)
            if text is None:
                raise Rejected(f"not valid {codec.upper()} despite its byte-order mark")
            return Decoded(text, codec)
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise Rejected("binary file (NUL bytes)")
        return Decoded(*found)
    text = _strict(data, "utf-8")
    if text is not None:
        if not is_texty(text):
            raise Rejected("binary file (control characters)")
        return Decoded(text, "utf-8")
    mostly = _mostly_utf8(data)
    if mostly is not None and arabic_share(mostly.text) >= 0.5:
        return mostly  # Arabic UTF-8 with a stray byte: cp1256 would turn every letter into mojibake
    cp1256 = _strict(data, "cp1256")
    cp1256_share = arabic_share(cp1256) if cp1256 is not None else 0.0
    candidates = [_codec(declared)]
    if candidates[0] is None or candidates[0] == "utf-8":
        best = charset_normalizer.from_bytes(data).best()
        candidates.append(_codec(best.encoding) if best is not None else None)
    for codec in candidates:
        if codec is None or codec == "utf-8":
            continue
        text = _strict(data, codec)
        if text is None or not is_texty(text):
            continue
        share = arabic_share(text)
        if cp1256 is not None and cp1256_share >= 0.5 and (codec not in _ARABIC_CODECS or share < cp1256_share):
            break  # a Western guess (or a worse Arabic one) for bytes that read as Arabic in cp1256
        if mostly is not None and codec not in _ARABIC_CODECS:
            break  # a Western guess for UTF-8 with a stray byte
        return Decoded(text, codec)
    if cp1256 is not None and cp1256_share >= 0.5 and is_texty(cp1256) and mostly is None:
        return Decoded(cp1256, "cp1256")
    if mostly is not None:
        return mostly
    raise Rejected("undecodable: not UTF-8, and no single-byte encoding gives readable text")
