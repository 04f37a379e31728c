"""Per-objective process narratives for Section III of the SOC 1 reports (our own wording)."""

PAYROLL = {
    1: ["New clients are brought on by the implementation team in Omaha. The sales team hands over a signed client services agreement, "
        "and an implementation specialist works with the client to complete the implementation workbook, which records the company's "
        "legal entities, federal and state tax identifiers, pay groups, earning and deduction codes, benefit deductions, general ledger "
        "mapping and the bank accounts to be debited.",
        "The specialist configures PayCore from the workbook. Before the first live payroll a second specialist checks the configuration "
        "and a parallel payroll is run against the client's last register from its previous provider. Once live, the client moves to the "
        "payroll operations team, and later changes to client master data are handled by the client maintenance group."],
    2: ["Clients enter or import payroll input through the client portal or, on the assisted service, send it to their payroll "
        "specialist. PayCore holds a schedule of pay dates and input cut-off times for each pay group.",
        "Imported files are checked against the client's import template. After input is complete, the client reviews the control totals "
        "and approves them in the portal; the approval, with user name and time, is stored with the payroll run. Input keyed by specialists "
        "is checked by a colleague before the payroll can be submitted for processing."],
    3: ["PayCore calculates gross pay from hours, rates and one-off payments, applies pre-tax and post-tax deductions, computes federal, "
        "state and local withholding using the current tax tables and produces the net pay for each employee. The calculation rules are "
        "part of the application code and the configured client master data.",
        "A preview register and a variance report are produced for every run. Payroll specialists review the variances against thresholds "
        "agreed with each client, and the client is contacted about unusual items. Tax tables are maintained centrally by the tax research "
        "team, which watches federal and state publications and releases updates through the change management process."],
    4: ["For clients on the full-service tax option, Marrowgate collects the tax liability with the payroll funding debit and deposits it "
        "with the tax agencies on the client's deposit schedule. The tax operations team works from a daily deposit calendar produced by "
        "the tax filing engine.",
        "Quarterly and annual returns are prepared by the tax filing engine from PayCore data. Notices from agencies, which may arrive by "
        "post, through agency portals or from clients, are logged and assigned to the notice resolution team."],
    5: ["When a payroll is finalised, PayCore creates ACH entries for employee direct deposits, for the debit of the client's funding "
        "account and for tax collections. The treasury team transmits the day's files to Prairie Meridian Bank, N.A. at fixed windows.",
        "Treasury reconciles what PayCore generated, what was sent and what the bank acknowledged. Returns and notifications of change "
        "from the bank are worked each morning, and clients are told about returned employee deposits so that they can pay the employee "
        "by another means."],
    6: ["Payroll registers, pay statements, tax reports and general ledger files are published to the client portal after the payroll is "
        "finalised. Printed cheques, for clients that still use them, are printed in the Omaha secure print room and sent by tracked "
        "courier.",
        "At year end, forms W-2 are produced from PayCore and balanced to the annual filings before they are released to clients and "
        "employees."],
    7: ["Marrowgate employees sign in to the network with unique accounts in the corporate directory. PayCore uses single sign-on from "
        "the directory for employees, with roles that match job functions such as payroll specialist, supervisor, tax accountant and "
        "client maintenance.",
        "Access is requested and approved through the service management tool. Terminations are driven by the HR system, which raises a "
        "removal ticket for the IT service desk. System owners review access each quarter. Administrative access to servers and databases "
        "is limited to the infrastructure team and passes through a privileged access tool."],
    8: ["Changes to PayCore, the client portal and the tax filing engine are developed by product engineering in Denver. Each change is "
        "recorded in the change management tool, where it is approved, tested by quality assurance and, for changes that affect "
        "calculations or client output, accepted by the business owner.",
        "Deployments are carried out by a release team through the deployment pipeline; developers cannot deploy to production. "
        "Infrastructure changes follow the same process and are discussed at the weekly change advisory board."],
    9: ["Processing jobs (calculation batches, ACH file generation, report generation and data exports) are scheduled in the job "
        "scheduler and watched by the operations team in Omaha from 5 a.m. to 11 p.m. Central time, with an on-call engineer overnight.",
        "Databases are backed up daily and copied to a second region, and restores are tested each quarter. Incidents are logged in the "
        "incident management tool and prioritised by their effect on pay dates."],
}

