"""Text normalisation applied to every message before any guard looks at it.

- Invisible characters are removed: zero-width characters (U+200B–U+200F, U+2060–U+2064, U+FEFF), bidi controls
  (U+202A–U+202E, U+2066–U+2069, U+061C), Unicode tag characters (U+E0000–U+E007F), variation selectors,
  the soft hyphen, Hangul filler characters, and C0/C1 control characters other than tab and newline.
- Every other character outside Hangul is folded with NFKC: full-width digits and letters become ASCII, the
  ideographic space becomes a space. Decimal digits of any script become ASCII digits.
- Hangul (syllables and jamo, including the compatibility jamo of "ㅋㅋ" and "ㅠㅠ") is kept exactly as typed:
  NFKC would turn compatibility jamo into conjoining jamo and break every Korean pattern downstream.

`normalize_with_map` also returns, for each output character, the index of the input character it came from,
so detectors can report spans in the caller's original text.
"""

from __future__ import annotations

import unicodedata

__all__ = ["hidden_tag_text", "is_invisible", "normalize", "normalize_with_map"]

_INVISIBLE_RANGES: tuple[tuple[int, int], ...] = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x061C, 0x061C),  # Arabic letter mark (bidi)
    (0x115F, 0x1160),  # Hangul choseong / jungseong fillers
    (0x180E, 0x180E),  # Mongolian vowel separator
    (0x200B, 0x200F),  # zero-width space, ZWNJ, ZWJ, LRM, RLM
    (0x202A, 0x202E),  # bidi embeddings and overrides
    (0x2060, 0x2064),  # word joiner, invisible operators
    (0x2066, 0x2069),  # bidi isolates
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFEFF, 0xFEFF),  # zero-width no-break space (BOM)
    (0xFFA0, 0xFFA0),  # half-width Hangul filler
    (0xE0000, 0xE007F),  # Unicode tag characters
    (0xE0100, 0xE01EF),  # variation selectors supplement
)

_HANGUL_RANGES: tuple[tuple[int, int], ...] = (
    (0x1100, 0x11FF),  # conjoining jamo
    (0x3130, 0x318F),  # compatibility jamo
    (0xA960, 0xA97F),  # jamo extended A
    (0xAC00, 0xD7A3),  # syllables
    (0xD7B0, 0xD7FF),  # jamo extended B
)

_DASHES = frozenset("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")


def _in(ranges: tuple[tuple[int, int], ...], code: int) -> bool:
    return any(low <= code <= high for low, high in ranges)


def is_invisible(char: str) -> bool:
    """True for a character that `normalize` removes (invisible formatting, tags, controls)."""
    code = ord(char)
    if _in(_INVISIBLE_RANGES, code):
        return True
    if char in "\t\n":
        return False
    return unicodedata.category(char) == "Cc"


def _fold(char: str) -> str:
    code = ord(char)
    if code < 0x80:
        return char
    if _in(_HANGUL_RANGES, code):
        return char
    if char in _DASHES:
        return "-"
    if unicodedata.category(char) == "Nd":
        return str(unicodedata.decimal(char))
    if char.isspace():
        return " "
    return unicodedata.normalize("NFKC", char)


def normalize_with_map(text: str) -> tuple[str, list[int]]:
    """The normalised text and, for each of its characters, the index of the source character in `text`."""
    out: list[str] = []
    index: list[int] = []
    for position, char in enumerate(text):
        code = ord(char)
        if (
            0x20 <= code < 0x7F or 0xAC00 <= code <= 0xD7A3
        ):  # printable ASCII and Hangul syllables: as they are
            out.append(char)
            index.append(position)
            continue
        if is_invisible(char):
            continue
        folded = _fold(char)
        out.append(folded)
        index.extend([position] * len(folded))
    return "".join(out), index


def normalize(text: str) -> str:
    """`text` with invisible characters removed and full-width or other-script digits and letters folded to ASCII.

    Hangul is left untouched; Latin letters with separate combining accents (Vietnamese typed on some keyboards)
    are recomposed with NFC. Line breaks are kept; `\\r\\n` becomes `\\n`.
    """
    folded, _ = normalize_with_map(text.replace("\r\n", "\n").replace("\r", "\n"))
    return unicodedata.normalize("NFC", folded)


def hidden_tag_text(text: str) -> str:
    """The ASCII text smuggled in Unicode tag characters (U+E0020–U+E007E), which `normalize` removes.

    Tags are invisible in most renderers but read by language models, so the screener checks this payload too.
    """
    return "".join(chr(ord(char) - 0xE0000) for char in text if 0xE0020 <= ord(char) <= 0xE007E)
