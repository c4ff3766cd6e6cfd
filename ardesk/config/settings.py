"""Django settings for ARdesk.

Everything that differs between installations comes from the environment (documented in the
README). Without any environment the product runs on SQLite in a data directory, with secrets
generated into that directory on first start.
"""

from __future__ import annotations

import os
from importlib.util import find_spec
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from ardesk.config.paths import data_dir, secret_from_env_or_file
from ardesk.operations.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = data_dir()
# Django Ninja's Swagger UI page and files, served from here (not from a CDN: see config/api.py's
# LocalSwagger). Ninja is no installed app: as one, its package and pydantic were imported by every
# command at start-up (a sixth of a second), though only the web process serves the API.
NINJA_DIR = Path(find_spec("ninja").origin).parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [part.strip() for part in os.environ.get(name, default).split(",") if part.strip()]


SECRET_KEY = secret_from_env_or_file("SECRET_KEY", DATA_DIR / "secret_key", kind="django")
ARDESK_ENCRYPTION_KEY = secret_from_env_or_file("ARDESK_ENCRYPTION_KEY", DATA_DIR / "encryption_key", kind="fernet")
DEBUG = env_bool("ARDESK_DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    "django.contrib.admin.apps.SimpleAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",
    "ardesk.core",
    "ardesk.audit",
    "ardesk.companies",
    "ardesk.accounts",
    "ardesk.customers",
    "ardesk.ledger",
    "ardesk.reports",
    "ardesk.collections",
    "ardesk.provisioning",
    "ardesk.credit",
    "ardesk.insights",
    "ardesk.banking",
    "ardesk.relations",
    "ardesk.risk",
    "ardesk.budgets",
    "ardesk.closing",
    "ardesk.portal",
    "ardesk.operations",
    "ardesk.guide",
    "ardesk.demo",
    "ardesk.config",  # the `serve` command: the WSGI application and the in-process schedule
]

