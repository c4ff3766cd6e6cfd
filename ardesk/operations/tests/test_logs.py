"""Request ids on every response and log line; JSON lines with ARDESK_LOG_FORMAT=json."""

from __future__ import annotations

import io
import json
import logging
import re
import sys

import pytest

from ardesk.operations.logs import JsonFormatter, RequestIdFilter, logging_config

pytestmark = pytest.mark.django_db


@pytest.fixture
def json_lines():
    """What the ardesk.requests logger writes as JSON lines during the test."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestIdFilter())
    logger = logging.getLogger("ardesk.requests")
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_the_callers_request_id_is_echoed_and_logged(client, json_lines):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="lb-7f3a-0042")

    assert response["X-Request-ID"] == "lb-7f3a-0042"
    [line] = json_lines()
    assert line["request_id"] == "lb-7f3a-0042"
    assert (line["level"], line["logger"], line["message"]) == ("INFO", "ardesk.requests", "GET /healthz 200")
    assert (line["method"], line["path"], line["status"]) == ("GET", "/healthz", 200)
    assert line["duration_ms"] >= 0


def test_a_request_without_a_usable_id_gets_a_new_one(client, json_lines):
    first = client.get("/healthz")["X-Request-ID"]
    forged = client.get("/healthz", HTTP_X_REQUEST_ID="x\nfake line")["X-Request-ID"]

    assert re.fullmatch(r"[0-9a-f]{32}", first) and re.fullmatch(r"[0-9a-f]{32}", forged)
    assert first != forged
    assert [line["request_id"] for line in json_lines()] == [first, forged]


def test_json_logging_is_chosen_by_the_setting():
    json_config, text_config = (
        logging_config(log_format="json", level="INFO"),
        logging_config(log_format="text", level="INFO"),
    )
    assert json_config["handlers"]["console"]["formatter"] == "json"
    assert json_config["loggers"]["ardesk.requests"]["level"] == "INFO"
    assert text_config["handlers"]["console"]["formatter"] == "text"
    assert "loggers" not in text_config


def test_an_exception_goes_into_its_line():
    try:
        raise ValueError("encrypted value cannot be read with the configured key")
    except ValueError:
        exc_info = sys.exc_info()
    record = logging.getLogger("ardesk.test").makeRecord(
        "ardesk.test", logging.ERROR, __file__, 1, "Job %s failed", ("dunning",), exc_info
    )

    line = json.loads(JsonFormatter().format(record))

    assert line["message"] == "Job dunning failed" and line["request_id"] == ""
    assert "ValueError: encrypted value cannot be read" in line["exception"]
