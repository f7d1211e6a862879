"""Demo articles about real crypto court cases, written in our own words from public facts.

Values that point at other demo objects are written as `Page("slug")`, `Img("title")` or
`Case("slug")` and resolved by the loader once everything they refer to exists.
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


COURTLISTENER_BINANCE = (
    "https://www.courtlistener.com/docket/67474542/securities-and-exchange-commission-v-binance-holdings-limited/"
)


def p(*paragraphs: str) -> tuple[str, str]:
    return ("paragraph", "".join(f"<p>{text}</p>" for text in paragraphs))


ARTICLES = [
    {
        "slug": "binance-us-fights-sec-discovery-requests",
        "title": "Binance.US asks judge to rein in SEC's demands for staff records and testimony",
        "dek": "The exchange says the regulator's requests go past the deal the two sides struck in June; the judge has handed the fight to a magistrate.",
        "date": "2023-08-17T14:30:00Z",
        "authors": ["maya-okafor", "daniel-brandt"],
        "topics": ["SEC", "Binance", "Enforcement"],
        "hero": ("Hero: Binance discovery fight", "Binance.US pushes back on SEC discovery", ("#1d3557", "#264b73")),
        "hero_caption": "Binance.US and the SEC disagree over how much the regulator may ask for before trial.",
        "hero_credit": "Created by the Docket Desk graphics team",
        "hero_source": ("The Docket Desk", "https://example.org/graphics"),
        "case": "sec-v-binance",
        "body": [
            (
                "key_takeaways",
                {
                    "title": "Key takeaways",
                    "points": [
                        "Binance.US asked the court on August 14 for a protective order against the SEC's latest discovery requests.",
                        "The exchange says the SEC wants emails of six employees and depositions that go beyond the limited discovery agreed in June.",
                        "On August 16 Judge Amy Berman Jackson referred the motion to Magistrate Judge Zia M. Faruqui.",
                    ],
                },
            ),
            p(
                "The American arm of Binance has asked a federal judge in Washington to limit what the "
                "Securities and Exchange Commission can demand from it while the agency's lawsuit is pending.",
                "In a motion filed on August 14, BAM Trading Services, which runs Binance.US, said the SEC "
                "was seeking the communications of six employees and several depositions. The company argues "
                "that this reaches well past the narrow, expedited discovery the two sides accepted in the "
                "consent order of June 17, which was meant to confirm that customer assets were safe.",
            ),
            ("heading", {"text": "What the June order allowed", "level": "h2"}),
            p(
                "The consent order kept Binance.US running while requiring that customer funds and keys stay "
                "under the control of the US company. In exchange, the SEC received limited, fast-track "
                "discovery to check that the arrangement worked as promised.",
            ),
            (
                "document_image",
                {
                    "image": Img("Order referring the protective-order motion"),
                    "alt_text": "First page of the court's minute order referring the Binance.US motion for a protective order to a magistrate judge.",
                    "caption": "The referral order of August 16, 2023.",
                    "source_name": "CourtListener",
                    "source_url": COURTLISTENER_BINANCE,
                },
            ),
            p(
                "Two days after the motion, Judge Amy Berman Jackson sent the dispute to Magistrate Judge "
                "Zia M. Faruqui, who handles discovery fights in the case. His ruling will decide how much "
                "of the company's internal record the SEC sees before any trial.",
            ),
            ("case_widget", {"case": Case("sec-v-binance"), "display": "full", "entries": 3}),
            (
                "callout",
                {
                    "kind": "flipside",
                    "title": "On the flipside",
                    "points": [
                        "The SEC says it needs the records because the safety of customer assets cannot be checked from the company's own summaries.",
                        "Regulators point to the commingling allegations in the complaint as the reason for a closer look.",
                        "A protective order would not end discovery; it would narrow it.",
                    ],
                    "text": "",
                },
            ),
            (
                "callout",
                {
                    "kind": "why-it-matters",
                    "title": "Why this matters",
                    "points": [],
                    "text": "<p>Discovery fights decide what evidence reaches the judge. If the SEC wins broad access "
                    "early, it could shape how the rest of the case is argued, and how other exchanges respond "
                    "to similar requests.</p>",
                },
            ),
            (
                "read_more",
                {"page": Page("binance-ruling-most-sec-claims-survive"), "lead_in": "Read this to learn more:"},
            ),
            ("read_more", {"page": Page("ripple-ruling-splits-xrp-sales"), "lead_in": "Read this to learn more:"}),
        ],
    },
    {
        "slug": "binance-ruling-most-sec-claims-survive",
        "title": "Judge lets most of the SEC's lawsuit against Binance go ahead",
        "dek": "The court dismissed some claims, including those tied to secondary sales of BNB, but kept the core of the case alive.",
        "date": "2024-06-29T09:00:00Z",
        "authors": ["maya-okafor"],
        "topics": ["SEC", "Binance", "Securities law"],
        "hero": ("Hero: Binance motion to dismiss", "Most SEC claims against Binance survive", ("#3d2c5e", "#4d3a73")),
        "hero_caption": "The ruling came a year after the SEC filed its complaint.",
        "hero_credit": "Created by the Docket Desk graphics team",
        "case": "sec-v-binance",
        "body": [
            (
                "key_takeaways",
                {
                    "title": "Key takeaways",
                    "points": [
                        "Judge Amy Berman Jackson ruled on June 28, 2024 on the defendants' motions to dismiss.",
                        "Most of the SEC's claims survive; claims about secondary-market sales of BNB were dismissed.",
                        "The case now moves toward discovery on the claims that remain.",
                    ],
                },
            ),
            p(
                "A federal judge in Washington has refused to throw out most of the SEC's case against "
                "Binance, its US affiliate and founder Changpeng Zhao.",
                "The ruling keeps alive the agency's claims that the companies ran unregistered trading "
                "platforms and offered tokens as unregistered securities, while trimming the theory that "
                "resales of BNB on the secondary market were securities transactions.",
            ),
            (
                "quote",
                {
                    "quote": "The judge accepted the SEC's framework for most of the case, but drew a line at resales of BNB between strangers on an exchange.",
                    "attribution": "Maya Okafor, senior legal reporter",
                    "source_url": "",
                },
            ),
            ("case_widget", {"case": Case("sec-v-binance"), "display": "compact", "entries": 3}),
            ("read_more", {"page": Page("binance-us-fights-sec-discovery-requests"), "lead_in": "Earlier:"}),
            ("related_stories", {"title": "More on the SEC's crypto cases", "pages": []}),
        ],
    },
    {
        "slug": "sec-and-binance-end-lawsuit",
        "title": "SEC and Binance agree to end their two-year court fight",
        "dek": "A stipulation of dismissal with prejudice closes the case that began in June 2023.",
        "date": "2025-05-30T08:15:00Z",
        "authors": ["daniel-brandt"],
        "topics": ["SEC", "Binance", "Enforcement"],
        "hero": ("Hero: Binance case ends", "SEC and Binance end their lawsuit", ("#4a3b12", "#6b5518")),
        "hero_caption": "The case had been paused since February 2025.",
        "hero_credit": "Created by the Docket Desk graphics team",
        "case": "sec-v-binance",
        "body": [
            p(
                "The Securities and Exchange Commission and Binance filed a stipulation on May 29 dismissing "
                "the agency's lawsuit with prejudice, which means it cannot be brought again.",
                "The court had granted a joint request to pause the case in February, as the agency "
                "reconsidered its approach to crypto enforcement.",
            ),
            (
                "image",
                {
                    "image": Img("Timeline: SEC v. Binance"),
                    "alt_text": "A banner reading 'Two years, one docket' summarising the length of the Binance case.",
                    "caption": "The case ran from June 2023 to May 2025.",
                    "credit": "Created by the Docket Desk graphics team",
                    "source_name": "",
                    "source_url": "",
                },
            ),
            ("case_widget", {"case": Case("sec-v-binance"), "display": "full", "entries": 5}),
            (
                "callout",
                {
                    "kind": "context",
                    "title": "",
                    "points": [
                        "The complaint was filed on June 5, 2023.",
                        "Most claims survived a motion to dismiss in June 2024.",
                        "The parties asked for a stay in February 2025.",
                    ],
                    "text": "",
                },
            ),
            (
                "related_stories",
                {
                    "title": "Related stories",
                    "pages": [
                        Page("binance-ruling-most-sec-claims-survive"),
                        Page("binance-us-fights-sec-discovery-requests"),
                    ],
                },
            ),
        ],
    },
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
