"""A catalogue of SOC 2 style controls, written for this corpus.

Each entry: (criterion, short heading for the criterion, [ (control text, design evidence) ... ]).
"{co}" is replaced by the short company name, "{sys}" by the system name.
"""

CRITERIA = [
    ("CC1.1", "Commitment to integrity and ethical values", [
        ("A code of business conduct is published on the intranet and each employee acknowledges it when hired and again every year.",
         "the code of conduct and the acknowledgement records kept in the HR system"),
        ("Contractors with access to {sys} sign a confidentiality and acceptable use agreement before an account is issued.",
         "the template agreement and the onboarding checklist"),
    ]),
    ("CC1.2", "Board oversight independent of management", [
        ("The board of directors meets at least quarterly; security, availability and compliance matters are a standing agenda item.",
         "the board calendar and the agenda template"),
        ("The board includes at least one director who is independent of management and chairs the audit and risk committee.",
         "the committee charter and the list of directors"),
    ]),
    ("CC1.3", "Structures, reporting lines and authorities", [
        ("An organisation chart showing reporting lines is maintained by People Operations and is updated when roles change.",
         "the organisation chart and its revision history"),
        ("Written job descriptions define the responsibilities of roles that administer or support {sys}.",
         "job descriptions for engineering, support and security roles"),
    ]),
    ("CC1.4", "Attracting, developing and retaining competent people", [
        ("Candidates for positions with access to production data pass a background check before their start date, where local law allows.",
         "the background check policy and the vendor engagement letter"),
        ("New staff complete security awareness training within thirty days of hire and all staff repeat it annually.",
         "the training module and the learning management system configuration"),
    ]),
    ("CC1.5", "Accountability for internal control responsibilities", [
        ("Managers complete a written performance review for each direct report at least annually, covering adherence to security policies.",
         "the performance review template"),
        ("A disciplinary policy describes the consequences of violating the code of conduct or security policies.",
         "the disciplinary policy"),
    ]),
    ("CC2.1", "Quality information to support internal control", [
        ("The security team maintains an inventory of production systems, owners and data classifications, reviewed every six months.",
         "the asset inventory and the review ticket"),
        ("Logs from production hosts, databases and identity providers are forwarded to a central log platform and kept for at least one year.",
         "the log forwarding configuration and the retention setting"),
    ]),
    ("CC2.2", "Internal communication of objectives and responsibilities", [
        ("Information security policies are reviewed and approved by the CISO annually and published where all staff can read them.",
         "the policy set, its approval record and the intranet page"),
        ("Staff can report suspected incidents or policy breaches through a monitored security mailbox and an anonymous hotline.",
         "the reporting channels described on the intranet"),
    ]),
    ("CC2.3", "Communication with external parties", [
        ("Customer agreements and the published service description set out {co}'s security and availability commitments.",
         "the master subscription agreement template and the service description"),
        ("A public status page informs customers of service incidents and planned maintenance.",
         "the status page and its notification settings"),
        ("Customers are notified of changes to the sub-processor list at least thirty days in advance.",
         "the sub-processor page and the notification procedure"),
    ]),
    ("CC3.1", "Specifying objectives", [
        ("Management documents security, availability and confidentiality objectives for {sys} in the annual risk management plan.",
         "the risk management plan"),
    ]),
    ("CC3.2", "Identifying and analysing risk", [
        ("A formal risk assessment is carried out at least annually; risks are scored for likelihood and impact and recorded in the risk register with an owner.",
         "the risk assessment procedure and the risk register"),
        ("Risk treatment plans are approved by the risk committee and tracked to completion.",
         "the risk committee minutes template and treatment tracker"),
    ]),
    ("CC3.3", "Considering the potential for fraud", [
        ("The annual risk assessment includes a fraud risk section covering misuse of privileged access and manipulation of customer data.",
         "the fraud risk section of the risk assessment template"),
    ]),
    ("CC3.4", "Identifying and assessing significant change", [
        ("Significant changes to the business, technology or regulatory environment are raised at the monthly risk committee and assessed for their effect on controls.",
         "the risk committee charter and the standing agenda"),
    ]),
    ("CC4.1", "Ongoing and separate evaluations", [
        ("The compliance team runs a control self-assessment each quarter and records results in the governance, risk and compliance tool.",
         "the self-assessment schedule and tool configuration"),
        ("An external firm performs a penetration test of {sys} at least annually.",
         "the engagement letter and the test scope"),
    ]),
    ("CC4.2", "Communicating deficiencies", [
        ("Control deficiencies are logged as tickets with an owner and due date and are reported monthly to the leadership team.",
         "the deficiency workflow and the leadership reporting template"),
    ]),
    ("CC5.1", "Selecting control activities that mitigate risk", [
        ("Controls are mapped to risks in the risk register so that each high risk has at least one mitigating control.",
         "the risk-to-control mapping"),
    ]),
    ("CC5.2", "General controls over technology", [
        ("Technology general controls covering access, change and operations are defined in the IT control matrix, owned by named engineering leads.",
         "the IT control matrix"),
    ]),
    ("CC5.3", "Deploying controls through policies and procedures", [
        ("Operating procedures for access, change, backup and incident handling are stored in the engineering handbook and reviewed annually.",
         "the engineering handbook and its review history"),
    ]),
    ("CC6.1", "Logical access security software and architecture", [
        ("Access to production consoles, servers and databases requires single sign-on through the corporate identity provider with multi-factor authentication.",
         "the identity provider configuration and the MFA policy"),
        ("Customer data at rest is encrypted with AES-256 using keys held in a managed key service; key administration is limited to the platform security team.",
         "the storage encryption settings and the key policy"),
        ("Network security groups restrict inbound traffic to production to the load balancers and a bastion host.",
         "the network security group rules"),
        ("Passwords for local accounts must be at least fourteen characters and are checked against a list of breached passwords.",
         "the password policy settings"),
    ]),
    ("CC6.2", "Registering and authorising new users", [
        ("Access to production is requested through a ticket and approved by the system owner before it is provisioned.",
         "the access request workflow"),
        ("Customer administrators create and manage their own users; {co} staff cannot create customer users without a support ticket from the customer.",
         "the support procedure and the admin role definitions"),
    ]),
    ("CC6.3", "Role-based access and least privilege", [
        ("Production access is granted through role groups defined for each job function; standing administrator rights are limited to the site reliability team.",
         "the role group definitions"),
        ("System owners review user access to production systems each quarter and remove access that is no longer needed.",
         "the access review procedure and review tickets"),
    ]),
    ("CC6.4", "Physical access to facilities and assets", [
        ("Office entry requires a badge; visitors sign in and are escorted by an employee.",
         "the badge system configuration and the visitor procedure"),
    ]),
    ("CC6.5", "Disposal and protection of assets", [
        ("Laptops returned by departing staff are wiped with a certified erasure tool before reissue; the erasure certificate is kept.",
         "the asset return procedure and the erasure tool"),
        ("Accounts of departing staff are disabled in the identity provider no later than their last working day.",
         "the offboarding workflow linked to the HR system"),
    ]),
    ("CC6.6", "Protection against threats from outside the boundary", [
        ("A web application firewall inspects traffic to public endpoints of {sys} and blocks common attack patterns.",
         "the WAF policy and rule set"),
        ("Remote administrative access is only possible through the bastion host after MFA; direct SSH from the internet is blocked.",
         "the bastion configuration and firewall rules"),
    ]),
    ("CC6.7", "Restricting transmission and movement of data", [
        ("Data in transit over public networks is encrypted with TLS 1.2 or higher; older protocols are disabled on the load balancers.",
         "the load balancer TLS policy"),
        ("Company laptops run full-disk encryption and a mobile device management agent that blocks removable storage.",
         "the MDM profile"),
    ]),
    ("CC6.8", "Preventing and detecting malicious software", [
        ("Endpoint detection and response software is installed on laptops and production hosts; alerts route to the security on-call engineer.",
         "the EDR console and the alert routing rules"),
        ("Container images are scanned for known vulnerabilities before deployment; images with critical findings cannot be promoted.",
         "the pipeline scanning step and promotion gate"),
    ]),
    ("CC7.1", "Detecting configuration changes and vulnerabilities", [
        ("Production hosts and cloud accounts are scanned weekly for vulnerabilities and misconfigurations; findings are ticketed by severity.",
         "the scanner schedule and ticketing integration"),
        ("Critical vulnerabilities are remediated within fifteen days and high within thirty days, or a documented exception is approved.",
         "the vulnerability management standard"),
    ]),
    ("CC7.2", "Monitoring for anomalies", [
        ("The security information and event management platform raises alerts for suspicious authentication, privilege changes and data export events.",
         "the SIEM detection rules"),
        ("Infrastructure monitoring alerts the on-call engineer when latency, error rates or capacity exceed defined thresholds.",
         "the monitoring dashboards and paging policy"),
    ]),
    ("CC7.3", "Evaluating security events", [
        ("Security alerts are triaged by the security on-call engineer, who decides whether the event is an incident under the incident response plan.",
         "the triage runbook"),
    ]),
    ("CC7.4", "Responding to incidents", [
        ("An incident response plan defines roles, severity levels, communication and post-incident review; it is tested by a tabletop exercise each year.",
         "the incident response plan and the exercise schedule"),
        ("Incidents are recorded in the incident tracker with a timeline, root cause and follow-up actions.",
         "the incident tracker fields"),
    ]),
    ("CC7.5", "Recovering from incidents", [
        ("Post-incident reviews are held for severity 1 and 2 incidents and the resulting actions are tracked to closure.",
         "the post-incident review template"),
    ]),
    ("CC8.1", "Change management", [
        ("Changes to {sys} code are made through pull requests that require review and approval by an engineer other than the author.",
         "the branch protection rules in the source repository"),
        ("Automated tests run in the build pipeline and must pass before a change can be merged.",
         "the pipeline configuration"),
        ("Infrastructure changes are defined as code and applied through the deployment pipeline; manual console changes raise an alert.",
         "the infrastructure-as-code repository and the drift alert"),
        ("Emergency changes may be deployed with one approval and are reviewed retrospectively within two business days.",
         "the emergency change procedure"),
    ]),
    ("CC9.1", "Mitigating business disruption", [
        ("A business continuity plan is maintained and reviewed annually by the leadership team.",
         "the business continuity plan"),
        ("{co} carries cyber liability insurance, reviewed at each renewal.",
         "the insurance certificate"),
    ]),
    ("CC9.2", "Managing vendor and business partner risk", [
        ("Vendors that store or process customer data are assessed before onboarding and reassessed annually, including review of their assurance reports.",
         "the vendor management procedure and the vendor register"),
        ("Agreements with such vendors include confidentiality and security obligations.",
         "the vendor contract template"),
    ]),
]

