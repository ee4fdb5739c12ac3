"""Settings for the film catalogue: one module, driven by a few environment variables."""

import os
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    return os.environ.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_bool("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY, or DEBUG=1 to use the development key.")
    SECRET_KEY = "development-only-key-never-use-in-production"

ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")

# The site's public address. Absolute URLs (JSON-LD, the export, the sitemaps, robots.txt) are
# made from it, never from a request's Host header, so a cached page is the same for every reader.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
if urlsplit(SITE_URL).scheme not in {"http", "https"} or not urlsplit(SITE_URL).netloc:
    raise ImproperlyConfigured(f"SITE_URL must be an http(s) address, not {SITE_URL!r}.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django_filters",
    "simple_history",
    "django_tasks_db",
    "axes",
    "catalog",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, so that they see the view's exceptions and the login's outcome first.
    "catalog.errors.DatabaseUnavailableMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# SQLite file in the repo root by default; DATABASE_URL (e.g. postgres://...) switches.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The web server and the background worker (catalog/tasks.py) share the file. In WAL mode a
    # reader never waits for a writer nor a writer for readers, and a commit costs no flush to
    # disk (synchronous=NORMAL: a power cut may lose the last commits, never corrupt the file);
    # a write takes its lock as its transaction begins, waiting for the other's (below).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        transaction_mode="IMMEDIATE",
    )


def bound_database(
    database: dj_database_url.DBConfig,
    connect_timeout: int,
    statement_timeout: int,
    lock_timeout: int,
) -> None:
    """The database's settings with its waits bounded: a database that accepts connections and
    never answers fails a request in seconds (and the page says 503) instead of hanging it."""
    options = database.setdefault("OPTIONS", {})
    if database["ENGINE"] == "django.db.backends.postgresql":
        options.setdefault("connect_timeout", connect_timeout)
        if statement_timeout:
            options["options"] = (
                f"{options.get('options', '')} -c statement_timeout={statement_timeout * 1000}"
            ).strip()
    elif database["ENGINE"] == "django.db.backends.sqlite3":
        # How long a write waits for another's lock before it fails (and the page says 503):
        # long enough to outlast one step of an import, which writes in one transaction.
        options.setdefault("timeout", lock_timeout)


# Seconds. The statement timeout is set for the site's requests (config/wsgi.py), not for the
# operator's bulk commands, whose statements over the whole catalogue may rightly run longer.
bound_database(
    DATABASES["default"],
    connect_timeout=int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5")),
    statement_timeout=int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "0")),
    lock_timeout=int(os.environ.get("DATABASE_LOCK_TIMEOUT", "30")),
)

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Rendered pages (catalog.pagecache) are kept until the catalogue changes: per process, bounded in
# bytes (PAGE_CACHE_MB), or in a cache every process and machine shares when CACHE_URL names a
# Redis server (redis://host:6379/1). PAGE_CACHE=0 renders every request (`make bench` measures
# both ways).
CACHE_URL = os.environ.get("CACHE_URL", "")
CACHES: dict[str, dict[str, Any]]
if os.environ.get("PAGE_CACHE", "1") == "0":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif CACHE_URL:
    if urlsplit(CACHE_URL).scheme not in {"redis", "rediss", "unix"}:
        raise ImproperlyConfigured(f"CACHE_URL must be a redis:// address, not {CACHE_URL!r}.")
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": CACHE_URL,
            # A cache that stops answering costs a request a second at most, then the page is
            # rendered without it (catalog.pagecache).
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "catalog.caches.BoundedMemoryCache",
            "OPTIONS": {
                "MAX_BYTES": int(os.environ.get("PAGE_CACHE_MB", "64")) * 1024 * 1024,
                "MAX_ENTRIES": 100_000,
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background work (catalog/tasks.py): re-learning the sources' trust runs in a worker process,
# `manage.py db_worker`, from a queue kept in the database (django-tasks-db). A write asks for a
# learning TRUST_LEARNING_DELAY seconds ahead, so that a burst of edits is learnt from once.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}
TRUST_LEARNING_DELAY = int(os.environ.get("TRUST_LEARNING_DELAY", "60"))

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # Refuses a login from an address that failed too often, before the password is checked.
    "catalog.throttling.LoginThrottle",
    "django.contrib.auth.backends.ModelBackend",
]
# django-axes: after 10 failed logins from one address, that address may not log in for 15
# minutes, whatever the password; a successful login clears the count.
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "catalog.throttling.locked_out"
AXES_CLIENT_IP_CALLABLE = "catalog.throttling.client_ip"
# A refused ?next= (another site's address) lands on the admin's index, not a missing page.
LOGIN_REDIRECT_URL = "admin:index"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
# Serve straight from the app and project folders so no collectstatic step is needed.
WHITENOISE_USE_FINDERS = True

# Adding a page as a source (catalog/intake): fetching an editor's address can be turned off
# (PAGE_FETCH=0), and is bounded; only the tests' own local server is a private address to fetch.
PAGE_FETCH = env_bool("PAGE_FETCH", True)
PAGE_FETCH_PRIVATE = False
PAGE_FETCH_TIMEOUT = 10.0
PAGE_FETCH_REDIRECTS = 5
PAGE_MAX_BYTES = 5 * 1024 * 1024
# The intake's review form carries the page's text and a few hundred proposals back and forth.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * PAGE_MAX_BYTES
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000

# Served over HTTPS unless DEBUG is on: HTTP is redirected, HSTS sent, cookies only go over TLS.
# HTTPS=0 opts out for plain-HTTP local serving (`make bench`). The load balancer's checks
# (/healthz, /readyz) answer over either.
HTTPS = env_bool("HTTPS", not DEBUG)
if HTTPS:
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
    SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("HSTS_PRELOAD", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
# Behind a proxy that terminates TLS (docs/nginx.conf): it says the scheme in X-Forwarded-Proto
# and the client's address last in X-Forwarded-For; without it, a request is as it arrives.
BEHIND_PROXY = env_bool("BEHIND_PROXY")
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The pages need no script and no other origin: everything comes from the site itself (the
# admin's scripts are files of its own too; JSON-LD is data, not a script).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
}

# Errors, with their tracebacks, and warnings go to stderr, where gunicorn and systemd collect
# them; LOG_LEVEL=INFO says more.
LOG_LEVEL = os.environ.get("LOG_LEVEL", "WARNING")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    # Django's own handlers (the console only with DEBUG on, mail to ADMINS) give way to stderr.
    "loggers": {"django": {"handlers": [], "level": LOG_LEVEL, "propagate": True}},
}
