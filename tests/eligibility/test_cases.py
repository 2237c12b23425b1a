"""Eligibility cases written as YAML (`tests/eligibility/cases/*.yaml`), one pytest test per case.

A case file is a list of cases; `<program_id>.yaml` holds the cases of one program, `mixed.yaml` households
checked against several programs at once. One case:

    - name: basic_pension 단독 70세 소득인정액 = 선정기준액 (경계, 이하이므로 대상)
      as_of: 2026-11-25                # the check date (rules in force on that day)
      household: {...}                  # the contract's household JSON
      programs: [basic_pension]         # optional; default: every program of the catalogue
      note: free text                   # optional
      expect:                           # program id → what its result must say
        basic_pension:
          status: eligible              # required: eligible | ineligible | unknown
          amount_krw: 349700            # optional (null: must be null)
          amount_period: month          # optional (null: must be null)
          missing: [support_obligor]    # optional: the exact set of missing facts
          criteria: {age: true}         # optional: criterion name → true / false / null (a subset)
          unconfirmed: false            # optional: whether the result lists unconfirmed (C) figures

A malformed file or case does not stop the others: it becomes a failing test whose message names the
file and the case.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from tools.eligibility.engine import Engine
from tools.eligibility.household import HouseholdInputError, parse_household
from tools.eligibility.result import EligibilityResult

CASES_DIR = Path(__file__).resolve().parent / "cases"
MIXED = "mixed"
MIN_CASES = 80
MIN_CASES_PER_PROGRAM = 3
CASE_KEYS = ("name", "as_of", "household", "programs", "note", "expect")
REQUIRED_CASE_KEYS = ("name", "as_of", "household", "expect")
EXPECT_KEYS = ("status", "amount_krw", "amount_period", "missing", "criteria", "unconfirmed")
STATUSES = ("eligible", "ineligible", "unknown")
PERIODS = ("month", "year", "once", "quarter")


class CaseFormatError(ValueError):
    """A case is malformed; the message says what is wrong."""


class _UniqueKeyLoader(yaml.SafeLoader):
    """YAML's safe loader, refusing a key given twice in one mapping (otherwise the last one silently wins)."""


def _mapping_without_duplicates(loader: yaml.SafeLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    loader.flatten_mapping(node)
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=True)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_without_duplicates)


@dataclass(frozen=True, eq=False)
class Case:
    """One valid case of a case file."""

    file: str
    number: int
    name: str
    as_of: date
    household: dict[str, Any]
    programs: tuple[str, ...] | None
    expect: dict[str, dict[str, Any]]

    @property
    def case_id(self) -> str:
        """The pytest id: the case's name."""
        return self.name

    @property
    def where(self) -> str:
        """The file and the case, for messages."""
        return f"{self.file}, case #{self.number} {self.name!r}"


@dataclass(frozen=True, eq=False)
class BrokenCase:
    """A malformed file or case: collected as a test that fails with `message`."""

    file: str
    label: str
    message: str

    @property
    def case_id(self) -> str:
        """The pytest id: file and case, marked malformed."""
        return f"{self.file}: {self.label} (malformed)"


