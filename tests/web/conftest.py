"""What the serve tests share: a real `mixerpult serve` on a free port, and answers to serve."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml

from mixerpult.packs import load_pack

from . import cdp

ROOT = Path(__file__).resolve().parents[2]
SHIPPED_PACK = ROOT / "questions" / "sygeopfoelgning.yaml"
EXAMPLE_ANSWERS = ROOT / "examples" / "answers.da.yaml"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def listening(port: int, host: str = "127.0.0.1") -> bool:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family) as probe:
        return probe.connect_ex((host, port)) == 0


class Served:
    def __init__(self, answers: Path, *extra: str) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        command = [sys.executable, "-m", "mixerpult", "serve", "--file", str(answers)]
        command += ["--port", str(self.port), *extra]
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
        )
        end = time.monotonic() + 30
        while not listening(self.port):
            assert self.process.poll() is None, self.process.communicate()
            assert time.monotonic() < end, "the server never listened"
            time.sleep(0.05)

    def stop(self) -> tuple[str, str]:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        try:
            out, err = self.process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            out, err = self.process.communicate()
        return out.decode(), err.decode()


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    server = Served(tmp_path / "svar.yaml")
    yield server
    server.stop()


def example_answers(path: Path, **changes: Any) -> Path:
    """The example answers, made to match the shipped pack, with `changes` on top."""
    data = yaml.safe_load(EXAMPLE_ANSWERS.read_text(encoding="utf-8"))
    data["questionnaire"]["hash"] = load_pack(SHIPPED_PACK).content_hash
    data.update(changes)
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


needs_chromium = pytest.mark.skipif(
    cdp.chromium() is None and not os.environ.get("MIXERPULT_REQUIRE_BROWSER"),
    reason="no chromium here (.ci/run installs it)",
)
