"""Passages and the loaders that make them: the booklet corpus JSON, Markdown, HTML, PDF and plain text.

A *passage* is the unit of retrieval: one booklet chunk, one `## ` section of a Markdown document, one HTML
section or one PDF page. Every passage carries what a citation needs (program, title, source, year, URL).
Loaders raise `DocumentError` with a message naming the file when it cannot be read; callers report it
and go on.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field

from tools.yamlio import safe_load

PassageKind = Literal["project", "booklet", "ingested"]

#: File suffixes `load_document` understands.
SUPPORTED_SUFFIXES = (".md", ".markdown", ".html", ".htm", ".pdf", ".json", ".txt")

# Sections longer than this are split at paragraph boundaries (BM25 favours focused passages).
_MAX_PASSAGE_CHARS = 1200
_HANGUL = re.compile(r"[\uac00-\ud7a3]")


class DocumentError(ValueError):
    """A document could not be loaded; the message names the file and the reason."""


class Passage(BaseModel):
    """One retrievable piece of text and its citation."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="Unique passage id: '<doc_id>#<n>'.")
    doc_id: str = Field(description="The document it belongs to (file or corpus record group).")
    program: str = Field(description="The program name it belongs to (booklet 사업명 or document title).")
    program_id: str | None = Field(default=None, description="Contract program id, where known.")
    title: str = Field(description="Human title of the passage, e.g. '기초연금 — 대상'.")
    section: str | None = Field(
        default=None, description="The aspect described (대상, 내용, 방법, 문의, ...)."
    )
    category: str | None = Field(
        default=None, description="The booklet's situation heading (중분류), if any."
    )
    text: str
    source: str = Field(description="Citation: booklet page, law, 고시, or the file name.")
    year: int | None = Field(default=None, description="The year the figures in the text describe.")
    url: str | None = None
    lang: str = "ko"
    kind: PassageKind = "ingested"
    page: int | None = None
    priority: float = Field(default=1.0, description="Ranking prior (navigation pages weigh less).")


def detect_lang(text: str) -> str:
    """'ko' when the text is mostly Hangul among letters, 'zh' when mostly Chinese characters, else 'en'
    (Vietnamese included: passages exist only in Korean and English)."""
    hangul = len(_HANGUL.findall(text))
    han = len(re.findall(r"[\u4e00-\u9fff]", text))
    latin = len(re.findall(r"[A-Za-zÀ-ỹ]", text))
    if hangul * 2 >= latin + han:
        return "ko"
    return "zh" if han > latin else "en"


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DocumentError(f"{path}: not UTF-8 text (byte {exc.start})") from exc


def _split_long(text: str, limit: int = _MAX_PASSAGE_CHARS) -> list[str]:
    if len(text) <= limit:
        return [text]
    parts: list[str] = []
    current = ""
    for para in re.split(r"\n\s*\n|\n(?=[-*] )", text):
        para = para.strip()
        if not para:
            continue
        if current and len(current) + len(para) + 1 > limit:
            parts.append(current)
            current = para
        else:
            current = f"{current}\n{para}" if current else para
        while len(current) > limit:  # one huge paragraph: cut at a sentence end if possible
            cut = max(current.rfind(". ", 0, limit), current.rfind("다. ", 0, limit))
            cut = cut + 1 if cut > limit // 3 else limit
            parts.append(current[:cut].strip())
            current = current[cut:].strip()
    if current:
        parts.append(current)
    return parts


def file_doc_id(path: Path, root: Path | None = None) -> str:
    """A stable document id for a file: its path relative to `root`, or a hash of its absolute path."""
    if root is not None:
        try:
            return path.resolve().relative_to(root.resolve()).as_posix()
        except ValueError:
            pass
    return "file:" + hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:16]


# ---------------------------------------------------------------------------------------------- Markdown


def parse_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """Split a YAML front matter (between '---' lines) from the body."""
    if not text.startswith("---"):
        return {}, text
    match = re.match(r"^---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|$)", text, re.DOTALL)
    if not match:
        raise ValueError("front matter is not closed by a '---' line")
    meta = safe_load(match.group(1)) or {}
    if not isinstance(meta, dict):
        raise ValueError("front matter is not a mapping")
    return meta, text[match.end() :]


