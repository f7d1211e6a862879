"""Demo articles on United States v. Bankman-Fried, written in our own words from public facts."""

from demo.content.refs import Case, Page, p

ARTICLES = [
    {
        "slug": "bankman-fried-convicted",
        "title": "Jury convicts Sam Bankman-Fried on all seven counts",
        "dek": "The FTX founder was found guilty of fraud and conspiracy after a month-long trial in Manhattan.",
        "date": "2023-11-03T01:30:00Z",
        "authors": ["priya-raman"],
        "topics": ["FTX", "DOJ", "Fraud"],
        "hero": ("Hero: Bankman-Fried verdict", "Guilty on all seven counts", ("#5c1a1a", "#7a2424")),
        "hero_caption": "The jury deliberated for a few hours.",
        "hero_credit": "Created by the Docket Desk graphics team",
        "case": "us-v-bankman-fried",
        "body": [
            (
                "key_takeaways",
                {
                    "title": "Key takeaways",
                    "points": [
                        "A jury in the Southern District of New York convicted Bankman-Fried on November 2, 2023.",
                        "The counts included wire fraud and conspiracy charges tied to the collapse of FTX.",
                        "Judge Lewis A. Kaplan set sentencing for the following year.",
                    ],
                },
            ),
            p(
                "Prosecutors said Bankman-Fried took customer deposits at FTX and used them for his trading "
                "firm, Alameda Research, and for personal spending and political donations.",
            ),
            ("case_widget", {"case": Case("us-v-bankman-fried"), "display": "full", "entries": 3}),
            ("read_more", {"page": Page("bankman-fried-sentenced"), "lead_in": "What happened next:"}),
        ],
    },
    {
        "slug": "bankman-fried-sentenced",
        "title": "Bankman-Fried sentenced to 25 years in prison",
        "dek": "Judge Kaplan also ordered forfeiture of about $11 billion; an appeal followed.",
        "date": "2024-03-28T17:00:00Z",
        "authors": ["priya-raman", "daniel-brandt"],
        "topics": ["FTX", "DOJ", "Fraud"],
        "hero": ("Hero: Bankman-Fried sentence", "25 years for the FTX founder", ("#4d1f33", "#6b2b47")),
        "hero_caption": "The sentence came four months after the verdict.",
        "hero_credit": "Created by the Docket Desk graphics team",
        "case": "us-v-bankman-fried",
        "body": [
            p(
                "Judge Lewis A. Kaplan sentenced Sam Bankman-Fried to 25 years in prison on March 28, 2024 "
                "and ordered him to forfeit about $11 billion.",
                "Bankman-Fried filed a notice of appeal to the Second Circuit in April 2024. The appeal was "
                "argued on November 4, 2025.",
            ),
            ("case_widget", {"case": Case("us-v-bankman-fried"), "display": "full", "entries": 4}),
            ("related_stories", {"title": "Related stories", "pages": [Page("bankman-fried-convicted")]}),
        ],
    },
]