MIDDLEWARE = [
    "ardesk.operations.middleware.RequestIdMiddleware",
    "ardesk.operations.middleware.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "ardesk.core.web.SecurityHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "ardesk.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "ardesk.audit.middleware.RequestContextMiddleware",
    "ardesk.core.web.ApplicationErrorMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ardesk.config.urls"
WSGI_APPLICATION = "ardesk.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates", NINJA_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "ardesk.accounts.context_processors.navigation",
                "ardesk.risk.context_processors.unread_alerts",
                "ardesk.guide.context_processors.help_button",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{DATA_DIR / 'ardesk.sqlite3'}",
        conn_max_age=int(os.environ.get("ARDESK_DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers go on while one writer commits; IMMEDIATE takes the write lock at the start
    # of a transaction, so two writers queue instead of failing half-way with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "ardesk.accounts.passwords.CharacterClassValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lock-out after repeated failed logins (django-axes): five failures for one user name from one
# address lock that pair for 30 minutes; an administrator can unlock earlier.
AXES_FAILURE_LIMIT = int(os.environ.get("ARDESK_LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = float(os.environ.get("ARDESK_LOGIN_COOLOFF_HOURS", "0.5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
SESSION_COOKIE_SECURE = env_bool("ARDESK_SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", _("Simplified Chinese")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = os.environ.get("ARDESK_TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True
USE_THOUSAND_SEPARATOR = True
FORMAT_MODULE_PATH = ["ardesk.formats"]

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static", NINJA_DIR / "static"]
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)
MEDIA_ROOT = Path(os.environ.get("ARDESK_MEDIA_DIR", DATA_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
ARDESK_TOKEN_DAYS = int(os.environ.get("ARDESK_TOKEN_DAYS", "90"))
ARDESK_API_DOCS_PUBLIC = env_bool("ARDESK_API_DOCS_PUBLIC")
ARDESK_ATTACHMENT_MAX_BYTES = int(os.environ.get("ARDESK_ATTACHMENT_MAX_BYTES", str(10 * 1024 * 1024)))

# Every e-mail passes the guide's backend, which sends none from a training installation and hands
# the others to EMAIL_BACKEND (a file per e-mail in the outbox folder unless set).
EMAIL_BACKEND = "ardesk.guide.mail.TrainingAwareBackend"
ARDESK_EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.filebased.EmailBackend")
EMAIL_FILE_PATH = DATA_DIR / "outbox"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "ardesk@localhost")
# The address customers reach ARdesk at, for the personal links sent to them (survey invitations).
ARDESK_PUBLIC_URL = os.environ.get("ARDESK_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")

# Background jobs: without a broker they run in-process, at once; with CELERY_BROKER_URL
# (Redis in production) they go to the workers.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TIMEZONE = TIME_ZONE
# A job whose worker dies mid-way is not lost: the message is acknowledged only once the job ends,
# and a worker process killed under it hands it back to the queue at once (the prefork pool
# notices). A whole worker host lost is redelivered after the visibility timeout. Every job is
# written to run again safely: imports are one transaction, deliveries skip what was sent.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": int(os.environ.get("ARDESK_JOB_VISIBILITY_SECONDS", "3600"))}
# Scheduled jobs, each safe to run again: `celery beat` runs them with a broker; without one,
# `ardesk serve` runs them in a thread of the web process every ARDESK_SCHEDULE_SECONDS.
CELERY_BEAT_SCHEDULE = {
    "month-end-aging-snapshots": {"task": "reports.month_end_snapshots", "schedule": 6 * 3600},
    "ledger-daily-totals-compact": {"task": "ledger.daily_totals_compact", "schedule": 3600},
    # Today's aging per customer (reports.kept): the first run of a day, and after any posting.
    "kept-aging-refresh": {"task": "reports.kept_aging_refresh", "schedule": 3600},
    "credit-reviews-due": {"task": "credit.reviews_schedule", "schedule": 6 * 3600},
    # Promises kept or broken, the day's dunning run per company (once a day), failed e-mails again.
    "collections-daily": {"task": "collections.daily", "schedule": 3600},
    "relations-daily": {"task": "relations.daily", "schedule": 3600},
    # The monthly statement runs whose day has come, reminders and tasks for unanswered statements.
    "portal-daily": {"task": "portal.daily", "schedule": 3600},
    # The day's risk scan per company (once a day), immediate e-mails for high severity, daily digests.
    "risk-daily": {"task": "risk.daily", "schedule": 3600},
    # /readyz checks the scheduler ran within ARDESK_HEARTBEAT_MAX_SECONDS (two passes by default).
    "operations-heartbeat": {"task": "operations.heartbeat", "schedule": 60},
    # Once a day into ARDESK_BACKUP_DIR, keeping the newest ARDESK_BACKUP_KEEP; off without the folder.
    "operations-backup-daily": {"task": "operations.backup_daily", "schedule": 3600},
    # Pay-date models: retrained once a week per company, open items predicted again each day.
    "insights-daily": {"task": "insights.daily", "schedule": 6 * 3600},
}
ARDESK_SCHEDULE_SECONDS = int(os.environ.get("ARDESK_SCHEDULE_SECONDS", "3600"))
ARDESK_HEARTBEAT_MAX_SECONDS = int(os.environ.get("ARDESK_HEARTBEAT_MAX_SECONDS", "0"))  # 0: two passes
ARDESK_BACKUP_DIR = os.environ.get("ARDESK_BACKUP_DIR", "")
ARDESK_BACKUP_KEEP = int(os.environ.get("ARDESK_BACKUP_KEEP", "7"))
ARDESK_METRICS = env_bool("ARDESK_METRICS")
ARDESK_METRICS_TOKEN = os.environ.get("ARDESK_METRICS_TOKEN", "")

ARDESK_API_PAGE_SIZE = 50
ARDESK_LIST_PAGE_SIZE = 50
# A credit limit is a round figure: recommended limits are rounded down to this step (functional
# currency; a scorecard's "limit_step" overrides it). Approving a limit more than
# ARDESK_LIMIT_WARNING_FACTOR times the recommendation shows a warning with the customer's figures.
# Fitted pay-date models (insights): joblib files, in the data directory unless set.
ARDESK_INSIGHTS_DIR = os.environ.get("ARDESK_INSIGHTS_DIR", "")
ARDESK_INSIGHTS_RETRAIN_DAYS = int(os.environ.get("ARDESK_INSIGHTS_RETRAIN_DAYS", "7"))
ARDESK_LIMIT_STEP = os.environ.get("ARDESK_LIMIT_STEP", "10000")
ARDESK_LIMIT_WARNING_FACTOR = os.environ.get("ARDESK_LIMIT_WARNING_FACTOR", "1.5")
# Background jobs run in a thread of the web process unless a broker is set (see core.jobs);
# tests run them inline.
ARDESK_JOBS_INLINE = env_bool("ARDESK_JOBS_INLINE")
# Processes that share one long job at once without a broker (a dunning run's delivery: letters
# rendered and e-mails sent); 0: one per CPU core. With a broker, the Celery workers' concurrency.
ARDESK_WORKERS = int(os.environ.get("ARDESK_WORKERS", "0"))
if CELERY_BROKER_URL.startswith("redis"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CELERY_BROKER_URL}}

LOGGING = logging_config(
    log_format=os.environ.get("ARDESK_LOG_FORMAT", "text"), level=os.environ.get("ARDESK_LOG_LEVEL", "WARNING")
)

# Cash application (ardesk.banking, see its design.md): the confidence at which a bank receipt is
# posted without asking, and the short payments written off, as amounts in the line's currency
# ("10.00" at once, up to "100.00" with a manager's approval).
ARDESK_CASH_AUTO_THRESHOLD = os.environ.get("ARDESK_CASH_AUTO_THRESHOLD", "0.90")
ARDESK_CASH_SHORT_WITHOUT_APPROVAL = os.environ.get("ARDESK_CASH_SHORT_WITHOUT_APPROVAL", "10.00")
ARDESK_CASH_SHORT_TOLERANCE = os.environ.get("ARDESK_CASH_SHORT_TOLERANCE", "100.00")