AVAILABILITY = [
    ("A1.1", "Capacity management", [
        ("Capacity of compute, storage and database resources is reviewed monthly against forecast demand and scaled as needed.",
         "the capacity review dashboard and meeting notes template"),
    ]),
    ("A1.2", "Environmental protections, backup and recovery infrastructure", [
        ("Production runs in at least two availability zones so that the loss of one zone does not interrupt the service.",
         "the deployment topology"),
        ("Databases are backed up daily and backups are replicated to a second region; backup jobs that fail raise an alert.",
         "the backup schedule and alert configuration"),
    ]),
    ("A1.3", "Recovery plan testing", [
        ("Restoration from backup is tested at least twice a year and the results are documented.",
         "the restore test procedure"),
        ("The disaster recovery plan is exercised annually against the stated recovery time and recovery point objectives.",
         "the disaster recovery plan"),
    ]),
]

CONFIDENTIALITY = [
    ("C1.1", "Identifying and protecting confidential information", [
        ("Data is classified under the data classification policy; customer content is classified as confidential by default.",
         "the data classification policy"),
        ("Access to customer content by support staff requires a time-limited grant tied to a customer ticket.",
         "the just-in-time access tool configuration"),
    ]),
    ("C1.2", "Disposal of confidential information", [
        ("When a customer terminates, its content is deleted within ninety days, and deletion is logged.",
         "the data deletion procedure and deletion job"),
    ]),
]

