"""How demo content points at other demo objects before they exist.

Values are written as `Page("slug")`, `Img("title")` or `Case("slug")` and resolved by the loader
once everything they refer to exists.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    slug: str


@dataclass(frozen=True)
class Img:
    title: str


@dataclass(frozen=True)
class Case:
    slug: str


def p(*paragraphs: str) -> tuple[str, str]:
    """A paragraph block from plain sentences."""
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))
