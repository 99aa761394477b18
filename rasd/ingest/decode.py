"""Bytes to text: BOMs, UTF-8, UTF-16, and Windows-1256 verified against its look-alikes.

The classic failure with Arabic web text is reading Windows-1256 bytes as
Windows-1252 or Latin-1 (mojibake such as "ÞÕÝ"), and short Arabic texts fool
statistical detectors (charset-normalizer calls "سوريا" in cp1256 cp932). So a
detector's guess is only accepted after checking what it decodes to, and
cp1256 wins whenever the bytes are not UTF-8 and decode to mostly Arabic.
"""

from __future__ import annotations

import codecs

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


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode ``data`` to (text, codec), the BOM removed; raise Rejected for binary or undecodable bytes."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            text = _strict(data[len(bom):], codec)
            if text is None:
                raise Rejected(f"not valid {codec.upper()} despite its byte-order mark")
            return text, codec
    if b"\x00" in data:
        found = _utf16_without_bom(data)
        if found is None:
            raise Rejected("binary file (NUL bytes)")
        return found
    text = _strict(data, "utf-8")
    if text is not None:
        if not is_texty(text):
            raise Rejected("binary file (control characters)")
        return text, "utf-8"
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
        return text, codec
    if cp1256 is not None and cp1256_share >= 0.5 and is_texty(cp1256):
        return cp1256, "cp1256"
    raise Rejected("undecodable: not UTF-8, and no single-byte encoding gives readable text")
