"""Control objectives for Marrowgate Payroll Services (SOC 1 Type II). Our own wording.

Each objective: (number, title, objective text, [controls], [cuecs]).
Each control: (id, text, [tests], result) where result None means "No exceptions noted."
"""

EXC_TERM = ("Exception noted. For 2 of 25 terminated employees sampled, access to the corporate network and to PayCore was removed "
            "6 and 11 business days after the termination date recorded in the HR system, rather than by the end of the next business day. "
            "Inspection of the PayCore audit log showed no activity by either account after the termination date.")
EXC_TAX = ("Exception noted. For 1 of 12 monthly tax deposit reconciliations sampled (June 2025), the reconciliation had been prepared "
           "but there was no evidence of review and sign-off by the tax manager.")
EXC_UAT = ("Exception noted. For 1 of 40 production changes sampled, evidence of user acceptance testing sign-off was not retained "
           "before the change was deployed. The change was a modification to a state withholding table and the resulting "
           "calculations were later agreed to the published rates without difference.")

OBJECTIVES = [
    (1, "Client Setup and Maintenance",
     "Controls provide reasonable assurance that new client payroll accounts and changes to client master data are authorized and are "
     "set up completely and accurately in PayCore.", [
        ("1.1", "A signed client services agreement and a completed implementation workbook are required before a new client is created "
                "in PayCore.",
         ["Inquired of the implementation manager regarding the client setup process.",
          "For a sample of 25 new clients set up during the period, inspected the signed agreement and the implementation workbook and "
          "determined that both were completed before the client was created in PayCore."], None),
        ("1.2", "A second implementation specialist compares the PayCore client configuration (pay frequencies, earning and deduction codes, "
                "tax jurisdictions, bank accounts) to the implementation workbook and signs the setup checklist before the first live payroll.",
         ["For the sample of 25 new clients, inspected the setup checklist and determined that a second specialist compared the "
          "configuration to the workbook and signed the checklist before the first live payroll."], None),
        ("1.3", "A parallel payroll is run for each new client and the results are agreed to the client's prior provider register; "
                "differences are resolved before go-live.",
         ["For the sample of 25 new clients, inspected the parallel payroll comparison and determined that differences were investigated "
          "and resolved before the first live payroll."], None),
        ("1.4", "Changes to client bank account details are made only on a written request from an authorized client contact and are "
                "confirmed by a call-back to a number already on file.",
         ["Inspected the PayCore configuration and determined that bank account fields can be edited only by the client maintenance role.",
          "For a sample of 25 bank account changes, inspected the written request, the authorized contact list and the call-back log and "
          "determined that each change was requested by an authorized contact and confirmed by call-back."], None),
        ("1.5", "Client maintenance changes are listed on a daily change report that is reviewed and initialled by the client services "
                "supervisor.",
         ["For a sample of 40 days, inspected the daily change report and determined that it was reviewed and initialled by the client "
          "services supervisor."], None),
     ], [
        "Providing Marrowgate with complete and accurate information in the implementation workbook.",
        "Maintaining an up-to-date list of contacts authorized to request changes to their account.",
        "Reviewing the parallel payroll results and approving go-live.",
     ]),
    (2, "Payroll Input",
     "Controls provide reasonable assurance that employee changes and payroll input received from clients are recorded completely, "
     "accurately and in a timely manner.", [
        ("2.1", "Clients submit payroll input through the PayCore client portal or a secure file transfer; PayCore validates files against "
                "the client's import template and rejects files that fail validation.",
         ["Observed the submission of a test file containing invalid records and determined that PayCore rejected the file and displayed "
          "the validation errors.",
          "Inspected the import template configuration for a sample of 10 clients and determined that validation rules were enabled."], None),
        ("2.2", "PayCore produces an input control total report (record count, gross hours, gross amounts) that the client must approve in "
                "the portal before the payroll can be processed.",
         ["Inspected the PayCore workflow configuration and determined that processing cannot start until the client approves the input "
          "control totals.",
          "For a sample of 40 payroll runs, inspected the approval record and determined that the client approved the control totals before "
          "processing."], None),
        ("2.3", "Input received by e-mail or telephone from clients on assisted service is keyed by a payroll specialist and checked "
                "field by field by a second specialist before processing.",
         ["For a sample of 40 assisted payroll runs, inspected the input sheet and the checker's initials and determined that the keyed "
          "input was checked by a second specialist before processing."], None),
        ("2.4", "Payroll runs not submitted by the client's cut-off time appear on a late-input dashboard; a payroll specialist contacts "
                "the client the same day.",
         ["For a sample of 25 days, inspected the late-input dashboard and the contact log and determined that clients with missing input "
          "were contacted on the same day."], None),
     ], [
        "Submitting complete and accurate payroll input by the agreed cut-off time.",
        "Reviewing and approving input control totals in the portal before processing.",
        "Restricting access to the client portal to authorized client personnel.",
     ]),
    (3, "Payroll Processing",
     "Controls provide reasonable assurance that payroll is calculated completely and accurately in accordance with client instructions and "
     "applicable tax tables.", [
        ("3.1", "Gross-to-net calculations are performed by PayCore using configured earning, deduction and tax rules; manual overrides of "
                "calculated amounts require supervisor approval in the system.",
         ["Inspected the PayCore role configuration and determined that only the payroll supervisor role can approve calculation overrides.",
          "Reperformed gross-to-net calculations for a sample of 25 employee pay records and agreed the results to PayCore without "
          "difference."], None),
        ("3.2", "Before payroll is finalised, PayCore produces a variance report comparing the current run with the prior run; variances "
                "above client thresholds are reviewed by the payroll specialist and confirmed with the client where needed.",
         ["For a sample of 40 payroll runs, inspected the variance report and determined that variances above the threshold were reviewed "
          "and, where needed, confirmed with the client before finalisation."], None),
        ("3.3", "Federal, state and local tax tables are updated by the tax research team from official publications; each update is "
                "tested in a test environment and approved by the tax manager before release.",
         ["For a sample of 15 tax table updates, inspected the source publication, the test results and the tax manager's approval and "
          "determined that each update was tested and approved before release."], None),
        ("3.4", "Processing jobs are scheduled in the job scheduler and monitored by the operations team; failed or incomplete jobs are "
                "ticketed and rerun.",
         ["For a sample of 25 days, inspected the job scheduler history and tickets and determined that failed jobs were ticketed and "
          "rerun to completion."], None),
     ], [
        "Reviewing the payroll register and variance report provided before finalisation and reporting errors promptly.",
        "Informing Marrowgate of local tax jurisdictions in which their employees work.",
     ]),
    (4, "Payroll Tax Deposits and Filings",
     "Controls provide reasonable assurance that payroll tax deposits and filings are complete, accurate and made on time.", [
        ("4.1", "Tax liabilities calculated by PayCore are deposited through the electronic federal and state payment systems according to "
                "each client's deposit schedule; the tax operations team monitors a deposit calendar daily.",
         ["For a sample of 25 tax deposits, agreed the amount deposited to the PayCore liability report and the deposit date to the "
          "client's deposit schedule."], None),
        ("4.2", "Each month the tax accountant reconciles tax liabilities in PayCore to deposits made; the reconciliation is reviewed and "
                "signed off by the tax manager.",
         ["For a sample of 12 monthly reconciliations, inspected the reconciliation and the evidence of review and sign-off by the tax "
          "manager."], EXC_TAX),
        ("4.3", "Quarterly and annual returns are generated by PayCore and checked to the liability reports before filing; filing "
                "acknowledgements are retained.",
         ["For a sample of 25 quarterly returns, agreed the amounts to the liability report and inspected the filing acknowledgement."], None),
        ("4.5", "Amendments to previously filed returns are prepared by a tax accountant and approved by the tax manager before "
                "filing.",
         ["For a sample of 25 amended returns, inspected evidence of approval by the tax manager before filing."], None),
        ("4.4", "Tax notices received from agencies are logged on receipt and resolved by the notice resolution team; open notices are "
                "reported weekly to the tax manager.",
         ["For a sample of 25 notices, inspected the notice log and determined that each notice was logged and either resolved or "
          "reported on the weekly open notice report."], None),
     ], [
        "Forwarding tax notices received directly from agencies to Marrowgate promptly.",
        "Providing accurate employee address and work location information.",
        "Funding tax liabilities in accordance with the client services agreement.",
     ]),
    (5, "Funds Movement",
     "Controls provide reasonable assurance that direct deposit and funds collection transactions are authorized and transmitted "
     "completely and accurately.", [
        ("5.1", "ACH files are generated by PayCore only from finalised payrolls and are transmitted to the originating bank over an "
                "encrypted connection.",
         ["Inspected the file transfer configuration and determined that ACH files are transmitted to the originating bank over an "
          "encrypted connection.",
          "Observed the generation of an ACH file and determined that PayCore would not generate a file for a payroll that had not been "
          "finalised."], None),
        ("5.2", "The treasury analyst agrees the ACH file totals to the PayCore funding report and to the bank's acknowledgement for each "
                "transmission.",
         ["For a sample of 40 days, inspected the daily ACH reconciliation and determined that file totals were agreed to the funding "
          "report and the bank acknowledgement."], None),
        ("5.3", "Returned ACH entries are worked by the treasury team and clients are notified of returned employee deposits within one "
                "business day.",
         ["For a sample of 25 returned entries, inspected the return record and the client notification and determined that the client was "
          "notified within one business day."], None),
        ("5.4", "The treasury bank accounts are reconciled monthly and the reconciliations are reviewed by the controller.",
         ["For a sample of 12 months, inspected the bank reconciliations and determined that each was reviewed by the controller."], None),
     ], [
        "Ensuring sufficient funds are available in their accounts for payroll and tax debits.",
        "Providing accurate employee bank account information.",
     ]),
    (6, "Output and Reporting",
     "Controls provide reasonable assurance that payroll output and reports are complete, accurate and distributed only to authorized "
     "recipients.", [
        ("6.1", "Reports are published to the client portal, where access is limited to users set up by the client administrator; printed "
                "cheques are sealed and shipped by tracked courier.",
         ["Inspected the portal authorisation settings and determined that reports are visible only to users of the client concerned.",
          "For a sample of 25 cheque shipments, inspected the courier tracking record."], None),
        ("6.2", "Year-end forms W-2 are generated from PayCore data and totals are agreed to the annual tax filings before release.",
         ["For a sample of 15 clients, agreed W-2 totals to the annual filings before release."], None),
        ("6.3", "General ledger files are produced from the finalised payroll and balanced to the payroll register totals by PayCore "
                "before publication; files that do not balance are held and investigated.",
         ["Inspected the PayCore balancing routine and observed that a file with an out-of-balance test record was held.",
          "For a sample of 25 payroll runs, agreed general ledger file totals to the payroll register."], None),
        ("6.4", "Client requests to reissue reports or corrected forms are logged and the reissued output is checked by a second "
                "specialist before release.",
         ["For a sample of 25 reissue requests, inspected the request log and the second specialist's check."], None),
     ], [
        "Reviewing payroll reports and notifying Marrowgate of errors promptly.",
        "Distributing employee pay statements that they print themselves.",
     ]),
    (7, "Logical Access",
     "Controls provide reasonable assurance that logical access to PayCore, its databases and the supporting infrastructure is restricted "
     "to authorized individuals.", [
        ("7.1", "New user access is requested through a ticket, approved by the employee's manager and the system owner, and provisioned "
                "according to the approved role.",
         ["For a sample of 25 new users, inspected the access request ticket and determined that access was approved by the manager and the "
          "system owner and agreed to the approved role."], None),
        ("7.2", "Access for terminated employees is removed from the network and PayCore by the end of the next business day after the "
                "termination date.",
         ["Obtained the list of employees terminated during the period from the HR system. For a sample of 25 terminated employees, "
          "compared the termination date with the date network and PayCore access was removed."], EXC_TERM),
        ("7.3", "User access to PayCore and the production databases is reviewed quarterly by system owners; inappropriate access is "
                "removed.",
         ["For a sample of 2 quarters, inspected the access reviews and determined that they were completed and that access marked for "
          "removal was removed."], None),
        ("7.4", "Authentication to the network requires unique user IDs, passwords of at least twelve characters and multi-factor "
                "authentication for remote access.",
         ["Inspected the directory password policy and the remote access configuration and determined that they enforced the stated "
          "requirements."], None),
        ("7.5", "Administrative access to production servers and databases is limited to the infrastructure team and is granted through a "
                "privileged access tool that records sessions.",
         ["Inspected the list of administrative accounts and agreed each to a member of the infrastructure team.",
          "Inspected the privileged access tool configuration and determined that sessions are recorded."], None),
     ], [
        "Administering their own users of the client portal and removing access promptly when no longer required.",
        "Protecting portal credentials and enabling multi-factor authentication for their users.",
     ]),
    (8, "Change Management",
     "Controls provide reasonable assurance that changes to PayCore and the supporting infrastructure are authorized, tested, approved and "
     "implemented appropriately.", [
        ("8.1", "Application changes are recorded in the change management tool and approved by the product owner before development.",
         ["For a sample of 40 changes, inspected the change ticket and determined that it was approved by the product owner before "
          "development began."], None),
        ("8.2", "Changes are tested by quality assurance and, where they affect calculations or client output, accepted by the business "
                "owner before deployment.",
         ["For the sample of 40 changes, inspected evidence of quality assurance testing and, where applicable, user acceptance testing "
          "sign-off before deployment."], EXC_UAT),
        ("8.3", "Developers do not have access to deploy to production; deployments are performed by the release team through the "
                "deployment pipeline.",
         ["Inspected the deployment pipeline permissions and determined that developers could not deploy to production."], None),
        ("8.4", "Infrastructure changes follow the same ticketing and approval process and are reviewed weekly by the change advisory "
                "board.",
         ["For a sample of 25 infrastructure changes, inspected the ticket and the change advisory board minutes."], None),
     ], [
        "Testing changes they request to their own reports or interfaces and communicating acceptance to Marrowgate.",
     ]),
    (9, "Computer Operations",
     "Controls provide reasonable assurance that processing is scheduled and monitored, backups are performed, and problems are "
     "identified and resolved.", [
        ("9.1", "Production databases are backed up daily and replicated to a second AWS region; backup failures raise an alert to the "
                "operations team.",
         ["Inspected the backup configuration and determined that daily backups and cross-region replication were enabled.",
          "For a sample of 25 days, inspected backup job results and determined that failures were alerted and resolved."], None),
        ("9.2", "A restoration test is performed each quarter and the results are documented.",
         ["For a sample of 2 quarters, inspected the restore test documentation."], None),
        ("9.3", "Incidents affecting processing are logged, prioritised and tracked to resolution in the incident management tool.",
         ["For a sample of 25 incidents, inspected the incident ticket and determined that it was prioritised and resolved."], None),
        ("9.4", "Job schedule changes are requested in the service management tool and approved by the operations manager before "
                "implementation.",
         ["For a sample of 25 job schedule changes, inspected the approval by the operations manager before implementation."], None),
        ("9.5", "The operations team reviews a daily processing checklist confirming that all scheduled payroll, ACH and report jobs "
                "completed; the checklist is signed by the shift lead.",
         ["For a sample of 40 days, inspected the signed daily processing checklist."], None),
     ], []),
]
