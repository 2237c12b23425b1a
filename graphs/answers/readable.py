"""Booklet passages as readable sentences.

The corpus stores the booklet's table rows as template strings:
"내용의 '재가급여' 관련 정보: 구분은(는) '재가급여', 지원내용은(는) '… 15% 본인부담'입니다." A resident should read
"재가급여: … 15% 본인부담". `readable` turns a row into that (fields that only repeat the row's label, and page
numbers, dropped; a value that is a Python dict literal becomes "key: value" pairs); other passages are only
tidied (whitespace, list dashes).
"""

from __future__ import annotations

import ast
import re

_TEMPLATE = re.compile(
    r"^(?P<section>[^\n']+?)의 '(?P<label>.*?)' 관련 정보: (?P<body>.*?)\s*입니다\.?\s*$", re.S
)


def row_label(text: str) -> str | None:
    """The label of a booklet table row ("한국어교육" of "대상의 '한국어교육' 관련 정보: …"), else None."""
    found = _TEMPLATE.match(text)
    return found.group("label") if found else None


_FIELD = re.compile(r"(?:^|',\s)(?P<key>[^']{1,40}?)은\(는\) '")
#: Fields a reader never needs.
_DROP = frozenset({"페이지", "ID", "id"})
#: Keys whose value reads on its own after the label (no "key:" prefix).
_PLAIN_KEYS = frozenset(
    {"내용", "지원내용", "설명", "답변", "content", "description", "세부내용", "주요내용"}
)
_NAME_KEYS = ("기관명", "기관", "센터명", "시설명")
#: Keys naming the kind of a row ("유형 II 유형", "구분 시설급여"): said first, as the row's head.
_KIND_KEYS = frozenset({"유형", "구분", "분류", "종류"})
_PHONE_KEYS = ("연락처", "전화번호")
_SPACES = re.compile(r"[ \t]+")
#: The project documents' own confidence marks ("(확인등급 B)", "(2026년, 확인등급 A)"): for its editors, not
#: for a resident; a C grade is said as "미확인" (unconfirmed).
_GRADE = r"(?:확인등급|grade|确认等级|mức xác nhận)\s*"
_GRADE_ALONE = re.compile(rf"\s*[(（]{_GRADE}[AB][+-]?[)）]")
_GRADE_IN = re.compile(rf"[,;，；]\s*{_GRADE}[AB][+-]?(?=[);）；])")
_GRADE_FIRST = re.compile(rf"([(（]){_GRADE}[AB][+-]?[;；，,]\s*")
_GRADE_C = re.compile(r"확인등급\s*C[+-]?")
_GRADE_C_EN = re.compile(r"\bgrade\s*C[+-]?")
_GRADE_C_ZH = re.compile(r"确认等级\s*C[+-]?")
_GRADE_C_VI = re.compile(r"mức xác nhận\s*C[+-]?")
_LIST_DASH = re.compile(r"\s*\n\s*-\s*")
_SNAKE = re.compile(r"(?<=[가-힣])_(?=[가-힣])")


def fields(body: str) -> list[tuple[str, str]]:
    """The `key은(는) 'value'` pairs of a template body, in order."""
    starts = list(_FIELD.finditer(body))
    out: list[tuple[str, str]] = []
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(body)
        value = body[match.end() : end]
        if i + 1 == len(starts):
            value = value.rstrip().removesuffix("'")
        out.append((match.group("key").strip(), value.strip()))
    return out


def _value(text: str) -> str:
    """A value as prose: a dict or list literal becomes "key: value; …"."""
    text = text.strip()
    if text[:1] in "{[" and text[-1:] in "}]":
        try:
            data = ast.literal_eval(text)
        except (ValueError, SyntaxError):
            return tidy(text)
        return _prose(data)
    return tidy(text)


def _prose(data: object, *, nested: bool = False) -> str:
    """A literal's contents as prose, however nested: a table row inside a list reads "항목: 임금, 30세 미만:
    220", rows and top-level pairs are parted by "; "."""
    if isinstance(data, dict):
        sep = ", " if nested else "; "
        return sep.join(f"{k}: {_prose(v, nested=True)}" for k, v in data.items())
    if isinstance(data, list | tuple):
        return "; ".join(_prose(v, nested=True) for v in data)
    return tidy(str(data))


def tidy(text: str) -> str:
    """Whitespace collapsed, list dashes and line breaks as separators, the documents' confidence marks gone."""
    text = _GRADE_FIRST.sub(r"\1", _GRADE_IN.sub("", _GRADE_ALONE.sub("", text)))
    text = _GRADE_C.sub("미확인", text).replace("미확인, 미확인", "미확인")
    text = _GRADE_C_EN.sub("unconfirmed", text).replace("unconfirmed, unconfirmed", "unconfirmed")
    text = _GRADE_C_ZH.sub("未确认", text).replace("未确认，未确认", "未确认")
    text = _GRADE_C_VI.sub("chưa xác nhận", text).replace("chưa xác nhận, chưa xác nhận", "chưa xác nhận")
    text = _LIST_DASH.sub(" · ", text.strip())
    text = text.replace("\n", " ").lstrip("-· ").strip()
    text = _SNAKE.sub(" ", text)  # a field name of the corpus ("자동_재신청") read as words
    return _SPACES.sub(" ", text)


def readable(text: str) -> str:
    """The passage as a reader should see it."""
    match = _TEMPLATE.match(text.strip())
    if match is None:
        return tidy(text)
    label = match.group("label").strip()
    pairs = [(k, _value(v)) for k, v in fields(match.group("body")) if k not in _DROP]
    if not pairs:
        return tidy(text)
    shown = [(k, v) for k, v in pairs if v != label]
    if not shown:
        return _value(label)
    named = dict(shown)
    name = next((named[k] for k in _NAME_KEYS if k in named), None)
    phone = next((named[k] for k in _PHONE_KEYS if k in named), None)
    if (
        name and phone and len(shown) <= 3
    ):  # "기관 다누리콜센터; 연락처 1577-1366" reads "다누리콜센터 ☎1577-1366"
        where = next((named[k] for k in ("지역", "시도", "시·도명") if k in named), None)
        return f"{name} ☎{phone.lstrip('☎')}" + (f" ({where})" if where else "")
    if "질문" in dict(shown) and "답변" in dict(shown):  # a question and its answer: read as such
        qa = dict(shown)
        return f"{qa['질문']} → {qa['답변']}"
    # "상동" (as above) says nothing once the row stands alone; a field name reads as words ("수급자 유형")
    shown = [(k, v) for k, v in shown if v != "상동"] or shown
    head = "" if label == match.group("section").strip() else f"{_value(label)}: "
    if len(shown) > 1 and shown[0][0] in _KIND_KEYS:
        # "유형 II 유형; 지원내용 …" reads "II 유형: …": the row's kind heads it
        head, shown = f"{head}{shown[0][1]}: ", shown[1:]
    parts = [v if k in _PLAIN_KEYS or len(shown) == 1 else f"{tidy(k)} {v}" for k, v in shown]
    return head + "; ".join(parts)


def field_value(text: str, key: str) -> str | None:
    """One field of a template row ("문의처" of a 목록 row), if the passage is a row that has it."""
    match = _TEMPLATE.match(text.strip())
    if match is None:
        return None
    for k, v in fields(match.group("body")):
        if k == key:
            return _value(v)
    return None
