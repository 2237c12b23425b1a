"""Vietnamese typed without diacritics, which many residents do on a phone: folding the marks away, and the
syllables that give such text away. Shared by language detection, intent features and retrieval.
"""

from __future__ import annotations

import unicodedata

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
