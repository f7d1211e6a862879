"""Demo courts and cases, with timelines written from public facts (see shared reference notes)."""

COURTS = [
    {
        "id": "dcd",
        "name": "U.S. District Court for the District of Columbia",
        "pacer_rss_url": "https://ecf.dcd.uscourts.gov/cgi-bin/rss_outside.pl",
    },
    {
        "id": "nysd",
        "name": "U.S. District Court for the Southern District of New York",
        "pacer_rss_url": "https://ecf.nysd.uscourts.gov/cgi-bin/rss_outside.pl",
    },
]

BROUGHT_BY = ["SEC", "CFTC", "DOJ", "State regulator", "Private plaintiffs"]

ALLEGATIONS = [
    "Fraud",
    "Unregistered securities offering",
    "Unregistered exchange, broker or clearing agency",
    "Market manipulation",
    "AML/KYC failures",
    "Commingling of customer funds",
]

CASES = [
    {
        "slug": "sec-v-binance",
        "title": "SEC v. Binance",
        "caption": "Securities and Exchange Commission v. Binance Holdings Limited et al.",
        "court": "dcd",
        "docket_number": "1:23-cv-01599",
        "judge": "Amy Berman Jackson",
        "referred_judge": "Zia M. Faruqui",
        "date_filed": "2023-06-05",
        "date_terminated": "2025-05-29",
        "brought_by": ["SEC"],
        "allegations": [
            "Unregistered exchange, broker or clearing agency",
            "Unregistered securities offering",
            "Commingling of customer funds",
        ],
        "summary": "<p>The SEC accused Binance, its US affiliate and founder Changpeng Zhao of running unregistered trading platforms and selling BNB and BUSD as unregistered securities. The parties dismissed the case in May 2025.</p>",
        "parties": [
            ("Securities and Exchange Commission", "Plaintiff"),
            ("Binance Holdings Limited", "Defendant"),
            ("BAM Trading Services Inc.", "Defendant"),
            ("BAM Management US Holdings Inc.", "Defendant"),
            ("Changpeng Zhao", "Defendant"),
        ],
        "entries": [
            (
                "2023-06-05",
                1,
                "COMPLAINT against Binance Holdings Limited, BAM Trading Services Inc., BAM Management US Holdings Inc., Changpeng Zhao filed by Securities and Exchange Commission.",
            ),
            (
                "2023-06-17",
                None,
                "CONSENT ORDER regarding the safety of Binance.US customer assets, with limited expedited discovery for the plaintiff.",
            ),
            (
                "2023-08-14",
                None,
                "MOTION for Protective Order by BAM Trading Services Inc. concerning the plaintiff's discovery requests.",
            ),
            (
                "2023-08-16",
                None,
                "MINUTE ORDER referring the motion for protective order to Magistrate Judge Zia M. Faruqui for resolution.",
            ),
            (
                "2024-06-28",
                None,
                "MEMORANDUM OPINION AND ORDER granting in part and denying in part the defendants' motions to dismiss.",
            ),
            ("2025-02-13", None, "ORDER granting the joint motion to stay; the case is stayed."),
            ("2025-05-29", None, "STIPULATION of Dismissal with prejudice by Securities and Exchange Commission."),
        ],
    },
    {
        "slug": "sec-v-coinbase",
        "title": "SEC v. Coinbase",
        "caption": "Securities and Exchange Commission v. Coinbase, Inc. et al.",
        "court": "nysd",
        "docket_number": "1:23-cv-04738",
        "judge": "Katherine Polk Failla",
        "date_filed": "2023-06-06",
        "date_terminated": "2025-02-27",
        "brought_by": ["SEC"],
        "allegations": ["Unregistered exchange, broker or clearing agency", "Unregistered securities offering"],
        "summary": "<p>The SEC said Coinbase operated as an unregistered exchange, broker and clearing agency and sold its staking programme as an unregistered security. The parties dismissed the case in February 2025.</p>",
        "parties": [
            ("Securities and Exchange Commission", "Plaintiff"),
            ("Coinbase, Inc.", "Defendant"),
            ("Coinbase Global, Inc.", "Defendant"),
        ],
        "entries": [
            (
                "2023-06-06",
                1,
                "COMPLAINT against Coinbase, Inc. and Coinbase Global, Inc. filed by Securities and Exchange Commission.",
            ),
            (
                "2024-03-27",
                None,
                "OPINION AND ORDER granting in part and denying in part the motion for judgment on the pleadings; the Wallet claim is dismissed.",
            ),
            ("2025-02-27", None, "STIPULATION of Voluntary Dismissal with prejudice filed by the parties."),
        ],
    },
    {
        "slug": "sec-v-ripple",
        "title": "SEC v. Ripple",
        "caption": "Securities and Exchange Commission v. Ripple Labs, Inc. et al.",
        "court": "nysd",
        "docket_number": "1:20-cv-10832",
        "judge": "Analisa Torres",
        "date_filed": "2020-12-22",
        "brought_by": ["SEC"],
        "allegations": ["Unregistered securities offering"],
        "summary": "<p>The SEC said Ripple sold XRP in unregistered securities offerings. The court split the sales by type in 2023 and imposed a civil penalty in 2024; the appeals were later dismissed.</p>",
        "parties": [
            ("Securities and Exchange Commission", "Plaintiff"),
            ("Ripple Labs, Inc.", "Defendant"),
            ("Bradley Garlinghouse", "Defendant"),
            ("Christian A. Larsen", "Defendant"),
        ],
        "entries": [
            (
                "2020-12-22",
                1,
                "COMPLAINT against Ripple Labs, Inc., Bradley Garlinghouse and Christian A. Larsen filed by Securities and Exchange Commission.",
            ),
            (
                "2023-07-13",
                None,
                "OPINION AND ORDER granting in part and denying in part the motions for summary judgment.",
            ),
            (
                "2024-08-07",
                None,
                "FINAL JUDGMENT as to Ripple Labs, Inc.: civil penalty of $125,035,150 and a permanent injunction.",
            ),
            ("2024-10-02", None, "NOTICE OF APPEAL to the Second Circuit by Securities and Exchange Commission."),
            ("2024-10-10", None, "NOTICE OF CROSS APPEAL by Ripple Labs, Inc."),
            (
                "2025-08-22",
                None,
                "MANDATE of USCA: the appeal and cross appeal are dismissed by stipulation of the parties.",
            ),
        ],
    },
    {
        "slug": "us-v-bankman-fried",
        "title": "United States v. Bankman-Fried",
        "caption": "United States of America v. Samuel Bankman-Fried",
        "court": "nysd",
        "docket_number": "1:22-cr-00673",
        "judge": "Lewis A. Kaplan",
        "date_filed": "2022-12-09",
        # Still going: the appeal was argued in November 2025 and no decision is in our timeline.
        "tracking": True,
        "brought_by": ["DOJ"],
        "allegations": ["Fraud", "Commingling of customer funds"],
        "summary": "<p>Prosecutors charged the FTX founder with fraud and conspiracy over the use of customer deposits. A jury convicted him in November 2023 and he was sentenced to 25 years in March 2024; his appeal was argued in November 2025.</p>",
        "parties": [("United States of America", "Plaintiff"), ("Samuel Bankman-Fried", "Defendant")],
        "entries": [
            ("2022-12-09", 1, "SEALED INDICTMENT as to Samuel Bankman-Fried."),
            ("2022-12-13", None, "Indictment unsealed as to Samuel Bankman-Fried."),
            ("2023-11-02", None, "JURY VERDICT as to Samuel Bankman-Fried: guilty on counts one through seven."),
            (
                "2024-03-28",
                None,
                "JUDGMENT IN A CRIMINAL CASE as to Samuel Bankman-Fried: 300 months' imprisonment and forfeiture.",
            ),
            ("2024-04-11", None, "NOTICE OF APPEAL by Samuel Bankman-Fried to the Second Circuit."),
        ],
    },
]
