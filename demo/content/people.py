"""Demo authors and disclaimers (fictional reporters, our own words)."""

AUTHORS = [
    {
        "name": "Maya Okafor",
        "slug": "maya-okafor",
        "role": "Senior legal reporter",
        "initials": "MO",
        "colour": "#29527a",
        "short_bio": (
            "Maya covers enforcement cases against crypto companies, from the first complaint to the "
            "last appeal. She spent six years reporting from federal courthouses before joining us."
        ),
        "bio": (
            "<p>Maya reads dockets so readers do not have to. She follows the SEC's crypto cases in "
            "Washington and New York and writes about what each ruling changes for exchanges, token "
            "issuers and their customers.</p><p>Before joining the desk she covered securities "
            "litigation for a regional business paper.</p>"
        ),
        "x_url": "https://x.com/example_maya",
        "email": "maya@example.org",
    },
    {
        "name": "Daniel Brandt",
        "slug": "daniel-brandt",
        "role": "Markets and policy reporter",
        "initials": "DB",
        "colour": "#6b3d7a",
        "short_bio": (
            "Daniel writes about how court rulings move crypto markets and the rules that govern them. "
            "He previously covered bond markets."
        ),
        "bio": "<p>Daniel connects courtroom news to prices, listings and policy in Washington.</p>",
        "linkedin_url": "https://www.linkedin.com/in/example-daniel",
    },
    {
        "name": "Priya Raman",
        "slug": "priya-raman",
        "role": "Courts editor",
        "initials": "PR",
        "colour": "#2f6b4f",
        "short_bio": ("Priya edits our court coverage and reported on the FTX collapse and the trial that followed."),
        "bio": "<p>Priya leads the courts desk and keeps our case trackers honest.</p>",
        "website": "https://example.org/priya",
    },
]

DISCLAIMERS = [
    {
        "name": "Standard: not investment advice",
        "kind": "investment",
        "text": (
            "<p>This article is for information purposes only. It is not investment, legal or tax "
            "advice, and nothing in it is an offer or a recommendation to buy or sell any asset.</p>"
        ),
        "site_default": True,
    },
    {
        "name": "Author holds assets mentioned",
        "kind": "conflict",
        "text": (
            "<p>The author of this article holds a small amount of XRP bought before the events "
            "described. Our editors reviewed the article for balance. It is not investment advice.</p>"
        ),
    },
]
