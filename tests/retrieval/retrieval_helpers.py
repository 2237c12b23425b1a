"""Shared helpers for the retrieval tests: sample documents, a minimal PDF writer and a fake Ollama server."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]

DOC_PENSION = """---
program_id: basic_pension
title: 기초연금
lang: ko
year: 2026
source: 기초연금법; 보건복지부고시 제2026-156호
url: https://basicpension.mohw.go.kr
booklet_names: [기초연금제도]
---
# 기초연금 (2026년)

## 대상
만 65세 이상 어르신 가운데 소득인정액이 선정기준액 이하인 분.

## 금액
2026년 기준연금액은 월 최대 349,700원입니다.
"""

BOOKLET = [
    {
        "text": "대상: 만 65세 이상이며 소득하위 70% 어르신",
        "metadata": {"id": "220-1", "source_page": 220, "사업명": "기초연금제도", "항목": "대상"},
    },
    {
        "text": "내용: 월 최대 33만 4,810원까지 지원",
        "metadata": {"id": "220-1", "source_page": 220, "사업명": "기초연금제도", "항목": "내용"},
    },
    {
        "text": "대상: 임신 중인 여성에게 철분제와 엽산제를 지원",
        "metadata": {
            "id": "300-1",
            "source_page": 300,
            "사업명": "임산부 철분제·엽산제 지원",
            "항목": "대상",
        },
    },
]


def make_pdf(lines: list[str]) -> bytes:
    """A minimal valid one-page PDF (Helvetica, ASCII text) written by hand."""
    body = "BT /F1 14 Tf 72 720 Td 18 TL " + " ".join(f"({line}) Tj T*" for line in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(body)} >>\nstream\n{body}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, obj in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


class FakeOllama:
    """A real HTTP server on 127.0.0.1 implementing POST /api/embed with a scripted embedding function."""

    def __init__(self, embed: Callable[[str], list[float]]) -> None:
        self.embed = embed
        self.requests: list[dict[str, Any]] = []
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", "0"))
                payload = json.loads(self.rfile.read(length) or b"{}")
                fake.requests.append(payload)
                if self.path != "/api/embed":
                    self._send(404, {"error": "not found"})
                    return
                inputs = payload.get("input")
                texts = [inputs] if isinstance(inputs, str) else list(inputs or [])
                self._send(200, {"model": payload.get("model"), "embeddings": [fake.embed(t) for t in texts]})

            def _send(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, format: str, *args: Any) -> None:
                del format, args

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeOllama:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)
