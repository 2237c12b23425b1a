"""The benefits database: migrations, seeding from the data files, SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, inspect
from sqlmodel import Session, func, select

from agent.db import load_rules_engine, make_engine, prepare_database
from agent.settings import SOURCE_ROOT, Settings
from tests.conftest import CONTRACT_PROGRAM_IDS
from tools.benefits.files import DataFileError, load_dataset
from tools.benefits.models import MedianIncome, Program, RuleParameter
from tools.benefits.seed import seed
from tools.eligibility.rulebook import MissingRuleError, RuleBook

_engines: list[Engine] = []


def request_dispose(engine: Engine) -> None:
    """Dispose of `engine` when the test ends (open pools would warn at garbage collection)."""
    _engines.append(engine)


@pytest.fixture(autouse=True)
def _dispose_engines() -> Iterator[None]:
    yield
    while _engines:
        _engines.pop().dispose()


def test_data_files_hold_every_contract_program() -> None:
    dataset = load_dataset(SOURCE_ROOT / "data")
    assert {p.id for p in dataset.programs} == CONTRACT_PROGRAM_IDS
    years = {y.year for y in dataset.median_income.years}
    assert years == {2024, 2025, 2026, 2027}


def test_migrate_and_seed(any_db_settings: Settings) -> None:
    engine = prepare_database(any_db_settings)
    request_dispose(engine)
    tables = set(inspect(engine).get_table_names())
    assert {"program", "rule_parameter", "median_income", "dataset_version", "alembic_version"} <= tables
    with Session(engine) as session:
        assert set(session.exec(select(Program.id)).all()) == CONTRACT_PROGRAM_IDS
        cell = session.get(MedianIncome, (2026, 4))
        assert cell is not None
        assert cell.amount_krw == 6494738
        c_graded = session.exec(
            select(func.count()).select_from(RuleParameter).where(RuleParameter.confidence == "C")
        )
        assert c_graded.one() > 0


def test_seeding_is_skipped_when_files_are_unchanged(any_db_settings: Settings) -> None:
    engine = prepare_database(any_db_settings)
    request_dispose(engine)
    dataset = load_dataset(any_db_settings.rules_dir)
    with Session(engine) as session:
        assert seed(session, dataset) is False
        assert seed(session, dataset, force=True) is True
        count = session.exec(select(func.count()).select_from(Program)).one()
    assert count == len(CONTRACT_PROGRAM_IDS)


def test_rulebook_from_database_equals_rulebook_from_files(any_db_settings: Settings) -> None:
    engine = load_rules_engine(any_db_settings)
    from_files = RuleBook.from_dataset(load_dataset(any_db_settings.rules_dir))
    assert engine.book._params.keys() == from_files._params.keys()
    for key, values in from_files._params.items():
        assert [v.value for v in engine.book._params[key]] == [v.value for v in values], key
    assert engine.book._median == from_files._median


def test_parameters_are_looked_up_by_date(settings: Settings) -> None:
    book = load_rules_engine(settings).book
    from datetime import date

    assert book.param("basic_pension", "standard_amount_krw", date(2026, 11, 25)).value == 349700
    assert book.param("basic_pension", "standard_amount_krw", date(2024, 3, 1)).value == 334810
    with pytest.raises(MissingRuleError):
        book.param("basic_pension", "standard_amount_krw", date(2027, 1, 1))
    eight = book.median(2026, 8)
    assert eight.amount == 9515150 + (9515150 - 8555952)
    assert eight.confidence == "C"


def _rules_with_pension(tmp_path: Path, edit: Callable[[str], str]) -> Path:
    """A rules directory holding the median income table and basic_pension.yaml changed by `edit`."""
    rules = tmp_path / "rules"
    (rules / "programs").mkdir(parents=True)
    (rules / "parameters").mkdir()
    source = SOURCE_ROOT / "data"
    (rules / "parameters" / "median_income.yaml").write_text(
        (source / "parameters" / "median_income.yaml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    text = (source / "programs" / "basic_pension.yaml").read_text(encoding="utf-8")
    (rules / "programs" / "basic_pension.yaml").write_text(edit(text), encoding="utf-8")
    return rules


def test_a_broken_data_file_is_named(tmp_path: Path) -> None:
    rules = _rules_with_pension(tmp_path, lambda text: text.replace("confidence: A", "confidence: Z", 1))
    with pytest.raises(
        DataFileError, match=r"basic_pension\.yaml: legal_basis_confidence: Input should be .A., .B. or .C."
    ):
        load_dataset(rules)


def test_sqlite_file_lives_in_the_data_directory(settings: Settings) -> None:
    engine = make_engine(settings)
    engine.dispose()
    assert str(settings.data_dir.resolve()) in str(engine.url)


def test_migrations_match_the_models(any_db_settings: Settings) -> None:
    """A model change without a migration fails here (the same check as `alembic check`)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from sqlmodel import SQLModel

    engine = prepare_database(any_db_settings)
    request_dispose(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection,
            opts={
                "include_name": lambda name, type_, _: type_ != "table" or name in SQLModel.metadata.tables
            },
        )
        diff = compare_metadata(context, SQLModel.metadata)
    assert diff == []


def test_the_head_read_from_the_files_is_alembics_head(any_db_settings: Settings) -> None:
    from alembic.script import ScriptDirectory

    from agent.db import alembic_config, current_revision, head_revision

    engine = prepare_database(any_db_settings)
    try:
        script = ScriptDirectory.from_config(alembic_config(any_db_settings.sqlalchemy_url))
        assert head_revision() == script.get_current_head()
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def test_a_database_without_a_schema_has_no_revision(settings: Settings) -> None:
    from agent.db import current_revision

    engine = make_engine(settings)
    try:
        assert current_revision(engine) is None
    finally:
        engine.dispose()


def test_every_program_reads_in_four_languages() -> None:
    """Chinese and Vietnamese text for the 19 programs (and English documents and contact), marked unreviewed
    until a person checks them; each translation lists the same documents as the Korean."""
    for program in load_dataset(SOURCE_ROOT / "data").programs:
        assert set(program.translations) == {"en", "zh", "vi"}, program.id
        for language in ("zh", "vi"):
            t = program.translations[language]
            assert all((t.name, t.summary, t.how_to_apply, t.contact)), (program.id, language)
            assert not t.reviewed, "a person's review is recorded by hand, not by a translator"
        assert program.translations["en"].contact


def _without_first_zh_document(text: str) -> str:
    head, _, translations = text.partition("\ntranslations:")
    first_zh_document = translations.split("  zh:")[1].split("documents:")[1].splitlines()[1]
    return head + "\ntranslations:" + translations.replace(first_zh_document + "\n", "", 1)


def test_a_translation_with_other_documents_is_refused(tmp_path: Path) -> None:
    rules = _rules_with_pension(tmp_path, _without_first_zh_document)
    with pytest.raises(
        DataFileError, match=r"basic_pension\.yaml: .*translations\.zh\.documents has 4 lines"
    ):
        load_dataset(rules)
