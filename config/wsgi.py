"""The WSGI application that gunicorn serves (`gunicorn config.wsgi`)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
# The site's requests: no statement may run longer than this many seconds (PostgreSQL), so a
# stuck query frees its worker. The operator's commands, run through manage.py, have no limit.
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT", "30")

application = get_wsgi_application()
