import pytest
from django.core.cache import cache, caches

from legaltracker.selectors import _local_documents
from tests.factories import site_tree


@pytest.fixture(scope="session", autouse=True)
def _end_stray_sessions(django_db_setup, django_db_blocker):
    """Before the test database is dropped, end sessions that threads and greenlets left open.

    Playwright's sync API runs the test body beside its own greenlet, and connections Django opens
    there are invisible to pytest-django's close_all(); without this the database cannot be dropped.
    """
    yield
    from django.db import connection

    if connection.vendor != "postgresql":
        return
    with django_db_blocker.unblock(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    connection.close()


@pytest.fixture(autouse=True)
def _clean_caches():
    """Every test starts with empty caches (Redis database owned by the tests), quota included."""
    cache.clear()
    caches["renditions"].clear()
    _local_documents.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def tree(db):
    return site_tree()
