"""Settings for the film catalogue: one module, driven by a few environment variables."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

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
    "catalog",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
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
    # a write takes its lock as its transaction begins, and waits up to 20 s for the other's.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Rendered pages are kept per process (catalog.pagecache) until the catalogue changes; a
# deployment with several machines would point this at a shared cache. PAGE_CACHE=0 renders every
# request (`make bench` measures both ways).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache"
        if os.environ.get("PAGE_CACHE", "1") != "0"
        else "django.core.cache.backends.dummy.DummyCache",
        "OPTIONS": {"MAX_ENTRIES": 1000},
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

if not DEBUG:
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