def _json_value(value: Any) -> Any:
    """YAML turns ISO dates into date objects; the household contract is JSON, where they are strings."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not a JSON value")


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        raise CaseFormatError(f"as_of must be a date (YYYY-MM-DD), got a date and time {value!r}")
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise CaseFormatError(f"as_of must be a date (YYYY-MM-DD), got {value!r}")


def _program_ids(value: Any, what: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(p, str) and p for p in value):
        raise CaseFormatError(f"{what} must be a non-empty list of program ids, got {value!r}")
    if len(set(value)) != len(value):
        raise CaseFormatError(f"{what} names a program twice: {value!r}")
    return tuple(value)


def _expectation(program: str, raw: Any) -> dict[str, Any]:
    where = f"expect.{program}"
    if not isinstance(raw, dict):
        raise CaseFormatError(f"{where} must be a mapping with at least 'status', got {raw!r}")
    unknown = sorted(str(k) for k in raw if k not in EXPECT_KEYS)
    if unknown:
        raise CaseFormatError(f"{where}: unknown key(s) {unknown} (allowed: {', '.join(EXPECT_KEYS)})")
    if raw.get("status") not in STATUSES:
        raise CaseFormatError(
            f"{where}.status must be one of {', '.join(STATUSES)}, got {raw.get('status')!r}"
        )
    if "amount_krw" in raw:
        amount = raw["amount_krw"]
        if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int) or amount < 0):
            raise CaseFormatError(
                f"{where}.amount_krw must be a whole number of won or null, got {amount!r} "
                "(write 349700 or 349_700, not 349,700)"
            )
    if "amount_period" in raw and raw["amount_period"] is not None and raw["amount_period"] not in PERIODS:
        raise CaseFormatError(
            f"{where}.amount_period must be one of {', '.join(PERIODS)} or null, got {raw['amount_period']!r}"
        )
    if "missing" in raw:
        missing = raw["missing"]
        if not isinstance(missing, list) or not all(isinstance(m, str) for m in missing):
            raise CaseFormatError(f"{where}.missing must be a list of fact names, got {missing!r}")
    if "criteria" in raw:
        criteria = raw["criteria"]
        if (
            not isinstance(criteria, dict)
            or not criteria
            or not all(isinstance(k, str) and (v is None or isinstance(v, bool)) for k, v in criteria.items())
        ):
            raise CaseFormatError(
                f"{where}.criteria must map criterion names to true, false or null, got {criteria!r}"
            )
    if "unconfirmed" in raw and not isinstance(raw["unconfirmed"], bool):
        raise CaseFormatError(f"{where}.unconfirmed must be true or false, got {raw['unconfirmed']!r}")
    return dict(raw)


def parse_case(file: str, number: int, raw: Any) -> Case:
    """Validate one case of `file`; raise `CaseFormatError` naming the file and the case."""
    name = raw.get("name") if isinstance(raw, dict) else None
    label = f"{file}, case #{number}" + (f" {name!r}" if isinstance(name, str) else "")
    try:
        if not isinstance(raw, dict):
            raise CaseFormatError(f"a case must be a mapping with {', '.join(REQUIRED_CASE_KEYS)}")
        unknown = sorted(str(k) for k in raw if k not in CASE_KEYS)
        if unknown:
            raise CaseFormatError(f"unknown key(s) {unknown} (allowed: {', '.join(CASE_KEYS)})")
        absent = [k for k in REQUIRED_CASE_KEYS if k not in raw]
        if absent:
            raise CaseFormatError(f"missing key(s) {absent}")
        if not isinstance(name, str) or not name.strip():
            raise CaseFormatError(f"name must be a non-empty text, got {name!r}")
        as_of = _as_date(raw["as_of"])
        if "note" in raw and not isinstance(raw["note"], str):
            raise CaseFormatError(f"note must be text, got {raw['note']!r}")
        if not isinstance(raw["household"], dict):
            raise CaseFormatError(
                f"household must be a mapping (the contract's JSON), got {raw['household']!r}"
            )
        try:
            household = json.loads(json.dumps(raw["household"], default=_json_value, ensure_ascii=False))
        except TypeError as exc:
            raise CaseFormatError(f"household is not JSON: {exc}") from None
        if "as_of" in household and household["as_of"] != as_of.isoformat():
            raise CaseFormatError(
                f"household.as_of {household['as_of']!r} disagrees with the case's as_of {as_of.isoformat()}"
            )
        programs = _program_ids(raw["programs"], "programs") if raw.get("programs") is not None else None
        expect_raw = raw["expect"]
        if not isinstance(expect_raw, dict) or not expect_raw:
            raise CaseFormatError("expect must map at least one program id to its expected result")
        _program_ids(list(expect_raw), "expect")
        expect = {str(pid): _expectation(str(pid), value) for pid, value in expect_raw.items()}
        if programs is not None:
            unchecked = [p for p in expect if p not in programs]
            if unchecked:
                raise CaseFormatError(f"expect names program(s) {unchecked} that 'programs' does not check")
    except CaseFormatError as exc:
        raise CaseFormatError(f"{label}: {exc}") from None
    return Case(file, number, name.strip(), as_of, household, programs, expect)


def load_case_file(path: Path) -> list[Case | BrokenCase]:
    """Every case of one file; a malformed file or case becomes a `BrokenCase`."""
    try:
        raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeyLoader)
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        return [BrokenCase(path.name, "file", f"{path.name}: not a readable YAML file: {exc}")]
    if not isinstance(raw, list) or not raw:
        return [BrokenCase(path.name, "file", f"{path.name}: must be a non-empty list of cases")]
    cases: list[Case | BrokenCase] = []
    for number, entry in enumerate(raw, start=1):
        try:
            cases.append(parse_case(path.name, number, entry))
        except CaseFormatError as exc:
            name = entry.get("name") if isinstance(entry, dict) else None
            label = f"case #{number}" + (f" {name}" if isinstance(name, str) else "")
            cases.append(BrokenCase(path.name, label, str(exc)))
    return cases


def load_cases(directory: Path = CASES_DIR) -> list[Case | BrokenCase]:
    """Every case of every `*.yaml` file in `directory`, files in name order."""
    cases: list[Case | BrokenCase] = []
    for path in sorted(directory.glob("*.y*ml")):
        cases.extend(load_case_file(path))
    return cases


ALL_CASES = load_cases()
VALID_CASES = [c for c in ALL_CASES if isinstance(c, Case)]


# Comparison ----------------------------------------------------------------------------------------------
def compare(expected: dict[str, Any], result: EligibilityResult) -> list[str]:
    """What differs between an expectation and the engine's result (empty when they agree)."""
    pid = result.program_id
    problems: list[str] = []
    if result.status != expected["status"]:
        problems.append(f"{pid}: status expected {expected['status']}, engine says {result.status}")
    if "amount_krw" in expected and result.amount_krw != expected["amount_krw"]:
        problems.append(
            f"{pid}: amount_krw expected {expected['amount_krw']}, engine says {result.amount_krw}"
        )
    if "amount_period" in expected and result.amount_period != expected["amount_period"]:
        problems.append(
            f"{pid}: amount_period expected {expected['amount_period']}, engine says {result.amount_period}"
        )
    if "missing" in expected and set(result.missing) != set(expected["missing"]):
        problems.append(
            f"{pid}: missing expected {sorted(expected['missing'])}, engine says {sorted(result.missing)}"
        )
    if "criteria" in expected:
        decided = {c.name: c.passed for c in result.criteria}
        for name, passed in expected["criteria"].items():
            if name not in decided:
                problems.append(f"{pid}: criterion {name!r} expected {passed}, engine did not evaluate it")
            elif decided[name] is not passed:
                problems.append(f"{pid}: criterion {name!r} expected {passed}, engine says {decided[name]}")
    if "unconfirmed" in expected and bool(result.unconfirmed) != expected["unconfirmed"]:
        problems.append(
            f"{pid}: unconfirmed expected {expected['unconfirmed']}, engine lists {result.unconfirmed or 'none'}"
        )
    return problems


