"""Database engine, migrations and the seeded rule book for the application layer."""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from agent.settings import Settings
from tools.benefits.files import dataset_hash, load_dataset
from tools.benefits.seed import seed, seeded_hash
from tools.eligibility.engine import Engine as RulesEngine
from tools.eligibility.rulebook import RuleBook

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_lock = threading.Lock()


def make_engine(settings: Settings) -> Engine:
    """A SQLAlchemy engine for the configured database (SQLite in the data directory by default)."""
    url = settings.sqlalchemy_url
    if url.startswith("sqlite"):
        settings.ensure_data_dir()
        return create_engine(url, connect_args={"check_same_thread": False})
    return create_engine(url, pool_pre_ping=True)


def alembic_config(url: str) -> Config:
    """Alembic configuration pointing at the packaged migrations."""
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (no-op when current)."""
    from alembic import command

    with engine.begin() as connection:
        config = alembic_config(str(engine.url.render_as_string(hide_password=False)))
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


#: The PostgreSQL advisory lock replicas take while one of them migrates and seeds (any fixed number will do).
_MIGRATION_LOCK = 72_160_001


@contextmanager
def _replicas_lock(engine: Engine) -> Iterator[None]:
    """On PostgreSQL, one replica at a time migrates and seeds; the others wait and then find nothing to do."""
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as connection:
        connection.execute(text("select pg_advisory_lock(:key)"), {"key": _MIGRATION_LOCK})
        try:
            yield
        finally:
            connection.execute(text("select pg_advisory_unlock(:key)"), {"key": _MIGRATION_LOCK})
            connection.commit()


def prepare_database(settings: Settings, engine: Engine | None = None) -> Engine:
    """Migrate and seed the catalogue when the data files changed; return the engine."""
    engine = engine or make_engine(settings)
    with _lock, _replicas_lock(engine):
        current = current_revision(engine)
        if current != head_revision():  # alembic (slow to import) only when there is something to do
            if current is None:
                log.info(
                    "database: creating schema",
                    extra={"url": engine.url.render_as_string(hide_password=True)},
                )
            migrate(engine)
        with Session(engine) as session:
            if seeded_hash(session) != dataset_hash(settings.rules_dir):
                dataset = load_dataset(settings.rules_dir)
                if seed(session, dataset):
                    log.info("database: catalogue seeded", extra={"programs": len(dataset.programs)})
    return engine


_REVISION = re.compile(r'^revision(?::\s*str)?\s*=\s*"([^"]+)"', re.MULTILINE)
_DOWN_REVISION = re.compile(r'^down_revision(?::[^=]*)?=\s*"([^"]+)"', re.MULTILINE)


def head_revision() -> str | None:
    """The newest migration's revision, read from the migration files; None when they branch (alembic then
    decides)."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        revisions.update(_REVISION.findall(source))
        parents.update(_DOWN_REVISION.findall(source))
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    """The database's migration revision; None when it has no schema yet."""
    try:
        with engine.connect() as connection:
            return connection.execute(text("select version_num from alembic_version")).scalar()
    except SQLAlchemyError:
        return None


def load_rules_engine(settings: Settings, engine: Engine | None = None) -> RulesEngine:
    """The rules engine over the database's catalogue (migrating and seeding first when needed).

    The catalogue is read once into memory; an engine created here is disposed of afterwards.
    """
    owned = engine is None
    engine = prepare_database(settings, engine)
    try:
        with Session(engine) as session:
            return RulesEngine(RuleBook.from_session(session))
    finally:
        if owned:
            engine.dispose()


def rules_version(engine: Engine) -> str:
    """A short hash of the rules data the database was seeded from ('unseeded' for an empty one)."""
    with Session(engine) as session:
        seeded = seeded_hash(session)
    return seeded[:12] if seeded else "unseeded"
