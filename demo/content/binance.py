"""Demo articles on SEC v. Binance, written in our own words from public facts."""

from demo.content.refs import Case, Img, Page, p

COURTLISTENER_BINANCE = (
    "https://www.courtlistener.com/docket/67474542/securities-and-exchange-commission-v-binance-holdings-limited/"
)


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
]