def describe(result: EligibilityResult) -> str:
    """The engine's result, in the words a policy officer reads."""
    lines = [
        f"  {result.program_id}: {result.status}, amount {result.amount_krw} ({result.amount_period}), "
        f"missing {result.missing}"
    ]
    lines += [f"    - {c.name} = {c.passed}: {c.detail}" for c in result.criteria]
    lines += [f"    ! unconfirmed: {u}" for u in result.unconfirmed]
    return "\n".join(lines)


# Tests ---------------------------------------------------------------------------------------------------
def run_case(case: Case | BrokenCase, engine: Engine) -> None:
    """Check one case against the engine; fail with a message naming the file and the case."""
    if isinstance(case, BrokenCase):
        pytest.fail(case.message, pytrace=False)
    known = set(engine.program_ids)
    unknown = sorted({*(case.programs or ()), *case.expect} - known)
    if unknown:
        pytest.fail(f"{case.where}: unknown program id(s) {unknown}", pytrace=False)
    try:
        household = parse_household(case.household)
    except HouseholdInputError as exc:
        pytest.fail(f"{case.where}: household is not valid contract JSON: {exc}", pytrace=False)
    programs = list(case.programs) if case.programs is not None else None
    results = {r.program_id: r for r in engine.check(household, programs, case.as_of)}
    problems: list[str] = []
    shown: list[str] = []
    for pid, expected in case.expect.items():
        found = compare(expected, results[pid])
        if found:
            problems += found
            shown.append(describe(results[pid]))
    if problems:
        pytest.fail(
            f"{case.where} (as of {case.as_of.isoformat()})\n"
            + "\n".join(f"  ✗ {p}" for p in problems)
            + "\nEngine result:\n"
            + "\n".join(shown),
            pytrace=False,
        )


@pytest.mark.parametrize("case", ALL_CASES)
def test_case(case: Case | BrokenCase, case_engine: Engine) -> None:
    """The engine's result for the case's household agrees with what the case expects."""
    run_case(case, case_engine)