PROCESSING_INTEGRITY = [
    ("PI1.1", "Information about processing objectives", [
        ("Message formats, field definitions and validation rules of {sys} are published in the customer interface guide.",
         "the customer interface guide"),
    ]),
    ("PI1.2", "Inputs are complete and accurate", [
        ("Inbound messages are validated against the published schema and rejected messages are returned to the sender with an error code.",
         "the schema validation component and the rejection codes"),
    ]),
    ("PI1.3", "Processing is complete, accurate and timely", [
        ("Each message is given a unique identifier and its state is tracked from receipt to delivery; messages that are not delivered within the agreed time raise an alert.",
         "the message tracking design and alert thresholds"),
    ]),
    ("PI1.4", "Outputs are complete, accurate and distributed as intended", [
        ("Outbound deliveries are acknowledged by the receiving endpoint; unacknowledged deliveries are retried and escalated.",
         "the retry policy and escalation queue"),
    ]),
    ("PI1.5", "Stored data is complete and accurate", [
        ("Daily reconciliation compares message counts received, processed and delivered; differences are investigated by operations.",
         "the reconciliation report design"),
    ]),
]


def criteria_for(categories):
    out = list(CRITERIA)
    if "availability" in categories:
        out += AVAILABILITY
    if "confidentiality" in categories:
        out += CONFIDENTIALITY
    if "processing_integrity" in categories:
        out += PROCESSING_INTEGRITY
    return out