FUND = {
    10: ["Distributions are made according to each fund's prospectus. The fund accounting team calculates distributable income at the "
         "accounting date, proposes a rate per share class and sends it to the manager for approval. Payments or reinvestments are "
         "generated from the register at the record date."],
    11: ["For funds that appoint Aldergrove to prepare financial statements, the financial reporting team prepares drafts from the "
         "fund accounting platform at each financial year end and half-year, supports the fund's external auditor and updates the "
         "drafts for agreed adjustments."],
    1: ["A prospective fund is assessed by the client acceptance committee, which considers the fund's strategy, the reputation of the "
        "manager, the complexity of the assets and Aldergrove's capacity. Once the administration agreement is signed, the onboarding team "
        "sets up the fund in the fund accounting and transfer agency platforms from the prospectus, supplements and service level "
        "agreement.",
        "Investors are onboarded by the transfer agency team. Anti-money-laundering and know-your-customer checks are carried out in line "
        "with the UK Money Laundering Regulations and, for US funds, the applicable Bank Secrecy Act requirements agreed with the fund. "
        "Accounts remain blocked for dealing until the AML team approves them."],
    2: ["Investors and distributors send dealing instructions by the investor portal, SWIFT or signed post. Instructions are time-stamped "
        "on receipt and processed at the next valuation point after the cut-off set in the prospectus.",
        "Each dealing day the dealing team reconciles instructions received to trades booked, and the register is reconciled to shares in "
        "issue in the fund accounting platform. Redemption proceeds are paid only to the bank account of record."],
    3: ["Investment managers send trade files several times a day. Trades are loaded to the fund accounting platform automatically and "
        "checked against static data. Positions and cash are reconciled every day to the custodians' and banks' statements by the "
        "reconciliation engine, and unmatched items are worked by the reconciliation team."],
    4: ["Each fund's valuation policy, approved by the fund's board, sets out the pricing hierarchy for each type of asset. Prices are "
        "loaded from the primary vendor; if the primary price is missing, the next source in the hierarchy is used.",
        "Tolerance checks compare each price with the previous day's price and with a market index; exceptions must be cleared with "
        "evidence before the NAV is released. Manual overrides are rare and require approval by the pricing manager."],
    5: ["Dividend, interest and corporate action events are captured from a data vendor and from custodian notifications. Mandatory "
        "events are processed automatically once both sources agree; elective events need a written instruction from the manager.",
        "Expenses such as management, performance, administration and depositary fees are accrued daily from rates in the fee schedule."],
    6: ["The NAV of each fund is prepared by a fund accountant and reviewed by a senior fund accountant using a standard checklist. The "
        "review covers reconciliations, price exceptions, accruals, capital activity and a movement analysis against tolerance.",
        "Released NAVs are published to the investor portal, sent to the manager and, where required, to exchanges and data vendors. NAV "
        "errors are handled under each fund's error policy."],
    7: ["Staff sign in with unique accounts in Aldergrove's directory, with MFA required for all remote access and for cloud "
        "administration. Application roles are defined per team.",
        "Joiners, movers and leavers are driven by the HR system; leavers are disabled automatically on their last day. Application owners "
        "recertify access every six months, and privileged access is checked out for limited periods through the privileged access tool."],
    8: ["Changes to applications, interfaces, reports and infrastructure are raised in the service management tool, risk-assessed and "
        "approved by the change advisory board. Vendor upgrades of the fund accounting and transfer agency platforms are tested in a "
        "separate environment with business sign-off.",
        "Production releases are carried out by the release team, which has no development duties."],
    9: ["Overnight batches (price loads, reconciliations, accruals and report generation) are monitored by the IT operations team. "
        "Failures are raised as incidents and resolved before the start of the valuation day.",
        "Databases are backed up daily to a separate Azure region. The business continuity plan includes an alternate office in Livingston, "
        "West Lothian and is tested each year."],
}


