"""Demo articles on SEC v. Coinbase, written in our own words from public facts."""

from demo.content.refs import Case, Page, p

ARTICLES = [
    {
        "slug": "coinbase-loses-bid-to-end-sec-case",
        "title": "Coinbase fails to knock out the SEC's lawsuit at the pleadings stage",
        "dek": "Claims about staking and trading on the platform go forward; the claim about Coinbase's wallet does not.",
        "date": "2024-03-28T07:45:00Z",
        "authors": ["maya-okafor"],
        "topics": ["SEC", "Coinbase", "Securities law"],
        "hero": ("Hero: Coinbase pleadings ruling", "SEC's Coinbase case moves forward", ("#0b3d91", "#1452b8")),
        "hero_caption": "The ruling came from the Southern District of New York.",
        "hero_credit": "Created by the Docket Desk graphics team",
        "case": "sec-v-coinbase",
        "body": [
            (
                "key_takeaways",
                {
                    "title": "Key takeaways",
                    "points": [
                        "Judge Katherine Polk Failla largely denied Coinbase's motion for judgment on the pleadings on March 27, 2024.",
                        "The SEC's claims over secondary-market trading and the staking programme proceed.",
                        "The claim that Coinbase acted as an unregistered broker through its Wallet app was dismissed.",
                    ],
                },
            ),
            p(
                "Coinbase asked the court to end the SEC's case before any evidence was exchanged, arguing "
                "that the tokens on its platform were not securities. The judge disagreed for most of the "
                "case, finding the SEC had plausibly described investment contracts.",
            ),
            ("case_widget", {"case": Case("sec-v-coinbase"), "display": "compact", "entries": 3}),
            ("embed", Case("sec-v-coinbase")),
            ("read_more", {"page": Page("sec-drops-coinbase-case"), "lead_in": "What happened next:"}),
        ],
    },
    {
        "slug": "sec-drops-coinbase-case",
        "title": "SEC drops its case against Coinbase",
        "dek": "The parties filed a stipulation of dismissal with prejudice in February 2025.",
        "date": "2025-02-28T10:00:00Z",
        "authors": ["daniel-brandt", "priya-raman"],
        "topics": ["SEC", "Coinbase", "Enforcement"],
        "hero": ("Hero: Coinbase case dropped", "SEC ends its Coinbase lawsuit", ("#123c69", "#1a5592")),
        "hero_caption": "The dismissal ends litigation that began in June 2023.",
        "hero_credit": "Created by the Docket Desk graphics team",
        "case": "sec-v-coinbase",
        "body": [
            p(
                "The SEC and Coinbase filed a joint stipulation on February 27, 2025 dismissing the agency's "
                "case with prejudice. The case had been set for discovery after the court's March 2024 ruling.",
            ),
            ("case_widget", {"case": Case("sec-v-coinbase"), "display": "full", "entries": 3}),
            (
                "callout",
                {
                    "kind": "why-it-matters",
                    "title": "",
                    "points": [
                        "The dismissal leaves the March 2024 ruling as the main written opinion in the case.",
                        "Other exchanges facing similar claims watched the outcome closely.",
                    ],
                    "text": "",
                },
            ),
            ("related_stories", {"title": "Related stories", "pages": []}),
        ],
    },
]
