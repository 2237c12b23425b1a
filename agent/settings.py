"""One typed settings object, read from the environment and a `.env` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

#: The repository root when running from a checkout (editable install); the data files live below it.
SOURCE_ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    """Every setting has a working default on a fresh machine (SQLite, deterministic mode)."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", populate_by_name=True
    )

    data_dir: Path = Field(
        default=Path("var"),
        validation_alias=AliasChoices("WELFARE_DATA_DIR"),
        description="Where the embedded database, the search index and logs live.",
    )
    database_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("DATABASE_URL"),
        description="SQLAlchemy URL; default SQLite in the data directory.",
    )
    rules_dir: Path = Field(
        default=SOURCE_ROOT / "data",
        validation_alias=AliasChoices("WELFARE_RULES_DIR"),
        description="The reviewable program, parameter and document files.",
    )
    llm_backend: Literal["ollama", "openai", "none"] = Field(
        default="ollama", validation_alias=AliasChoices("WELFARE_LLM_BACKEND")
    )
    ollama_host: str = Field(default="http://127.0.0.1:11434", validation_alias=AliasChoices("OLLAMA_HOST"))
    llm_model: str = Field(default="qwen3:4b", validation_alias=AliasChoices("WELFARE_LLM_MODEL"))
    embed_model: str | None = Field(
        default=None,
        validation_alias=AliasChoices("WELFARE_EMBED_MODEL"),
        description="Ollama embedding model (e.g. bge-m3) for dense retrieval; unset means lexical only.",
    )
    log_level: str = Field(default="INFO", validation_alias=AliasChoices("WELFARE_LOG_LEVEL"))
    log_format: Literal["json", "text"] = Field(
        default="json", validation_alias=AliasChoices("WELFARE_LOG_FORMAT")
    )
    host: str = Field(default="127.0.0.1", validation_alias=AliasChoices("WELFARE_HOST"))
    port: int = Field(default=8000, validation_alias=AliasChoices("WELFARE_PORT"))

    @property
    def sqlalchemy_url(self) -> str:
        """The database URL in force: `DATABASE_URL`, or SQLite inside the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'welfare.db').resolve()}"

    def ensure_data_dir(self) -> Path:
        """Create the data directory when missing and return it."""
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return self.data_dir


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings (read once; tests build their own `Settings`)."""
    return Settings()