def common_sections(co, short):
    """Further description subsections used by both SOC 1 reports; wording is ours."""
    return [
        ("Human Resources Practices", [
            "%s recruits through its People team, which manages job postings, interview scheduling and offer letters. Offers are conditional "
            "on satisfactory references and, for roles that handle client money or client data, on a criminal record and credit check "
            "carried out by a screening agency. Results are reviewed by the People team before the start date and a start date is not "
            "confirmed until the checks are complete." % co,
            "New joiners attend an induction that covers the organisation, the code of conduct, information security, data protection, "
            "anti-bribery rules and the whistleblowing procedure. Role-specific training is provided by each team using documented desk "
            "procedures, and new staff work under closer supervision until their team leader signs them off as competent.",
            "When an employee leaves, the People team records the leaving date in the HR system. Line managers collect equipment and badges "
            "and complete a leaver checklist. Exit interviews are offered and themes are reported to the leadership team twice a year."]),
        ("Vendor Management", [
            "Suppliers that process client data or support systems in scope are classed as critical. Before a critical supplier is engaged, "
            "procurement and the security team review its security practices, financial standing and assurance reports, and the contract "
            "includes confidentiality, security, audit and incident notification clauses.",
            "Each year the owner of each critical supplier relationship obtains the supplier's latest assurance report, reads the auditor's "
            "opinion and any exceptions, checks that the complementary user entity controls that apply to %s are in place, and records the "
            "review in the vendor register. Issues are raised with the supplier and tracked to resolution." % short]),
        ("Physical Security of Offices", [
            "Offices are protected by badge-controlled doors, CCTV at entrances and a staffed reception during business hours. Visitors sign "
            "in, wear a visitor badge and are accompanied. Rooms where printed client documents are handled or stored have an additional "
            "badge restriction and documents awaiting disposal are kept in locked confidential waste bins, emptied by a shredding contractor "
            "that provides destruction certificates.",
            "Production systems are not hosted in %s offices; the physical security of the hosting data centres is provided by the cloud "
            "subservice organisation described below." % short]),
        ("Incident Management", [
            "Operational and security incidents are logged in the service management tool with a priority based on their effect on clients "
            "and on processing deadlines. Priority 1 and 2 incidents are managed by an incident lead who coordinates technical teams, keeps a "
            "timeline and decides when to inform clients. After resolution a review identifies the root cause and follow-up actions, which "
            "are tracked to closure.",
            "Incidents that could affect the accuracy of client financial information are also assessed by the operations management team "
            "to determine whether any client output must be corrected and reissued."]),
        ("Data Retention and Records", [
            "Client records are retained for the periods required by law and by client agreements. Electronic records are kept in the "
            "production databases and archive storage; paper records are scanned on receipt and the originals destroyed after quality "
            "checking unless the client requires their return.",
            "Deletion of records at the end of their retention period is performed by scheduled jobs, and the results are logged."]),
        ("Business Continuity", [
            "%s maintains a business continuity plan that identifies critical processes, the people and systems they need and the maximum "
            "time each can be interrupted. The plan covers the loss of an office, the loss of key systems, the loss of a key supplier and "
            "the unavailability of large numbers of staff. Staff can work from home on company laptops with secure remote access, which was "
            "tested during the period." % co]),
        ("Changes to the System During the Period", [
            "There were no changes during the period that management considers significant to the controls relevant to user entities' "
            "internal control over financial reporting, other than those noted elsewhere in this description."]),
    ]
