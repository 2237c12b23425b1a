"""The reviewable data files (`data/programs/*.yaml`, `data/parameters/*.yaml`) and their schema.

A program file holds the program's catalogue entry and its dated rule parameters, in the manner of
OpenFisca's `parameters/`: every value has a start date, an optional end date, a legal reference and a
confidence grade copied from `welfare-facts.md` (A, B, or C = unconfirmed).
"""

from __future__ import annotations

import hashlib
import itertools
from datetime import date
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from tools.yamlio import safe_load

Confidence = Literal["A", "B", "C"]
Level = Literal["national", "gyeonggi", "siheung"]
ParamValue = int | float | str | bool | dict[str, Any] | list[Any]
M = TypeVar("M", bound=BaseModel)


class DataFileError(ValueError):
    """A data file is malformed; the message names the file and the field."""


class DatedValue(BaseModel):
    """One value of a parameter over a period (`to` inclusive; open-ended when absent)."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    start: date = Field(alias="from")
    end: date | None = Field(default=None, alias="to")
    value: ParamValue
    reference: str
    confidence: Confidence
    note: str | None = None

    @model_validator(mode="after")
    def _period_is_ordered(self) -> DatedValue:
        if self.end is not None and self.end < self.start:
            raise ValueError(f"'to' {self.end} is before 'from' {self.start}")
        return self


class ParameterSpec(BaseModel):
    """A named rule parameter with its dated values."""

    model_config = ConfigDict(extra="forbid")

    unit: str
    description: str
    values: list[DatedValue] = Field(min_length=1)

    @model_validator(mode="after")
    def _no_overlap(self) -> ParameterSpec:
        ordered = sorted(self.values, key=lambda v: v.start)
        for before, after in itertools.pairwise(ordered):
            if before.end is None or before.end >= after.start:
                raise ValueError(f"periods overlap: {before.start} and {after.start}")
        return self


class Translation(BaseModel):
    """A program's reader-facing text in another language, beside the Korean. `reviewed` stays false until
    a person who reads both languages has checked it; English name, summary and how-to-apply live in the
    `*_en` fields, so an English block holds only documents and contact."""

    model_config = ConfigDict(extra="forbid")

    reviewed: bool = False
    name: str | None = None
    summary: str | None = None
    how_to_apply: str | None = None
    documents: list[str] = Field(default_factory=list)
    contact: str | None = None


class ProgramFile(BaseModel):
    """The catalogue entry of one program and its rule parameters."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    name_ko: str
    name_en: str
    level: Level
    agency: str
    welfare_id: str | None = None
    legal_basis: str
    legal_basis_confidence: Confidence
    summary_ko: str
    summary_en: str
    how_to_apply: str
    how_to_apply_en: str
    documents: list[str]
    contact: str
    official_url: str | None = None
    sources: list[str] = Field(min_length=1)
    parameters: dict[str, ParameterSpec] = Field(default_factory=dict)
    translations: dict[Literal["en", "zh", "vi"], Translation] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _translations_match(self) -> ProgramFile:
        for language, t in self.translations.items():
            if len(t.documents) != len(self.documents):
                raise ValueError(
                    f"translations.{language}.documents has {len(t.documents)} lines; documents has "
                    f"{len(self.documents)}"
                )
        return self


class SharedParameterFile(BaseModel):
    """A file of parameters used by several programs (e.g. the NBLS income rules)."""

    model_config = ConfigDict(extra="forbid")

    scope: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    description: str
    parameters: dict[str, ParameterSpec]


class MedianIncomeYear(BaseModel):
    """기준 중위소득 of one year, by household size (1..7), with the rule for larger households."""

    model_config = ConfigDict(extra="forbid")

    year: int
    reference: str
    by_size: dict[int, int]
    confidence: dict[int, Confidence]
    note: str | None = None


class MedianIncomeFile(BaseModel):
    """The standard median income table (`data/parameters/median_income.yaml`)."""

    model_config = ConfigDict(extra="forbid")

    description: str
    larger_households: str
    years: list[MedianIncomeYear]


class DataSet(BaseModel):
    """Everything the seed step loads, and the hash that says whether it changed."""

    programs: list[ProgramFile]
    shared: list[SharedParameterFile]
    median_income: MedianIncomeFile
    content_hash: str


def _read_yaml(path: Path) -> Any:
    try:
        return safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataFileError(f"{path}: cannot read YAML: {exc}") from exc


def _parse(model: type[M], path: Path) -> M:
    try:
        return model.model_validate(_read_yaml(path))
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(part) for part in first["loc"])
        raise DataFileError(f"{path}: {loc}: {first['msg']}") from exc


def _paths(rules_dir: Path) -> tuple[list[Path], list[Path], Path]:
    program_paths = sorted((rules_dir / "programs").glob("*.yaml"))
    shared_paths = sorted(p for p in (rules_dir / "parameters").glob("*.yaml") if p.stem != "median_income")
    if not program_paths:
        raise DataFileError(f"{rules_dir / 'programs'}: no program files found")
    return program_paths, shared_paths, rules_dir / "parameters" / "median_income.yaml"


def dataset_hash(rules_dir: Path) -> str:
    """The content hash of the data files below `rules_dir` (what `load_dataset` reports), without parsing."""
    program_paths, shared_paths, median_path = _paths(rules_dir)
    digest = hashlib.sha256()
    for path in [*program_paths, *shared_paths, median_path]:
        digest.update(path.name.encode())
        try:
            digest.update(path.read_bytes())
        except OSError as exc:
            raise DataFileError(f"{path}: cannot read: {exc}") from exc
    return digest.hexdigest()


def load_dataset(rules_dir: Path) -> DataSet:
    """Read and validate every program and parameter file below `rules_dir`."""
    program_paths, shared_paths, median_path = _paths(rules_dir)
    content_hash = dataset_hash(rules_dir)
    programs = [_parse(ProgramFile, p) for p in program_paths]
    for path, program in zip(program_paths, programs, strict=True):
        if path.stem != program.id:
            raise DataFileError(f"{path}: id '{program.id}' does not match the file name")
    return DataSet(
        programs=programs,
        shared=[_parse(SharedParameterFile, p) for p in shared_paths],
        median_income=_parse(MedianIncomeFile, median_path),
        content_hash=content_hash,
    )
