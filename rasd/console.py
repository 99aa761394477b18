"""Printing untrusted text (article words, names, SQL results) to a terminal: no markup, no control codes.

Rich reads "[bold]" in a string as markup and a terminal obeys escape sequences, so every value that
comes from a document is printed as a Text with its control characters written as visible escapes.
"""

from __future__ import annotations

import re

from rich.text import Text

# C0 and C1 controls and DEL (ESC starts every terminal escape sequence); tab and newline become spaces
_CONTROL = re.compile("[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f]")


def safe(value: object) -> str:
    """A value as one printable line: control characters as \\xNN escapes, tabs and newlines as spaces."""
    text = "" if value is None else str(value)
    text = text.replace("\t", " ").replace("\n", " ")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def plain(value: object, style: str = "") -> Text:
    """A value as a rich Text that is never read as markup."""
    return Text(safe(value), style=style)
