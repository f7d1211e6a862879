"""One place that turns HTTP failures into the source errors the pipeline understands."""

import requests

from legaltracker.sources.base import RateLimited, SourceForbidden, SourceUnavailable


def retry_after_seconds(response: requests.Response, default: float = 60.0) -> float:
    value = response.headers.get("Retry-After", "")
    try:
        return max(float(value), 0.0)
    except ValueError:
        return default


def get(session: requests.Session, url: str, *, timeout, params=None, headers=None) -> requests.Response:
    """GET that raises SourceUnavailable, RateLimited or SourceForbidden instead of returning them."""
    try:
        response = session.get(url, params=params, headers=headers, timeout=timeout)
    except requests.Timeout as exc:
        raise SourceUnavailable(f"Timed out after {timeout}s: {url}") from exc
    except requests.RequestException as exc:
        raise SourceUnavailable(f"Could not reach {url}: {exc.__class__.__name__}") from exc
    if response.status_code == 429:
        raise RateLimited(f"429 from {url}", retry_after=retry_after_seconds(response))
    if response.status_code in (401, 403):
        raise SourceForbidden(f"{response.status_code} from {url}")
    if response.status_code >= 500:
        raise SourceUnavailable(f"{response.status_code} from {url}")
    return response


def session_with_agent(user_agent: str, headers: dict | None = None) -> requests.Session:
    session = requests.Session()
    session.headers["User-Agent"] = user_agent
    session.headers.update(headers or {})
    return session