def test_case_files_are_well_formed() -> None:
    """Every case file parses (the per-case tests show each problem; this one lists them all)."""
    broken = [c.message for c in ALL_CASES if isinstance(c, BrokenCase)]
    assert not broken, "malformed cases:\n" + "\n".join(broken)


def test_enough_cases() -> None:
    """Issue 2: at least 80 cases in all."""
    assert len(VALID_CASES) >= MIN_CASES, f"only {len(VALID_CASES)} cases (at least {MIN_CASES} wanted)"


def test_case_names_are_unique() -> None:
    """A case's name is its test id: two cases may not share one."""
    counts = Counter(c.name for c in VALID_CASES)
    twice = {name: [c.where for c in VALID_CASES if c.name == name] for name, n in counts.items() if n > 1}
    assert not twice, f"case names used more than once: {twice}"


def test_one_case_file_per_program(case_engine: Engine) -> None:
    """`cases/<program_id>.yaml` exists for every program of the catalogue, and nothing else but `mixed.yaml`."""
    stems = {p.stem for p in CASES_DIR.glob("*.y*ml")}
    catalogue = set(case_engine.program_ids)
    assert not catalogue - stems, f"programs without a case file: {sorted(catalogue - stems)}"
    strays = stems - catalogue - {MIXED}
    assert not strays, f"case files that name no program of the catalogue: {sorted(strays)}"


def test_program_files_check_their_program() -> None:
    """Each case in `<program_id>.yaml` expects a result for that program."""
    stray = [c.where for c in VALID_CASES if Path(c.file).stem != MIXED and Path(c.file).stem not in c.expect]
    assert not stray, f"cases that do not check their file's program: {stray}"


def test_every_program_has_enough_cases(case_engine: Engine) -> None:
    """Every program of the catalogue is expected by at least three cases."""
    counts = Counter(pid for c in VALID_CASES for pid in c.expect)
    thin = {pid: counts[pid] for pid in case_engine.program_ids if counts[pid] < MIN_CASES_PER_PROGRAM}
    assert not thin, f"programs with fewer than {MIN_CASES_PER_PROGRAM} cases: {thin}"


def test_every_status_is_exercised(case_engine: Engine) -> None:
    """Across the cases, every program is seen both granted and refused, and `unknown` occurs."""
    statuses: dict[str, set[str]] = {pid: set() for pid in case_engine.program_ids}
    for case in VALID_CASES:
        for pid, expected in case.expect.items():
            statuses.setdefault(pid, set()).add(expected["status"])
    youth_rent = "youth_monthly_rent"  # never eligible: the parents' household income cannot be checked
    lacking = {
        pid: sorted(seen)
        for pid, seen in statuses.items()
        if "ineligible" not in seen or ("eligible" not in seen and pid != youth_rent)
    }
    assert not lacking, f"programs not seen both eligible and ineligible: {lacking}"
    assert any("unknown" in seen for seen in statuses.values())


# The loader itself ---------------------------------------------------------------------------------------
def test_malformed_case_names_file_and_case(tmp_path: Path) -> None:
    """A malformed case fails alone, with a message naming the file and the case; the good one still loads."""
    (tmp_path / "basic_pension.yaml").write_text(
        "- name: good\n"
        "  as_of: 2026-11-25\n"
        "  household: {members: [{relation: self, age: 70}]}\n"
        "  expect: {basic_pension: {status: unknown}}\n"
        "- name: 금액에 쉼표\n"
        "  as_of: 2026-11-25\n"
        "  household: {members: [{relation: self, age: 70}]}\n"
        "  expect: {basic_pension: {status: eligible, amount_krw: '349,700'}}\n"
        "- name: 상태 오타\n"
        "  as_of: 2026-11-25\n"
        "  household: {members: [{relation: self, age: 70}]}\n"
        "  expect: {basic_pension: {status: eligble}}\n"
        "- as_of: 2026-11-25\n"
        "  household: {members: []}\n"
        "  expect: {basic_pension: {status: eligible}}\n",
        encoding="utf-8",
    )
    loaded = load_cases(tmp_path)
    assert isinstance(loaded[0], Case)
    broken = [c for c in loaded if isinstance(c, BrokenCase)]
    assert len(broken) == 3
    assert "basic_pension.yaml, case #2 '금액에 쉼표'" in broken[0].message
    assert "amount_krw" in broken[0].message
    assert "basic_pension.yaml, case #3 '상태 오타'" in broken[1].message
    assert "status" in broken[1].message
    assert "basic_pension.yaml, case #4" in broken[2].message
    assert "name" in broken[2].message


