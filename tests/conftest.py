import pytest
from django.core.cache import cache, caches

from legaltracker.selectors import _local_documents
from tests.factories import site_tree


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
