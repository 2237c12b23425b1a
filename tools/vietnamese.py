"""Vietnamese typed without diacritics, which many residents do on a phone: folding the marks away, and the
syllables that give such text away. Shared by language detection, intent features and retrieval.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

UNMARKED_SYLLABLES = frozenset(
    {
        "toi", "minh", "em", "anh", "chi", "chu", "con", "ban", "khong", "ko", "duoc", "cua", "nhung",
        "nguoi", "chao", "cam", "bao", "nhieu", "tro", "cap", "ho", "dang", "ky", "dau", "nao", "lam", "sao",
        "giup", "muon", "biet", "hoi", "phai", "roi", "gi", "vay", "nhe", "nha", "tien", "luong", "thang",
        "ngay", "hom", "nay", "bi", "duoi", "khoi", "xin", "voi", "cho", "la", "va", "co", "di", "den", "ve",
        "lai", "qua", "rat", "mot", "hai", "sinh", "vo", "chong", "viec", "cach", "han", "quoc", "xe", "giay",
        "mang", "theo", "gui", "viet", "ngan", "nhat", "noi", "tieng", "gioi", "bang", "nau", "ngon", "gia",
        "trung", "tam", "hanh", "chinh", "phuong", "trua", "quan", "nen", "mua", "rac", "thai", "thuc",
        "pham", "buyt", "tu", "nuoi", "than", "dong", "lao", "xiu", "pho", "phieu", "huu", "don", "mung",
        "tre", "nhan", "thu", "nhap", "dinh", "nam", "tuoi", "thue", "cac", "duong", "benh", "vien", "thuoc",
        "hoc", "ung", "bau", "tat", "khuyet",
    }
)  # fmt: skip
"""Common Vietnamese syllables as typed without marks ("toi muon hoi tro cap sinh con"); few are English words."""


def fold_latin(text: str) -> str:
    """`text` with the diacritics of Latin letters removed (đ → d), other scripts untouched, so that
    Vietnamese typed without marks meets the marked forms: "trợ cấp" and "tro cap" both become "tro cap"."""
    out: list[str] = []
    for char in text:
        code = ord(char)
        if char in "đĐ":
            out.append("d" if char == "đ" else "D")
        elif 0xC0 <= code < 0x250 or 0x1E00 <= code <= 0x1EFF or 0x300 <= code < 0x370:
            out.append(
                "".join(c for c in unicodedata.normalize("NFD", char) if unicodedata.category(c) != "Mn")
            )
        else:
            out.append(char)
    return "".join(out)


def with_unmarked(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern`, also matching its Vietnamese words typed without marks ("tuổi" and "tuoi"). The text is not
    changed, so match offsets stay those of the text."""
    source = pattern.pattern
    if fold_latin(source) == source:
        return pattern
    out: list[str] = []
    in_class = escaped = False
    for char in source:  # each marked letter becomes "either form"; groups and offsets are unchanged
        plain = fold_latin(char)
        if escaped:
            out.append(char)
            escaped = False
        elif char == "\\":
            out.append(char)
            escaped = True
        elif char == "[" and not in_class:
            out.append(char)
            in_class = True
        elif char == "]" and in_class:
            out.append(char)
            in_class = False
        elif plain != char and len(plain) == 1:
            if not in_class:
                out.append(f"[{char}{plain}]")
            else:  # keep a range's ends next to its dash: "à-ỹ" becomes "aà-ỹy", not "àa-ỹy"
                out.append(f"{char}{plain}" if out and out[-1] == "-" else f"{plain}{char}")
        else:
            out.append(char)
    return re.compile("".join(out), pattern.flags)


def accept_unmarked(namespace: dict[str, Any]) -> None:
    """Make every compiled pattern in `namespace` (a module's globals, including those inside its lists, tuples
    and dicts) also match Vietnamese typed without marks."""
    for name, value in list(namespace.items()):
        if not name.startswith("__"):
            namespace[name] = _unmarked_in(value)


def _unmarked_in(value: Any) -> Any:
    if isinstance(value, re.Pattern):
        return with_unmarked(value)
    if isinstance(value, list):
        return [_unmarked_in(v) for v in value]
    if isinstance(value, tuple) and not hasattr(value, "_fields"):
        return tuple(_unmarked_in(v) for v in value)
    if isinstance(value, dict):
        return {k: _unmarked_in(v) for k, v in value.items()}
    return value


_VI_MARKS = re.compile(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]", re.IGNORECASE)
_LATIN_WORD = re.compile(r"[a-z0-9]+")


def is_vietnamese(text: str) -> bool:
    """Vietnamese marks, or mostly syllables common in unmarked Vietnamese."""
    if _VI_MARKS.search(text):
        return True
    words = _LATIN_WORD.findall(fold_latin(text.lower()))
    return bool(words) and sum(w in UNMARKED_SYLLABLES for w in words) >= 0.5 * len(words)