def test_malformed_file_names_the_file(tmp_path: Path) -> None:
    """A file that is not YAML, or has a key twice, is reported by name."""
    (tmp_path / "a.yaml").write_text("- name: x\n  name: y\n", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("- [unclosed\n", encoding="utf-8")
    (tmp_path / "c.yaml").write_text("name: not a list\n", encoding="utf-8")
    loaded = load_cases(tmp_path)
    assert [type(c) for c in loaded] == [BrokenCase, BrokenCase, BrokenCase]
    messages = [c.message for c in loaded if isinstance(c, BrokenCase)]
    assert messages[0].startswith("a.yaml")
    assert "duplicate key 'name'" in messages[0]
    assert messages[1].startswith("b.yaml")
    assert messages[2].startswith("c.yaml")
    assert "list of cases" in messages[2]


def test_unknown_program_in_a_case_fails_with_its_name(case_engine: Engine) -> None:
    """A case naming a program that is not in the catalogue fails with a message naming the case."""
    case = parse_case(
        "x.yaml",
        1,
        {
            "name": "오타",
            "as_of": date(2026, 11, 25),
            "household": {"members": [{"relation": "self", "age": 70}]},
            "expect": {"basic_pensoin": {"status": "eligible"}},
        },
    )
    with pytest.raises(pytest.fail.Exception, match=r"x\.yaml, case #1 '오타': unknown program id"):
        run_case(case, case_engine)


def test_a_program_that_needs_another_first_names_it(case_engine: Engine) -> None:
    """노인맞춤돌봄 and 에너지바우처 for a household not yet receiving, whose 생계급여 is itself likely: likely
    once 생계급여 is granted (`after`), and not eligible when nothing qualifying is likely."""
    from tools.eligibility.household import parse_household

    poor = parse_household(
        {
            "members": [{"relation": "self", "age": 75}],
            "income_recognition_krw": 200000,
            "support_obligor": "none",
            "receiving": [],
        }
    )
    results = {r.program_id: r for r in case_engine.check(poor, as_of=date(2026, 11, 25))}
    assert results["livelihood_benefit"].status == "eligible"
    for pid in ("senior_customized_care", "energy_voucher"):
        assert results[pid].status == "eligible"
        assert results[pid].after == ["livelihood_benefit"]
        assert "먼저 신청" in next(c.detail for c in results[pid].criteria if c.name == "recipient_status")
    alone = case_engine.check(poor, ["energy_voucher"], date(2026, 11, 25))[0]
    assert alone.after == ["livelihood_benefit"]  # asked alone, the prerequisite is still decided
    rich = parse_household(
        {"members": [{"relation": "self", "age": 75}], "income_recognition_krw": 5_000_000, "receiving": []}
    )
    care = case_engine.check(rich, ["senior_customized_care"], date(2026, 11, 25))[0]
    assert care.status == "ineligible"
    assert care.after == []


def test_a_closed_application_window_is_its_own_reason(case_engine: Engine) -> None:
    """청년월세 after its 2026 window: ineligible for now, marked `window_closed`, and the reply says so."""
    from graphs.responder import result_block
    from tools.eligibility.household import parse_household

    youth = parse_household(
        {
            "members": [{"relation": "self", "age": 27}],
            "income": {"earned_krw": 1_000_000, "other_krw": 0},
            "assets": {"property_krw": 0, "financial_krw": 0, "debt_krw": 0},
            "housing": {"tenure": "renter", "rent_krw": 400_000},
        }
    )
    during = case_engine.check(youth, ["youth_monthly_rent"], date(2026, 4, 1))[0]
    after = case_engine.check(youth, ["youth_monthly_rent"], date(2026, 12, 4))[0]
    assert (during.status, during.window_closed) == ("unknown", False)
    assert (after.status, after.window_closed) == ("ineligible", True)
    lines = result_block(after.model_dump(mode="json"), {}, "ko", full=False)
    assert "신청 기간이 끝났어요" in lines[0]
    too_old = parse_household(
        {**youth.model_dump(mode="json", exclude_none=True), "members": [{"relation": "self", "age": 45}]}
    )
    assert case_engine.check(too_old, ["youth_monthly_rent"], date(2026, 12, 4))[0].window_closed is False
