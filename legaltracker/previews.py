"""Marking previews of unpublished work, so nobody mistakes a draft for what readers see.

Case pages use it, and the newsroom's articles too (a page type may say what it calls itself).
"""

import re

from django.utils.html import format_html

# After the opening <main> when the host's base template has one, else after <body>.
_OPENING_TAGS = (re.compile(rb"<main\b[^>]*>", re.I), re.compile(rb"<body\b[^>]*>", re.I))


def draft_notice(published: bool, what: str = "page") -> str:
    if published:
        detail = "Readers see the published version until you publish these changes."
    else:
        detail = f"This {what} is not published; readers cannot see it yet."
    return format_html(
        '<p class="editor-warning draft-preview-notice" role="status"><strong>Draft preview.</strong> {}</p>',
        detail,
    )


def label_draft_preview(response, published: bool, what: str = "page"):
    """Put a visible "Draft preview" notice at the top of a preview response.

    Added to the rendered preview rather than to the templates, so the pages readers get (and
    the caches that hold them) never carry it, whatever base template the host uses.
    """
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if response.get("Content-Type", "").split(";")[0] != "text/html":
        return response
    notice = draft_notice(published, what).encode(response.charset)
    for tag in _OPENING_TAGS:
        match = tag.search(response.content)
        if match:
            response.content = response.content[: match.end()] + notice + response.content[match.end() :]
            break
    return response
