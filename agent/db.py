"""Database engine, migrations and the seeded rule book for the application layer."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, inspect, text
from sqlmodel import Session

from agent.settings import Settings
from tools.benefits.files import load_dataset
from tools.benefits.seed import seed
from tools.eligibility.engine import Engine as RulesEngine
from tools.eligibility.rulebook import RuleBook

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
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest migration (no-op when current)."""
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
        if "alembic_version" not in inspect(engine).get_table_names():
            log.info(
                "database: creating schema", extra={"url": engine.url.render_as_string(hide_password=True)}
            )
        migrate(engine)
        dataset = load_dataset(settings.rules_dir)
        with Session(engine) as session:
            if seed(session, dataset):
                log.info("database: catalogue seeded", extra={"programs": len(dataset.programs)})
    return engine


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
