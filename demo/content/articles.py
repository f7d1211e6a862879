"""Demo articles about real crypto court cases, one module per case, plus the images they use."""

from demo.content import bankman_fried, binance, coinbase, ripple
from demo.content.refs import Case, Img, Page

__all__ = ["ARTICLES", "COURT_DOCUMENTS", "EXTRA_IMAGES", "Case", "Img", "Page"]

ARTICLES = binance.ARTICLES + coinbase.ARTICLES + ripple.ARTICLES + bankman_fried.ARTICLES

EXTRA_IMAGES = {
    "Timeline: SEC v. Binance": ("Two years, one docket", ("#3a3a3a", "#575757")),
}

COURT_DOCUMENTS = {
    "Order referring the protective-order motion": {
        "court": "United States District Court for the District of Columbia",
        "caption": "Securities and Exchange Commission, Plaintiff, v. Binance Holdings Limited, et al., Defendants. Civil Action No. 23-1599 (ABJ)",
        "heading": "Minute order",
        "lines": [
            "Defendant BAM Trading Services Inc.'s motion for a protective order is referred to the magistrate judge for resolution.",
            "Further proceedings on the motion will take place before the magistrate judge.",
            "(Illustration prepared for this demo; see the docket for the filed order.)",
        ],
    },
}
