"""Structured logs: one JSON object per line, each carrying the id of the request it belongs to.

With ARDESK_LOG_FORMAT=json a log shipper (Loki, Elasticsearch, CloudWatch) can search by request
id and fields instead of parsing text; the id comes from the proxy's X-Request-ID or is made here,
and goes back in the response so a user's report can be matched to its log lines.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import json
import logging

request_id: contextvars.ContextVar[str] = contextvars.ContextVar("ardesk_request_id", default="")

# Attributes every LogRecord has; anything else was passed with extra= and goes into the JSON.
_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime", "request_id"}


class RequestIdFilter(logging.Filter):
    """Give every record the current request's id ("" outside a request)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = request_id.get()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": dt.datetime.fromtimestamp(record.created, tz=dt.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or request_id.get(),
        }
        entry.update({key: value for key, value in vars(record).items() if key not in _STANDARD})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def logging_config(*, log_format: str, level: str) -> dict:
    """Django's LOGGING: text (the default) or JSON lines on the console, with request ids either way."""
    json_lines = log_format == "json"
    config = {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"request_id": {"()": "ardesk.operations.logs.RequestIdFilter"}},
        "formatters": {
            "json": {"()": "ardesk.operations.logs.JsonFormatter"},
            "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "filters": ["request_id"],
                "formatter": "json" if json_lines else "text",
            }
        },
        "root": {"handlers": ["console"], "level": level},
    }
    if json_lines:
        # One line per request (method, path, status, duration): the access log, in the same stream.
        config["loggers"] = {"ardesk.requests": {"level": "INFO"}}
    return config
