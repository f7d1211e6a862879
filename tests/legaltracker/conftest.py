import pytest


@pytest.fixture
def courtlistener(httpserver, settings):
    """A local stand-in for CourtListener with a token and a quota no test runs out of."""
    settings.COURTLISTENER_BASE_URL = httpserver.url_for("/api/rest/v4/")
    settings.COURTLISTENER_TOKEN = "test-token"
    settings.COURTLISTENER_LIMIT_PER_MINUTE = settings.COURTLISTENER_LIMIT_PER_HOUR = 1000
    settings.COURTLISTENER_LIMIT_PER_DAY = 1000
    return httpserver
