"""Control objectives for Aldergrove Fund Administration (integrated ISAE 3402 / SSAE 18). Our own wording."""

OBJECTIVES = [
    (1, "Fund and Investor Onboarding",
     "Controls provide reasonable assurance that new funds and investors are accepted only after authorisation and required due "
     "diligence, and that their static data is recorded completely and accurately.", [
        ("AF-1.1", "A new fund is set up in the fund accounting system only after the administration agreement is signed and the client "
                   "acceptance committee has approved the engagement.",
         ["Enquired of the head of client onboarding about the fund acceptance process.",
          "For a sample of 10 funds launched during the period, inspected the signed administration agreement and the minutes of the "
          "client acceptance committee and noted approval before set-up."]),
        ("AF-1.2", "Fund static data (share classes, fee rates, valuation points, pricing sources) is entered by one administrator and "
                   "checked against the fund documents by a second administrator before the first valuation.",
         ["For the sample of 10 funds, inspected the static data checklist and noted evidence of a second check against the fund "
          "documents before the first valuation."]),
        ("AF-1.3", "Investor applications are accepted only when anti-money-laundering checks are complete and approved by the AML team; "
                   "the transfer agency system blocks dealing on accounts flagged as incomplete.",
         ["Inspected the transfer agency system configuration and noted that accounts flagged as incomplete cannot deal.",
          "For a sample of 40 new investor accounts, inspected the AML checklist and approval and noted that approval preceded the first "
          "dealing."]),
        ("AF-1.4", "Changes to investor bank details require a signed instruction and a call-back to a telephone number held on file; the "
                   "change is checked by a second person.",
         ["For a sample of 40 bank detail changes, inspected the signed instruction, call-back record and second-person check."]),
     ], [
        "Providing Aldergrove with complete and accurate fund documentation and notifying it of amendments.",
        "Informing Aldergrove promptly of changes to authorised signatories.",
     ]),
    (2, "Subscriptions, Redemptions and Transfers",
     "Controls provide reasonable assurance that investor dealing instructions are authorised and processed completely, accurately and "
     "at the correct price.", [
        ("AF-2.1", "Dealing instructions received after the dealing cut-off are held for the next dealing day unless the fund's board "
                   "approves an exception in writing.",
         ["For a sample of 25 dealing days, inspected the late-instruction log and noted that late instructions were deferred or supported "
          "by written board approval."]),
        ("AF-2.2", "Each day the dealing team reconciles instructions received to trades booked in the transfer agency system; breaks are "
                   "investigated and cleared before the contract notes are issued.",
         ["For a sample of 25 dealing days, inspected the dealing reconciliation and noted that breaks were cleared before contract notes "
          "were issued."]),
        ("AF-2.3", "Redemption payments above the fund's threshold require approval by two authorised signatories in the payments system.",
         ["Inspected the payments system configuration and noted that payments above the threshold require two approvals.",
          "For a sample of 25 redemption payments above the threshold, inspected the two approvals."]),
        ("AF-2.4", "Share register totals in the transfer agency system are reconciled to shares in issue in the fund accounting system on "
                   "each valuation day.",
         ["For a sample of 25 valuation days, inspected the share reconciliation and noted that differences were resolved."]),
     ], [
        "Ensuring that dealing instructions sent to Aldergrove are authorised and sent before the cut-off.",
        "Reviewing contract notes and reporting discrepancies within the agreed time.",
     ]),
    (3, "Trade Capture and Portfolio Reconciliation",
     "Controls provide reasonable assurance that portfolio transactions are recorded completely and accurately and that positions and cash "
     "are reconciled to custodian records.", [
        ("AF-3.1", "Trade files from investment managers are loaded automatically; trades that fail validation are reported on an exception "
                   "queue and resolved with the manager the same day.",
         ["Observed the load of a trade file containing an invalid security identifier and noted that the trade was placed on the "
          "exception queue.",
          "For a sample of 25 days, inspected the exception queue and noted that exceptions were resolved."]),
        ("AF-3.2", "Positions are reconciled daily to custodian statements; breaks older than three days are escalated to the fund "
                   "accounting manager.",
         ["For a sample of 25 days, inspected the position reconciliation and the ageing report and noted that breaks older than three "
          "days were escalated."]),
        ("AF-3.4", "Trades booked manually, for example for over-the-counter instruments not in the manager's file, are checked to the "
                   "trade confirmation by a second administrator before the valuation point.",
         ["For a sample of 25 manually booked trades, inspected the trade confirmation and the evidence of the second check."]),
        ("AF-3.3", "Cash accounts are reconciled daily to bank and custodian statements and the reconciliations are reviewed by a "
                   "supervisor.",
         ["For a sample of 25 days, inspected the cash reconciliations and evidence of supervisory review."]),
     ], [
        "Ensuring that investment managers send complete and accurate trade information on time.",
        "Instructing custodians to provide statements to Aldergrove.",
     ]),
    (4, "Pricing and Valuation",
     "Controls provide reasonable assurance that investments are valued using prices from approved sources in accordance with the "
     "fund's valuation policy.", [
        ("AF-4.1", "Prices are loaded automatically from the primary source defined for each asset type in the pricing hierarchy.",
         ["Inspected the pricing hierarchy for a sample of 10 funds and agreed it to the valuation policy."]),
        ("AF-4.2", "Price movements outside tolerance and prices unchanged for more than five days are reported on a price exception "
                   "report, which a pricing analyst clears with evidence.",
         ["For a sample of 25 valuation days, inspected the price exception report and noted that each exception was cleared with "
          "evidence."]),
        ("AF-4.4", "Securities that cannot be priced from an external source are referred to the fund's valuation committee, and the "
                   "price it approves is recorded with the committee's minute reference.",
         ["For a sample of 10 committee-priced securities, agreed the price recorded to the committee's minutes."]),
        ("AF-4.3", "Manual price overrides require approval by the pricing manager and are reported monthly to the fund's valuation "
                   "committee.",
         ["For a sample of 25 overrides, inspected the approval by the pricing manager and the monthly report to the valuation committee."]),
     ], [
        "Approving the valuation policy and pricing hierarchy and notifying Aldergrove of changes.",
        "Providing valuations for hard-to-value assets where the valuation policy assigns this to the fund's board.",
    ]),
    (5, "Income, Expenses and Corporate Actions",
     "Controls provide reasonable assurance that income, expenses and corporate actions are recorded completely, accurately and in the "
     "correct period.", [
        ("AF-5.1", "Corporate action notifications are received from a data vendor and the custodian, compared, and processed by the "
                   "corporate actions team; elective events are processed only on written instruction from the investment manager.",
         ["For a sample of 25 corporate actions, inspected the comparison of sources and, for elective events, the manager's instruction."]),
        ("AF-5.2", "Expense accruals are set up from the fee schedule and the accrual rates are checked by a second administrator.",
         ["For a sample of 10 funds, agreed accrual rates to the fee schedule and inspected the second check."]),
        ("AF-5.3", "Income receivable is reconciled to cash received monthly; unmatched items older than thirty days are escalated.",
         ["For a sample of 12 months, inspected the income reconciliation and the escalation of old items."]),
     ], [
        "Providing Aldergrove with fee agreements and notifying it of changes.",
    ]),
    (6, "Net Asset Value Calculation and Reporting",
     "Controls provide reasonable assurance that net asset values are calculated accurately and reported on time to authorised recipients.", [
        ("AF-6.1", "Each NAV is reviewed by a senior fund accountant against a checklist covering reconciliations, price exceptions, "
                   "accruals and movement analysis before release.",
         ["For a sample of 40 NAVs, inspected the completed checklist and evidence of senior review before release."]),
        ("AF-6.2", "NAV movements above the fund's tolerance are explained in writing and the explanation is approved before release.",
         ["For the sample of 40 NAVs, inspected movement analysis and, where above tolerance, the approved explanation."]),
        ("AF-6.3", "NAV errors are recorded in the error log, assessed against the fund's materiality policy and reported to the client.",
         ["Inspected the error log for the period and, for all 4 errors recorded, inspected the materiality assessment and the report to "
          "the client."]),
        ("AF-6.4", "Investor statements and NAV reports are distributed through the investor portal or to addresses on the approved "
                   "distribution list.",
         ["For a sample of 25 distributions, agreed recipients to the approved distribution list."]),
     ], [
        "Reviewing NAV reports and notifying Aldergrove of errors promptly.",
        "Maintaining the distribution list for NAV and investor reports.",
     ]),
    (7, "Logical Access",
     "Controls provide reasonable assurance that logical access to applications, data and infrastructure is restricted to authorised "
     "individuals.", [
        ("AF-7.1", "Access requests are raised in the service management tool and approved by the line manager and the application owner "
                   "before provisioning.",
         ["For a sample of 25 joiners and movers, inspected the approved request and agreed the access granted."]),
        ("AF-7.2", "Leavers' accounts are disabled on their last working day based on a daily feed from the HR system.",
         ["For a sample of 25 leavers, compared the leaving date with the date the account was disabled."]),
        ("AF-7.3", "Application owners recertify user access every six months.",
         ["For both recertifications in the period, inspected the completed review and the removal of access marked for removal."]),
        ("AF-7.4", "Privileged access to servers and databases is granted for a limited time through a privileged access management "
                   "tool and requires multi-factor authentication.",
         ["Inspected the privileged access tool configuration and noted time-limited checkout and MFA.",
          "For a sample of 25 privileged sessions, agreed the checkout to an approved change or incident ticket."]),
     ], [
        "Restricting access to the investor and client portals to authorised personnel and removing leavers promptly.",
    ]),
    (8, "Change Management",
     "Controls provide reasonable assurance that changes to applications and infrastructure are authorised, tested and approved before "
     "implementation.", [
        ("AF-8.1", "Changes are raised in the service management tool, assessed for risk and approved by the change advisory board.",
         ["For a sample of 25 changes, inspected the change record and the change advisory board approval."]),
        ("AF-8.2", "Changes are tested in a separate test environment and business sign-off is obtained where fund calculations or reports "
                   "are affected.",
         ["For the sample of 25 changes, inspected test evidence and, where applicable, business sign-off."]),
        ("AF-8.4", "Emergency changes are approved by the head of IT operations and reviewed by the change advisory board at its next "
                   "meeting.",
         ["For all 6 emergency changes in the period, inspected the approval by the head of IT operations and the subsequent review by "
          "the change advisory board."]),
        ("AF-8.3", "Implementation to production is carried out by the release team, which is separate from development.",
         ["Inspected the production deployment permissions and noted that developers did not hold them."]),
     ], []),
    (9, "IT Operations and Resilience",
     "Controls provide reasonable assurance that batch processing is monitored, data is backed up and service can be recovered.", [
        ("AF-9.1", "Overnight batch jobs are monitored by the operations team; failures are logged as incidents and resolved before the "
                   "start of the valuation day.",
         ["For a sample of 25 days, inspected the batch monitoring log and incident records."]),
        ("AF-9.2", "Databases are backed up daily to a separate Azure region and restores are tested twice a year.",
         ["Inspected the backup policy configuration and, for both restore tests in the period, inspected the test record."]),
        ("AF-9.3", "The business continuity plan is tested annually, including a day of working from the alternate site.",
         ["Inspected the report of the annual continuity test."]),
     ], []),
    (10, "Distributions",
     "Controls provide reasonable assurance that income distributions are calculated in accordance with fund documents, approved and paid "
     "or reinvested accurately.", [
        ("AF-10.1", "Distribution rates are calculated from distributable income in the fund accounting platform and the calculation is "
                    "checked by a senior fund accountant.",
         ["For a sample of 15 distributions, reperformed the rate calculation and inspected the senior review."]),
        ("AF-10.2", "Distribution rates are approved in writing by the fund's manager before payment.",
         ["For the sample of 15 distributions, inspected the written approval from the manager."]),
        ("AF-10.3", "Distribution payments and reinvestments are generated from the share register at the record date and reconciled to the "
                    "total distribution before release.",
         ["For the sample of 15 distributions, inspected the reconciliation of payments and reinvestments to the total distribution."]),
        ("AF-10.4", "Unclaimed distributions are tracked and reported to the manager each quarter.",
         ["For a sample of 2 quarters, inspected the unclaimed distributions report sent to the manager."]),
     ], [
        "Approving distribution rates and notifying Aldergrove of the fund's distribution policy.",
    ]),
    (11, "Financial Statements",
     "Controls provide reasonable assurance that draft financial statements prepared for funds agree to the books and records.", [
        ("AF-11.1", "Draft financial statements are prepared from the fund accounting platform using a standard template and a "
                    "completion checklist.",
         ["For a sample of 10 sets of financial statements, inspected the completion checklist."]),
        ("AF-11.2", "A reviewer independent of the preparer agrees the primary statements and key notes to the trial balance and "
                    "supporting reconciliations.",
         ["For the sample of 10, inspected the reviewer's tick-marked copy and agreed a selection of balances to the trial balance."]),
        ("AF-11.3", "Queries from the fund's external auditor are logged and answered, and adjustments are approved by the fund accounting "
                    "manager before being posted.",
         ["For the sample of 10, inspected the audit query log and the approval of any adjustments."]),
     ], [
        "Reviewing and approving the draft financial statements before they are issued.",
    ]),
]
