"""Demo articles on SEC v. Ripple, written in our own words from public facts."""

from demo.content.refs import Case, Page, p

ARTICLES = [
    {
        "slug": "ripple-ruling-splits-xrp-sales",
        "title": "Judge splits the difference on XRP: institutional sales were securities, exchange sales were not",
        "dek": "The summary-judgment ruling in SEC v. Ripple draws a line between how the tokens were sold.",
        "date": "2023-07-13T20:00:00Z",
        "authors": ["priya-raman"],
        "topics": ["SEC", "Ripple", "XRP", "Securities law"],
        "hero": ("Hero: Ripple summary judgment", "A split ruling on XRP sales", ("#10454f", "#18636f")),
        "hero_caption": "The ruling turned on who bought XRP and how.",
        "hero_credit": "Created by the Docket Desk graphics team",
        "disclaimer": "Author holds assets mentioned",
        "case": "sec-v-ripple",
        "body": [
            (
                "key_takeaways",
                {
                    "title": "Key takeaways",
                    "points": [
                        "Judge Analisa Torres ruled on July 13, 2023 on the parties' motions for summary judgment.",
                        "Ripple's direct sales of XRP to institutional buyers were unregistered securities offerings.",
                        "Programmatic sales on exchanges and other distributions were not.",
                    ],
                },
            ),
            p(
                "The SEC sued Ripple Labs and two of its executives in December 2020, arguing that XRP was "
                "sold as an unregistered security. The court's ruling gives each side part of what it asked for.",
            ),
            ("case_widget", {"case": Case("sec-v-ripple"), "display": "full", "entries": 3}),
            (
                "callout",
                {
                    "kind": "flipside",
                    "title": "",
                    "points": [
                        "The ruling binds only this case; other judges in the same court have reasoned differently about exchange sales.",
                        "Remedies for the institutional sales were left for later.",
                    ],
                    "text": "",
                },
            ),
            ("read_more", {"page": Page("ripple-fined-125-million"), "lead_in": "Later:"}),
        ],
    },
    {
        "slug": "ripple-fined-125-million",
        "title": "Ripple ordered to pay a $125 million civil penalty",
        "dek": "The final judgment also bars future violations; both sides later appealed.",
        "date": "2024-08-08T12:00:00Z",
        "authors": ["priya-raman", "maya-okafor"],
        "topics": ["SEC", "Ripple", "XRP", "Enforcement"],
        "hero": ("Hero: Ripple penalty", "Ripple's $125 million penalty", ("#2b4a1f", "#3b6629")),
        "hero_caption": "The penalty was far below what the SEC had asked for.",
        "hero_credit": "Created by the Docket Desk graphics team",
        "case": "sec-v-ripple",
        "body": [
            p(
                "Judge Analisa Torres entered final judgment on August 7, 2024, ordering Ripple to pay a civil "
                "penalty of $125,035,150 and enjoining it from further violations of the registration rules.",
                "The SEC appealed in October 2024 and Ripple cross-appealed. In August 2025 the parties "
                "dismissed both appeals, leaving the judgment in place.",
            ),
            ("case_widget", {"case": Case("sec-v-ripple"), "display": "compact", "entries": 3}),
            ("case_widget", {"case": Case("sec-v-coinbase"), "display": "compact", "entries": 2}),
            ("related_stories", {"title": "Related stories", "pages": []}),
        ],
    },
]
