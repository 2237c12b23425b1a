# The API image: the agent, its rule data and documents, on Python 3.11.
FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    WELFARE_DATA_DIR=/var/lib/welfare WELFARE_CACHE_DIR=/var/lib/welfare/cache WELFARE_RULES_DIR=/app/data \
    WELFARE_HOST=0.0.0.0 WELFARE_PORT=8000
WORKDIR /app
COPY pyproject.toml requirements.lock README.md ./
COPY agent ./agent
COPY graphs ./graphs
COPY tools ./tools
COPY prompts ./prompts
COPY data ./data
RUN pip install --no-cache-dir uv \
 && uv pip install --system --no-cache --compile-bytecode -c requirements.lock -e . \
 && python -m compileall -q agent graphs tools prompts \
 && useradd --system --home /var/lib/welfare welfare && mkdir -p /var/lib/welfare && chown welfare /var/lib/welfare
USER welfare
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --retries=5 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=2)"
CMD ["sh", "-c", "welfare-agent db upgrade && exec welfare-agent serve"]