def _sections(body: str) -> tuple[str | None, list[tuple[str | None, str]]]:
    """(H1 title, [(heading, text), ...]) of a Markdown body (text before any heading: heading None)."""
    title: str | None = None
    sections: list[tuple[str | None, list[str]]] = [(None, [])]
    for line in body.splitlines():
        m = re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if m and len(m.group(1)) == 1 and title is None:
            title = m.group(2)
            continue
        if m:
            sections.append((m.group(2), []))
        else:
            sections[-1][1].append(line)
    return title, [(h, "\n".join(lines).strip()) for h, lines in sections if "\n".join(lines).strip()]


def passages_from_markdown(
    text: str, *, doc_id: str, name: str, kind: PassageKind = "ingested", default_source: str | None = None
) -> list[Passage]:
    """Passages of one Markdown text (one per section), citation fields from its front matter."""
    try:
        meta, body = parse_front_matter(text)
    except (ValueError, yaml.YAMLError) as exc:
        raise DocumentError(f"{name}: bad front matter ({exc})") from exc
    h1, sections = _sections(body)
    title = str(meta.get("title") or h1 or name)
    program = str(meta.get("program") or title)
    year = meta.get("year")
    lang = str(meta.get("lang") or detect_lang(body))
    out: list[Passage] = []
    for heading, section_text in sections:
        for piece in _split_long(section_text):
            out.append(
                Passage(
                    id=f"{doc_id}#{len(out)}",
                    doc_id=doc_id,
                    program=program,
                    program_id=meta.get("program_id"),
                    title=f"{title} — {heading}" if heading else title,
                    section=heading,
                    text=piece,
                    source=str(meta.get("source") or default_source or name),
                    year=int(year) if isinstance(year, int | str) and str(year).isdigit() else None,
                    url=meta.get("url"),
                    lang=lang,
                    kind=kind,
                )
            )
    if not out:
        raise DocumentError(f"{name}: no text")
    return out


def load_markdown(path: Path, *, doc_id: str | None = None, kind: PassageKind = "ingested") -> list[Passage]:
    """Passages of a Markdown (or plain text) file."""
    return passages_from_markdown(
        _read_text(path), doc_id=doc_id or file_doc_id(path), name=path.name, kind=kind
    )


def markdown_metadata(path: Path) -> dict[str, Any]:
    """The front matter of a Markdown file ({} when absent or broken)."""
    try:
        meta, _ = parse_front_matter(_read_text(path))
    except (DocumentError, ValueError, yaml.YAMLError):
        return {}
    return meta


# -------------------------------------------------------------------------------------------------- HTML


