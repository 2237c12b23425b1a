"""Build the configured `ChatBackend` from settings (no network at start-up)."""

from __future__ import annotations

from agent.llm.resilience import ResilientBackend, Timeouts, breaker_for
from agent.settings import Settings


def timeouts_from(settings: Settings) -> Timeouts:
    """The timeouts configured in `settings`."""
    return Timeouts(
        connect_s=settings.llm_connect_timeout_s,
        first_token_s=settings.llm_first_token_timeout_s,
        idle_s=settings.llm_idle_timeout_s,
        total_s=settings.llm_total_timeout_s,
    )


def make_backend(settings: Settings) -> ResilientBackend | None:
    """The model backend `WELFARE_LLM_BACKEND` names, or None for `none` (deterministic mode).

    Nothing is contacted here: an unreachable server shows up as `LLMUnavailable` on the first call (and in
    `health()`), never as a start-up failure. The circuit breaker is shared per process for the same
    backend, server and model.
    """
    if settings.llm_backend == "none":
        return None
    timeouts = timeouts_from(settings)
    if settings.llm_backend == "openai":
        from agent.llm.openai_compat import OpenAICompatBackend

        breaker = breaker_for(
            f"openai|{settings.openai_base_url}|{settings.llm_model}",
            settings.llm_breaker_failures,
            settings.llm_breaker_cooldown_s,
        )
        key = settings.openai_api_key
        return OpenAICompatBackend(
            base_url=settings.openai_base_url,
            model=settings.llm_model,
            api_key=key.get_secret_value() if key is not None else None,
            timeouts=timeouts,
            breaker=breaker,
            temperature=settings.llm_temperature,
            think=settings.llm_think,
        )
    from agent.llm.ollama import OllamaBackend  # its client library loads only when a model is configured

    breaker = breaker_for(
        f"ollama|{settings.ollama_host}|{settings.llm_model}",
        settings.llm_breaker_failures,
        settings.llm_breaker_cooldown_s,
    )
    return OllamaBackend(
        host=settings.ollama_host,
        model=settings.llm_model,
        timeouts=timeouts,
        breaker=breaker,
        keep_alive=settings.llm_keep_alive,
        temperature=settings.llm_temperature,
        think=settings.llm_think,
        num_ctx=settings.llm_num_ctx,
    )
