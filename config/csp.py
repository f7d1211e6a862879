"""Content-Security-Policy for the site: strict for readers, relaxed only where Wagtail's admin needs it.

The public policy lets pages load only this site's scripts (widget.js included) and refuses framing.
The case embed view names who may frame it (EMBED_FRAME_ANCESTORS) in a bare `frame-ancestors`
header; it is merged into the full policy here, so the plugin needs no CSP package of its own.
"""

from csp.constants import HEADER, NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware

PUBLIC_POLICY = {
    "default-src": [SELF],
    "script-src": [SELF],
    # Embeds (our own oEmbed iframe and other providers') carry style attributes.
    "style-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "https:"],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF],
    "frame-src": [SELF, "https:"],
    "media-src": [SELF, "https:"],
    "object-src": [NONE],
    "base-uri": [SELF],
    "form-action": [SELF],
    "frame-ancestors": [NONE],
}

# Wagtail's admin still uses inline scripts and styles, shows Gravatar avatars, previews itself in a
# same-origin frame, and asks releases.wagtail.org about upgrades.
ADMIN_PREFIXES = ("/admin/", "/django-admin/")
ADMIN_RELAXATIONS = {
    "script-src": [SELF, UNSAFE_INLINE],
    "img-src": [SELF, "data:", "blob:", "https:", "www.gravatar.com"],
    "connect-src": [SELF, "https://releases.wagtail.org"],
    "frame-ancestors": [SELF],
}


class SiteCSPMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        own = response.get(HEADER, "")
        replace = dict(getattr(response, "_csp_replace", None) or {})
        if own.startswith("frame-ancestors ") and ";" not in own:
            del response[HEADER]
            replace["frame-ancestors"] = own.split()[1:]
        if request.path.startswith(ADMIN_PREFIXES):
            replace = {**ADMIN_RELAXATIONS, **replace}
        if replace:
            response._csp_replace = replace
        return super().process_response(request, response)