class _HtmlText(HTMLParser):
    _SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head"})
    _BLOCK = frozenset({"p", "div", "li", "tr", "br", "section", "article", "table", "ul", "ol", "dd", "dt"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title: str | None = None
        self.sections: list[tuple[str | None, list[str]]] = [(None, [])]
        self._skip = 0
        self._in_title = False
        self._heading: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        del attrs
        if tag in self._SKIP:
            self._skip += 1
        elif tag == "title":
            self._in_title = True
        elif tag in ("h1", "h2", "h3"):
            self._heading = []
        elif tag in self._BLOCK:
            self.sections[-1][1].append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == "title":
            self._in_title = False
        elif tag in ("h1", "h2", "h3") and self._heading is not None:
            heading = " ".join("".join(self._heading).split())
            self._heading = None
            if tag == "h1" and self.title is None:
                self.title = heading
            elif heading:
                self.sections.append((heading, []))
        elif tag in self._BLOCK:
            self.sections[-1][1].append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title and self._skip <= 1:  # <title> sits inside <head>
            self.title = (self.title or "") + data.strip()
        elif self._skip:
            return
        elif self._heading is not None:
            self._heading.append(data)
        else:
            self.sections[-1][1].append(data)


def load_html(path: Path, *, doc_id: str | None = None, kind: PassageKind = "ingested") -> list[Passage]:
    """Passages of an HTML file: one per h2/h3 section (stdlib parser; scripts and styles dropped)."""
    raw = _read_text(path)
    if "<" not in raw:
        raise DocumentError(f"{path.name}: not HTML (no tags)")
    parser = _HtmlText()
    try:
        parser.feed(raw)
        parser.close()
    except Exception as exc:  # html.parser is lenient; anything it still rejects is a broken file
        raise DocumentError(f"{path.name}: cannot parse HTML ({exc})") from exc
    doc = doc_id or file_doc_id(path)
    title = parser.title or path.stem
    out: list[Passage] = []
    for heading, chunks in parser.sections:
        text = "\n".join(" ".join(line.split()) for line in "".join(chunks).splitlines())
        text = re.sub(r"\n{2,}", "\n", text).strip()
        for piece in _split_long(text) if text else []:
            out.append(
                Passage(
                    id=f"{doc}#{len(out)}",
                    doc_id=doc,
                    program=title,
                    title=f"{title} — {heading}" if heading else title,
                    section=heading,
                    text=piece,
                    source=path.name,
                    lang=detect_lang(piece),
                    kind=kind,
                )
            )
    if not out:
        raise DocumentError(f"{path.name}: no text in the HTML")
    return out


# --------------------------------------------------------------------------------------------------- PDF


def load_pdf(path: Path, *, doc_id: str | None = None, kind: PassageKind = "ingested") -> list[Passage]:
    """Passages of a PDF: one per page with text (pypdf). Scanned pages without a text layer are skipped."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PyPdfError
    except ImportError as exc:  # pragma: no cover - pypdf is a dependency, but keep the message clear
        raise DocumentError(f"{path.name}: PDF support needs the 'pypdf' package") from exc
    # pypdf logs every repair it attempts on a damaged file; the DocumentError below is the report.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    doc = doc_id or file_doc_id(path)
    try:
        reader = PdfReader(str(path), strict=False)
        info_title = (reader.metadata.title if reader.metadata else None) or path.stem
        pages = [(i + 1, page.extract_text() or "") for i, page in enumerate(reader.pages)]
    except (PyPdfError, OSError, ValueError, KeyError, TypeError) as exc:
        raise DocumentError(f"{path.name}: cannot read PDF ({type(exc).__name__}: {exc})") from exc
    out: list[Passage] = []
    for number, page_text in pages:
        text = "\n".join(" ".join(line.split()) for line in page_text.splitlines() if line.strip())
        for piece in _split_long(text) if text else []:
            out.append(
                Passage(
                    id=f"{doc}#{len(out)}",
                    doc_id=doc,
                    program=str(info_title),
                    title=f"{info_title} (p.{number})",
                    text=piece,
                    source=f"{path.name} p.{number}",
                    lang=detect_lang(piece),
                    kind=kind,
                    page=number,
                )
            )
    if not out:
        raise DocumentError(f"{path.name}: no extractable text in the PDF")
    return out


# --------------------------------------------------------------------------------------- corpus JSON


class CorpusInfo(BaseModel):
    """`corpus.yaml` next to a corpus JSON file: how to cite it."""

    model_config = ConfigDict(extra="ignore")

    title: str
    year: int | None = None
    publisher: str | None = None
    url: str | None = None
    low_priority_programs: list[str] = Field(default_factory=list)
    low_priority_weight: float = 0.3


def load_corpus_info(path: Path) -> CorpusInfo | None:
    """The `corpus.yaml` beside a corpus JSON file, if any."""
    info = path.with_name("corpus.yaml")
    if not info.is_file():
        return None
    try:
        return CorpusInfo.model_validate(safe_load(info.read_text(encoding="utf-8")))
    except (yaml.YAMLError, ValueError) as exc:
        raise DocumentError(f"{info}: {exc}") from exc


def load_corpus_json(
    path: Path, *, doc_prefix: str | None = None, kind: PassageKind = "ingested"
) -> list[Passage]:
    """Passages of a corpus file: a JSON list of `{"text": ..., "metadata": {...}}` records.

    Metadata keys used: 사업명 (program), 항목 (section), 중분류 (category), source_page, id; optional
    `program_id`, `source`, `year`, `url`. Citation defaults come from a `corpus.yaml` beside the file.
    """
    try:
        records = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:
        raise DocumentError(f"{path.name}: invalid JSON (line {exc.lineno}: {exc.msg})") from exc
    if not isinstance(records, list):
        raise DocumentError(f"{path.name}: expected a JSON list of {{text, metadata}} records")
    info = load_corpus_info(path)
    corpus_title = info.title if info else path.stem
    low = set(info.low_priority_programs) if info else set()
    prefix = doc_prefix or path.stem
    # A few booklet records lack 사업명 but name their program in a '참고_사업명' record of the same group.
    named: dict[str, str] = {}
    for rec in records:
        md = rec.get("metadata") if isinstance(rec, dict) else None
        if isinstance(md, dict) and md.get("항목") == "참고_사업명" and isinstance(rec.get("text"), str):
            named[str(md.get("id"))] = rec["text"].split(":", 1)[-1].strip()
    out: list[Passage] = []
    for n, rec in enumerate(records):
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            raise DocumentError(f"{path.name}: record {n} has no 'text' string")
        md = rec.get("metadata") or {}
        if not isinstance(md, dict):
            raise DocumentError(f"{path.name}: record {n} metadata is not an object")
        text = rec["text"].strip()
        if not text:
            continue
        group = str(md.get("id") or n)
        program = (
            md.get("사업명") or md.get("program") or named.get(group) or md.get("중분류") or corpus_title
        )
        section = md.get("항목") or md.get("section")
        page = md.get("source_page")
        page_no = int(page) if isinstance(page, int | str) and str(page).isdigit() else None
        year = md.get("year", info.year if info else None)
        source = md.get("source") or (f"「{corpus_title}」 {page_no}쪽" if page_no else f"「{corpus_title}」")
        out.append(
            Passage(
                id=f"{prefix}:{group}#{n}",
                doc_id=f"{prefix}:{group}",
                program=str(program),
                program_id=md.get("program_id"),
                title=f"{program} — {section}" if section else str(program),
                section=str(section) if section else None,
                category=md.get("중분류") or md.get("category"),
                text=text,
                source=str(source),
                year=int(year) if isinstance(year, int | str) and str(year).isdigit() else None,
                url=md.get("url") or (info.url if info else None),
                lang=detect_lang(text),
                kind=kind,
                page=page_no,
                priority=info.low_priority_weight if str(program) in low and info else 1.0,
            )
        )
    if not out:
        raise DocumentError(f"{path.name}: no records with text")
    return out


_GIST_LANGUAGES = {"en": "English", "zh": "Chinese", "vi": "Vietnamese"}


def gist_files(corpus_json: Path) -> list[Path]:
    """The `gists.<lang>.yaml` files beside a corpus file."""
    return sorted(p for p in corpus_json.parent.glob("gists.*.yaml") if p.suffixes[0][1:] in _GIST_LANGUAGES)


def load_corpus_gists(path: Path, *, doc_prefix: str, kind: PassageKind = "booklet") -> list[Passage]:
    """Passages of a `gists.<lang>.yaml` beside a corpus file: for each program (by its Korean 사업명), its
    name and a one- or two-sentence summary in that language, written from the corpus's own text. They let
    a question in English, Chinese or Vietnamese find the program in its own words, and give the answer a
    line she can read beside the Korean passage. Cited as the corpus, marked as an unreviewed summary."""
    lang = path.suffixes[0][1:]
    try:
        raw = safe_load(_read_text(path)) or {}
    except yaml.YAMLError as exc:
        raise DocumentError(f"{path.name}: invalid YAML ({exc})") from exc
    programs = raw.get("programs") if isinstance(raw, dict) else None
    if not isinstance(programs, dict):
        raise DocumentError(f"{path.name}: expected a 'programs' mapping")
    info = load_corpus_info(path.with_name("chunks.json"))
    title = info.title if info else doc_prefix
    state = "reviewed" if raw.get("reviewed") else "not yet reviewed"
    out: list[Passage] = []
    for n, (program, entry) in enumerate(programs.items()):
        if not isinstance(entry, dict) or not entry.get("gist"):
            raise DocumentError(f"{path.name}: '{program}' has no gist")
        name = str(entry.get("name") or program)
        out.append(
            Passage(
                id=f"{doc_prefix}:gist-{lang}#{n}",
                doc_id=f"{doc_prefix}:gist-{lang}",
                program=str(program),
                title=f"{name} ({program})",
                section="summary",
                text=f"{name}: {str(entry['gist']).strip()}",
                source=f"「{title}」 ({_GIST_LANGUAGES[lang]} summary, {state})",
                year=info.year if info else None,
                url=info.url if info else None,
                lang=lang,
                kind=kind,
            )
        )
    return out


# ------------------------------------------------------------------------------------------- dispatch


def load_document(path: Path, *, doc_id: str | None = None, kind: PassageKind = "ingested") -> list[Passage]:
    """Load any supported file by its suffix. Raises `DocumentError` for unsupported or broken files."""
    if not path.exists():
        raise DocumentError(f"{path}: no such file")
    if not path.is_file():
        raise DocumentError(f"{path}: not a file")
    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown", ".txt"):
        return load_markdown(path, doc_id=doc_id, kind=kind)
    if suffix in (".html", ".htm"):
        return load_html(path, doc_id=doc_id, kind=kind)
    if suffix == ".pdf":
        return load_pdf(path, doc_id=doc_id, kind=kind)
    if suffix == ".json":
        return load_corpus_json(path, doc_prefix=doc_id, kind=kind)
    raise DocumentError(
        f"{path.name}: unsupported file type '{suffix}' (use {', '.join(SUPPORTED_SUFFIXES)})"
    )
