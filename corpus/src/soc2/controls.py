"""Pool of invented control descriptions and test steps.

Each entry: key, criteria it supports (first = primary), control text variants, test steps.
Test steps are tuples rendered by each audit firm's style:
  ('q', who, about)        inquiry
  ('i', what)              inspection of a document or configuration
  ('s', population, check) inspection for a sample drawn from a population
  ('o', what)              observation
  ('r', what)              reperformance
Placeholders in braces are filled from the report profile (tool names, titles).
"""

POOL = []


def C(key, crits, text, tests):
    if isinstance(text, str):
        text = [text]
    POOL.append({"key": key, "crit": crits, "text": text, "tests": tests})


# ---------------------------------------------------------------- CC1 control environment
C("coc_ack", ["CC1.1", "CC1.5"],
  ["Employees and contractors acknowledge the Code of Business Conduct at hire and annually thereafter.",
   "New personnel sign an acknowledgement of the code of conduct during onboarding, and all personnel re-acknowledge it each year."],
  [("q", "the {people}", "the process for distributing and acknowledging the code of conduct"),
   ("s", "new hires", "the signed code of conduct acknowledgement to determine that it was completed during onboarding"),
   ("s", "current employees", "evidence that the annual acknowledgement was completed within the year")])
C("coc_sanction", ["CC1.1", "CC1.5"],
  "A documented disciplinary process defines the sanctions applied to personnel who breach the code of conduct or security policies.",
  [("i", "the disciplinary policy to determine that it describes sanctions for policy violations"),
   ("q", "the {people}", "whether any violations were escalated during the period and how they were handled")])
C("whistle", ["CC1.1", "CC2.2"],
  "An anonymous ethics hotline is available to personnel for reporting suspected misconduct, and reports are reviewed by the {legal}.",
  [("i", "the ethics hotline page on the intranet to determine that reporting channels were published"),
   ("q", "the {legal}", "the handling of reports received through the hotline"),
   ("i", "the hotline case log to determine that reports received were tracked to resolution")])
C("board_meet", ["CC1.2", "CC4.2"],
  ["The {board} meets at least quarterly and receives updates on security, availability and compliance matters from management.",
   "Management briefs the {board} each quarter on information security, operational risk and the status of compliance programmes."],
  [("i", "the {board} charter to determine that oversight responsibilities for internal control are defined"),
   ("s", "quarterly meetings", "the meeting minutes and presentation materials to determine that security and compliance matters were discussed")])
C("board_indep", ["CC1.2"],
  "The {board} includes members who are independent of management and who have expertise relevant to overseeing the organisation.",
  [("i", "the {board} roster and biographies to determine that independent members with relevant expertise were seated"),
   ("q", "the Chief Executive Officer", "the composition of the {board}")])
C("orgchart", ["CC1.3", "CC2.2"],
  ["An organisation chart defining reporting lines is maintained in {hr} and is available to all personnel.",
   "Reporting lines and authorities are documented in an organisation chart, updated automatically from {hr} as roles change."],
  [("i", "the organisation chart to determine that reporting lines were defined and available to personnel"),
   ("o", "a user accessing the organisation chart from the company intranet")])
C("job_desc", ["CC1.3", "CC1.4"],
  "Job descriptions that define responsibilities and required qualifications are documented for roles that support the system.",
  [("s", "job descriptions", "the description to determine that responsibilities and qualifications were documented")])
C("sec_roles", ["CC1.3", "CC5.3"],
  "The information security policy assigns responsibility for security to the {ciso}, supported by a security team with defined roles.",
  [("i", "the information security policy to determine that security responsibilities were assigned"),
   ("q", "the {ciso}", "the structure and responsibilities of the security team")])
C("bg_check", ["CC1.4"],
  ["Background checks are completed through {bgc} for new employees before their start date, as permitted by local law.",
   "Candidates offered a position undergo a pre-employment background screening, which must be cleared before system access is granted."],
  [("q", "the {people}", "the background screening process"),
   ("s", "new hires", "evidence that a background check was completed prior to the employee's start date")])
C("perf_review", ["CC1.4", "CC1.5"],
  "Managers complete performance reviews of their direct reports at least annually, including an assessment of adherence to company policies.",
  [("i", "the performance review schedule in {hr}"),
   ("s", "current employees", "evidence that a performance review was completed during the review cycle")])
C("sec_training", ["CC1.4", "CC2.2"],
  ["Personnel complete security awareness training through {lms} within 30 days of hire and annually thereafter.",
   "Security and privacy awareness training is assigned through {lms} to all personnel at onboarding and yearly; completion is tracked by the security team."],
  [("i", "the security awareness training content to determine that it addressed relevant threats and responsibilities"),
   ("s", "new hires", "the training completion record to determine that training was completed within 30 days of hire"),
   ("s", "current employees", "the training completion record to determine that annual training was completed")])
C("dev_training", ["CC1.4", "CC8.1"],
  "Engineers complete secure development training annually, covering common application weaknesses and the organisation's coding standards.",
  [("i", "the secure development training materials"),
   ("s", "engineers", "evidence that secure development training was completed during the period")])
C("contractor_nda", ["CC1.1", "CC9.2"],
  "Contractors sign a confidentiality agreement and agree to the acceptable use policy before receiving access.",
  [("s", "contractors onboarded during the period", "the signed confidentiality agreement and acceptable use acknowledgement")])

# ---------------------------------------------------------------- CC2 information and communication
C("policy_review", ["CC2.1", "CC5.3"],
  ["Information security policies are reviewed and approved by the {ciso} at least annually and published on {wiki}.",
   "The security policy set is reviewed once a year, approved by management, and made available to personnel on the internal wiki."],
  [("i", "the information security policies to determine that they were reviewed and approved during the period"),
   ("o", "the published policies on {wiki} to determine that they were available to personnel")])
C("sys_desc", ["CC2.2", "CC2.3"],
  "A description of the system, including its boundaries and components, is maintained and made available to authorised internal users and customers under NDA.",
  [("i", "the system description and network diagram to determine that they were current"),
   ("q", "the {comp}", "how the description is shared with customers")])
C("cust_commit", ["CC2.3"],
  ["Security, availability and confidentiality commitments are communicated to customers through the master services agreement and the online terms of service.",
   "Customer contracts and the public terms of service set out the organisation's commitments on security and service availability."],
  [("s", "new customer agreements", "the agreement to determine that security commitments were included"),
   ("i", "the public terms of service to determine that commitments were described")])
C("status_page", ["CC2.3", "A1.1"],
  "A public status page communicates service incidents and scheduled maintenance to customers.",
  [("o", "the public status page"),
   ("s", "incidents affecting customers", "the status page history to determine that the incident was communicated")])
C("ext_report", ["CC2.3", "CC7.3"],
  "Customers and external parties can report security concerns and vulnerabilities through a published security contact address, which is monitored by the security team.",
  [("i", "the public security page to determine that a reporting channel was published"),
   ("s", "external reports received", "the ticket to determine that the report was triaged by the security team")])
C("change_notify", ["CC2.3", "CC8.1"],
  "Significant changes to the service that affect customers are communicated through release notes and customer notices.",
  [("s", "significant releases", "the release notes to determine that changes were communicated to customers")])
C("int_comm", ["CC2.2"],
  "Security and operational updates are communicated to personnel through company meetings and a dedicated internal channel.",
  [("s", "months", "the internal communications to determine that security updates were shared with personnel")])
C("log_sources", ["CC2.1", "CC7.2"],
  "Security-relevant events from production systems are collected centrally in {siem} and retained for at least 12 months.",
  [("i", "the {siem} configuration to determine that production log sources were onboarded"),
   ("i", "the log retention configuration to determine that logs were retained for at least 12 months")])

# ---------------------------------------------------------------- CC3 risk assessment
C("risk_assess", ["CC3.1", "CC3.2"],
  ["A formal risk assessment is performed annually, identifying threats and vulnerabilities to the system and rating the likelihood and impact of each risk.",
   "Each year the security and compliance teams carry out a risk assessment that identifies threats to the service, scores them, and assigns owners."],
  [("i", "the risk assessment methodology to determine that it defined how risks are identified and rated"),
   ("i", "the risk assessment completed during the period and the resulting risk register"),
   ("q", "the {comp}", "the participation of business and technology owners in the assessment")])
C("risk_treat", ["CC3.2", "CC5.1"],
  "Risks rated above the risk tolerance have documented treatment plans with owners and target dates, which are tracked in {grc}.",
  [("s", "risks rated high", "the risk register entry to determine that a treatment plan, owner and target date were documented")])
C("fraud_risk", ["CC3.3"],
  "The annual risk assessment considers the potential for fraud, including incentives, pressures and opportunities for unauthorised use of assets.",
  [("i", "the risk assessment to determine that fraud risks were considered"),
   ("q", "the {cfo}", "the fraud risk factors considered")])
C("change_risk", ["CC3.4"],
  "Changes in the business, regulatory environment and technology that could significantly affect internal control are assessed as part of the annual risk assessment and at quarterly risk committee meetings.",
  [("s", "quarterly risk committee meetings", "the minutes to determine that significant changes were assessed")])
C("objectives", ["CC3.1"],
  "Management sets annual operational and security objectives that are approved by the {board} and reviewed each quarter.",
  [("i", "the documented objectives for the period and evidence of approval"),
   ("q", "the Chief Executive Officer", "how objectives are monitored")])
C("threat_intel", ["CC3.2", "CC7.1"],
  "The security team subscribes to threat intelligence sources and evaluates advisories relevant to the technology stack.",
  [("q", "the {ciso}", "the threat intelligence sources monitored"),
   ("s", "advisories received", "the ticket to determine that the advisory was evaluated")])

# ---------------------------------------------------------------- CC4 monitoring
C("internal_audit", ["CC4.1", "CC4.2"],
  ["The compliance team tests key controls throughout the year and reports results to management.",
   "An internal control testing programme, run by the {comp}, evaluates the operation of key controls on a rotating schedule."],
  [("i", "the internal control testing plan for the period"),
   ("s", "control tests performed", "the workpapers to determine that tests were performed and results reported")])
C("pentest", ["CC4.1", "CC7.1"],
  ["An independent third party performs a penetration test of the production environment at least annually; findings are tracked to remediation.",
   "Penetration testing of the application and its external perimeter is carried out by an outside firm each year, and findings are logged in {tix} for remediation."],
  [("i", "the penetration test report issued during the period"),
   ("s", "findings rated high or critical", "the remediation ticket to determine that the finding was remediated or risk-accepted")])
C("deficiency_track", ["CC4.2"],
  "Control deficiencies identified by internal or external assessments are logged, assigned owners and tracked to remediation in {grc}.",
  [("i", "the deficiency tracker to determine that deficiencies were logged with owners"),
   ("s", "deficiencies", "evidence that remediation was tracked to closure")])
C("vendor_soc_review", ["CC4.1", "CC9.2"],
  "Management obtains and reviews the assurance reports of subservice organisations annually, including an evaluation of complementary subservice organisation controls.",
  [("s", "subservice organisations", "management's review of the most recent assurance report")])
C("compliance_dash", ["CC4.1"],
  "Automated compliance monitoring in {grc} continuously checks infrastructure configurations against the security baseline, and failing checks are assigned for remediation.",
  [("o", "the compliance monitoring dashboard"),
   ("s", "failing checks", "the related ticket to determine that the check was investigated and resolved")])

# ---------------------------------------------------------------- CC5 control activities
C("ctrl_matrix", ["CC5.1", "CC5.2"],
  "Management maintains a control matrix that maps controls to identified risks and to the applicable criteria.",
  [("i", "the control matrix to determine that controls were mapped to risks and criteria")])
C("sod", ["CC5.1", "CC6.3"],
  "Segregation of duties is enforced so that developers cannot approve and deploy their own changes to production.",
  [("i", "the branch protection settings in {repo}"),
   ("r", "an attempt to merge an unapproved change to a protected branch, which was blocked")])
C("policy_set", ["CC5.3"],
  ["Documented policies cover acceptable use, access control, change management, incident response, business continuity, data classification and vendor management.",
   "The policy library includes, at a minimum, policies for access, change, incidents, continuity, data handling and third parties."],
  [("i", "the policy library to determine that the listed policies existed and were approved")])
C("tech_stds", ["CC5.2"],
  "Hardening standards are defined for operating systems, containers and databases used in production.",
  [("i", "the hardening standards"),
   ("s", "production hosts", "the configuration to determine that it conformed to the standard")])
C("policy_exc", ["CC5.3"],
  "Exceptions to security policy require a documented business justification and approval by the {ciso} and are reviewed quarterly.",
  [("s", "policy exceptions", "the approval and the quarterly review")])

# ---------------------------------------------------------------- CC6 logical and physical access
C("sso_mfa", ["CC6.1"],
  ["Access to production systems and internal applications requires single sign-on through {idp} with multi-factor authentication.",
   "Users authenticate to corporate and production systems through {idp}; multi-factor authentication is enforced for all accounts."],
  [("i", "the {idp} authentication policy to determine that multi-factor authentication was enforced"),
   ("o", "a user logging in to the production console, who was prompted for a second factor"),
   ("i", "the list of applications integrated with {idp}")])
C("pwd_policy", ["CC6.1"],
  "Password settings require a minimum of 12 characters, block known-compromised passwords and lock accounts after repeated failed attempts.",
  [("i", "the password configuration in {idp}"),
   ("r", "a login with an invalid password five times to confirm lockout")])
C("asset_inv", ["CC6.1"],
  "An inventory of production assets is maintained automatically from the {cloud} account configuration and reviewed quarterly.",
  [("i", "the asset inventory"),
   ("s", "quarters", "evidence of the quarterly review")])
C("enc_rest", ["CC6.1", "CC6.7", "C1.1"],
  ["Customer data at rest is encrypted with AES-256 using keys managed in {kms}.",
   "Databases, object storage and backups that hold customer data are encrypted at rest; encryption keys are held in {kms} and rotated annually."],
  [("i", "the encryption configuration of production databases and storage buckets"),
   ("i", "the key rotation settings in {kms}")])
C("key_access", ["CC6.1"],
  "Access to encryption key management functions is restricted to authorised members of the infrastructure team.",
  [("i", "the key policy in {kms}"),
   ("q", "the {ops}", "the appropriateness of users with key administration rights")])
C("prod_access_rest", ["CC6.1", "CC6.3"],
  "Administrative access to the production environment is restricted to authorised engineers through role-based groups.",
  [("i", "the membership of production administrator groups"),
   ("q", "the {ops}", "the appropriateness of each member given job responsibilities")])
C("db_access", ["CC6.1", "CC6.3"],
  "Direct access to production databases is restricted to named database administrators and is brokered through a bastion with session logging.",
  [("i", "the list of users with direct database access"),
   ("o", "a database session opened through the bastion, which was logged")])
C("provision", ["CC6.2"],
  ["Access for new personnel is requested through {tix} and approved by the user's manager before it is provisioned.",
   "New user accounts are created only after a ticket in {tix} has been approved by the hiring manager; access is granted by role."],
  [("q", "the {ops}", "the access provisioning process"),
   ("s", "new hires", "the access request ticket to determine that access was approved before it was provisioned")])
C("deprovision", ["CC6.2", "CC6.3"],
  ["Access for terminated personnel is revoked within one business day of termination, triggered by the termination record in {hr}.",
   "When personnel leave, {hr} triggers deprovisioning in {idp}, and access is removed within 24 hours of the termination date."],
  [("q", "the {people}", "the offboarding process"),
   ("s", "terminated users", "the deprovisioning record to determine that access was revoked within the required timeframe")])
C("access_review", ["CC6.2", "CC6.3"],
  ["User access to production systems and critical applications is reviewed quarterly by system owners; inappropriate access is removed.",
   "System owners certify the users and privileges of in-scope systems every quarter, and access flagged as unnecessary is removed through a ticket."],
  [("i", "the access review procedure"),
   ("s", "quarterly reviews", "evidence that the review was completed and that access flagged for removal was removed")])
C("priv_review", ["CC6.3"],
  "Privileged accounts are reviewed monthly by the {ciso}.",
  [("s", "months", "the privileged account review sign-off")])
C("transfer", ["CC6.3"],
  "When personnel change roles, access no longer needed is removed within five business days of the transfer.",
  [("s", "role changes", "evidence that prior access was removed within five business days")])
C("svc_accts", ["CC6.1", "CC6.3"],
  "Service accounts are inventoried, assigned an owner, and cannot be used for interactive login.",
  [("i", "the service account inventory"),
   ("i", "the configuration preventing interactive login for service accounts")])
C("cust_auth", ["CC6.1", "CC6.6"],
  "The application supports customer-managed SAML single sign-on and enforces session timeouts after 30 minutes of inactivity.",
  [("o", "the application's authentication settings"),
   ("r", "a session left idle, which expired after 30 minutes")])
C("phys_office", ["CC6.4"],
  ["Office entrances are secured with badge readers; badges are issued only to approved personnel.",
   "Entry to company offices requires an access badge, which is issued after approval by the office manager."],
  [("o", "the badge readers at office entrances"),
   ("s", "badges issued", "the approval for the badge")])
C("phys_badge_remove", ["CC6.4"],
  "Badges of terminated personnel are deactivated on the termination date.",
  [("s", "terminated users", "the badge system to determine that the badge was deactivated")])
C("phys_visitors", ["CC6.4"],
  "Visitors sign in at reception, are issued a visitor badge and are escorted while in the office.",
  [("o", "the visitor sign-in process at reception"),
   ("i", "the visitor log for a selected week")])
C("colo_access", ["CC6.4"],
  "{colo} restricts physical access to the facility that houses {short}'s equipment to authorised individuals using badge and biometric readers; the access list is reviewed quarterly.",
  [("o", "the badge and biometric readers at the facility entrances"),
   ("s", "quarterly access list reviews", "the review performed by {colo} and its confirmation to {short}")])
C("colo_env", ["A1.2", "CC6.4"],
  "{colo} maintains fire suppression, uninterruptible power, generators and climate control for the facility and tests them according to its maintenance schedule.",
  [("o", "the environmental protection equipment at the facility"),
   ("s", "maintenance records", "the record to determine that the equipment was tested as scheduled")])
C("media_disposal", ["CC6.5", "C1.2"],
  "Laptops and storage media are wiped or destroyed by a certified vendor before disposal, and a certificate of destruction is retained.",
  [("s", "disposed devices", "the certificate of destruction")])
C("firewall", ["CC6.6"],
  ["Network security groups restrict inbound traffic to the production environment to approved ports and sources.",
   "Inbound connections to production are limited by security group and firewall rules to the load balancer ports; other ports are denied by default."],
  [("i", "the security group configuration"),
   ("r", "a connection attempt to a non-approved port, which was refused")])
C("waf", ["CC6.6"],
  "A web application firewall inspects traffic to public endpoints and blocks common attack patterns.",
  [("i", "the web application firewall rules and their mode of operation")])
C("vpn", ["CC6.6"],
  "Remote administrative access to production is permitted only through a zero-trust access proxy that requires device posture checks.",
  [("i", "the access proxy policy"),
   ("o", "an attempt to connect from an unmanaged device, which was denied")])
C("fw_review", ["CC6.6"],
  "Firewall and security group rules are reviewed semi-annually by the infrastructure team.",
  [("s", "semi-annual reviews", "the documented review")])
C("tls", ["CC6.7"],
  ["Data transmitted over public networks is encrypted using TLS 1.2 or higher.",
   "External connections to the service use TLS 1.2 or later; older protocol versions are disabled at the load balancer."],
  [("i", "the load balancer TLS policy"),
   ("o", "a connection to the service using a TLS scanning tool")])
C("dlp", ["CC6.7", "C1.1"],
  "Data loss prevention rules block the transfer of customer data to unapproved cloud storage and removable media on company laptops.",
  [("i", "the data loss prevention policy configured in {mdm}")])
C("mdm", ["CC6.7", "CC6.8"],
  "Company laptops are enrolled in {mdm}, which enforces disk encryption, screen lock and operating system updates.",
  [("i", "the {mdm} configuration profiles"),
   ("s", "laptops", "the device record to determine that encryption and screen lock were enforced")])
C("edr", ["CC6.8"],
  ["Endpoint detection and response software ({edr}) is installed on laptops and production hosts and reports to a central console.",
   "{edr} protects workstations and servers against malware; alerts are sent to the security team."],
  [("i", "the {edr} console to determine that agents were reporting"),
   ("s", "endpoints", "that the agent was installed and active")])
C("sw_install", ["CC6.8"],
  "Personnel cannot install unapproved software on company laptops; installation requests go through {tix}.",
  [("i", "the {mdm} restriction profile"),
   ("r", "an attempt to install an unapproved application, which was blocked")])
C("image_scan", ["CC6.8", "CC7.1"],
  "Container images are scanned for malware and known vulnerabilities before deployment; builds with critical findings are blocked.",
  [("i", "the pipeline configuration in {ci}"),
   ("o", "a build containing a known critical vulnerability, which the pipeline rejected")])

# ---------------------------------------------------------------- CC7 system operations
C("vuln_scan", ["CC7.1"],
  ["Infrastructure vulnerability scans are run weekly using {vuln}; critical and high vulnerabilities are remediated within 15 and 30 days respectively.",
   "{vuln} scans production hosts and containers every week. Remediation deadlines are 15 days for critical and 30 days for high findings."],
  [("i", "the scan schedule and scan results"),
   ("s", "critical and high vulnerabilities", "the remediation ticket to determine that the vulnerability was remediated within the defined timeframe")])
C("config_baseline", ["CC7.1", "CC8.1"],
  "Infrastructure is defined as code; configuration drift from the approved baseline is detected and alerted daily.",
  [("i", "the drift detection job configuration"),
   ("s", "drift alerts", "evidence that the drift was investigated")])
C("patching", ["CC7.1"],
  "Operating system patches are applied to production hosts monthly through automated image rebuilds.",
  [("s", "months", "evidence that production images were rebuilt with current patches")])
C("siem_alerts", ["CC7.2"],
  ["{siem} generates alerts for defined security events, including privilege changes and anomalous logins, and routes them to the on-call security engineer.",
   "Correlation rules in {siem} raise alerts for suspicious activity; alerts page the security on-call through {pager}."],
  [("i", "the alert rules configured in {siem}"),
   ("s", "alerts", "evidence that the alert was triaged")])
C("infra_mon", ["CC7.2", "A1.1"],
  "Infrastructure and application health are monitored with automated alerting on error rates, latency and resource use.",
  [("i", "the monitoring dashboards and alert thresholds"),
   ("s", "alerts", "the on-call record to determine that the alert was acknowledged")])
C("ids", ["CC7.2"],
  "Intrusion detection is enabled for the cloud accounts and its findings are reviewed by the security team.",
  [("i", "the intrusion detection configuration"),
   ("s", "findings", "evidence of review by the security team")])
C("audit_log_integrity", ["CC7.2"],
  "Audit logs are written to a storage location with object lock so that they cannot be altered or deleted by administrators.",
  [("i", "the object lock configuration of the log archive")])
C("ir_plan", ["CC7.3", "CC7.4"],
  ["A documented incident response plan defines roles, severity levels, escalation and communication steps, and is reviewed annually.",
   "The incident response plan sets out severity definitions, responsibilities and notification timelines; it is reviewed every year."],
  [("i", "the incident response plan to determine that it was reviewed during the period")])
C("ir_ticket", ["CC7.3", "CC7.4"],
  "Security incidents are logged in {tix}, classified by severity, and tracked through containment, remediation and closure.",
  [("s", "security incidents", "the incident ticket to determine that it was classified and tracked to resolution")])
C("ir_postmortem", ["CC7.4", "CC7.5"],
  "A post-incident review is completed for high-severity incidents, and corrective actions are tracked.",
  [("s", "high-severity incidents", "the post-incident review and corrective action tickets")])
C("ir_test", ["CC7.4"],
  "The incident response plan is tested annually through a tabletop exercise.",
  [("i", "the tabletop exercise report")])
C("ir_notify", ["CC7.4", "CC2.3"],
  "Customers affected by a confirmed security incident are notified within the timeframe committed in their agreements.",
  [("q", "the {ciso}", "incidents requiring customer notification during the period"),
   ("i", "the notification procedure")])
C("recovery_restore", ["CC7.5", "A1.2"],
  "Restoration from backup is performed following documented runbooks when data must be recovered.",
  [("i", "the restoration runbooks"),
   ("s", "restoration requests", "evidence that the restoration followed the runbook")])

# ---------------------------------------------------------------- CC8 change management
C("chg_ticket", ["CC8.1"],
  ["Changes to application code and infrastructure are tracked in {tix} and linked to a pull request in {repo}.",
   "Each production change is recorded as a ticket that references the pull request containing the change."],
  [("s", "changes deployed to production", "the ticket and pull request to determine that the change was documented")])
C("chg_review", ["CC8.1"],
  ["Pull requests require approval by at least one reviewer other than the author before they can be merged.",
   "Code changes are peer reviewed; {repo} prevents merging until an approver who is not the author has approved."],
  [("i", "the branch protection configuration"),
   ("s", "changes deployed to production", "evidence that the pull request was approved by someone other than the author")])
C("chg_test", ["CC8.1"],
  "Automated tests run in {ci} for every pull request; merges are blocked if tests fail.",
  [("i", "the {ci} pipeline configuration"),
   ("s", "changes deployed to production", "evidence that automated tests passed before the merge")])
C("chg_deploy", ["CC8.1", "CC5.2"],
  "Deployments to production are performed by the {ci} pipeline; engineers do not have standing rights to deploy manually.",
  [("i", "the deployment permissions"),
   ("q", "the {eng}", "the deployment process")])
C("chg_emergency", ["CC8.1"],
  "Emergency changes are documented and approved retrospectively within two business days.",
  [("s", "emergency changes", "the retrospective approval")])
C("chg_infra", ["CC8.1"],
  "Infrastructure changes are made through infrastructure-as-code pull requests subject to the same review as application changes.",
  [("s", "infrastructure changes", "the pull request approval")])
C("chg_envs", ["CC8.1"],
  "Development, staging and production environments are logically separated, and production data is not used in non-production environments.",
  [("i", "the account structure"),
   ("q", "the {eng}", "the use of test data")])
C("sast", ["CC8.1", "CC7.1"],
  "Static code analysis and dependency scanning run on every pull request; high-severity findings block the merge.",
  [("i", "the scanning configuration in {ci}"),
   ("s", "pull requests", "the scan results")])

# ---------------------------------------------------------------- CC9 risk mitigation
C("bcp", ["CC9.1", "A1.2"],
  "A business continuity and disaster recovery plan is documented, approved and reviewed annually.",
  [("i", "the business continuity and disaster recovery plan")])
C("insurance", ["CC9.1"],
  "The organisation carries cyber liability insurance, reviewed annually by the {cfo}.",
  [("i", "the insurance certificate in force during the period")])
C("vendor_assess", ["CC9.2"],
  ["New vendors with access to customer data are assessed for security risk before contracting.",
   "Before a vendor is engaged to handle customer or confidential data, the security team completes a risk assessment."],
  [("s", "new vendors", "the security assessment completed before the contract was signed")])
C("vendor_contract", ["CC9.2", "C1.1"],
  "Agreements with vendors that handle customer data include security, confidentiality and breach notification obligations.",
  [("s", "vendor agreements", "the security and confidentiality terms")])
C("vendor_review", ["CC9.2"],
  "Critical vendors are reviewed annually, including their security posture and any assurance reports.",
  [("i", "the vendor inventory with risk ratings"),
   ("s", "critical vendors", "the annual review")])

# ---------------------------------------------------------------- A1 availability
C("capacity", ["A1.1"],
  ["Capacity and utilisation are reviewed monthly against forecasts and thresholds; auto-scaling adjusts compute to demand.",
   "The infrastructure team reviews capacity each month and adjusts scaling policies when utilisation approaches thresholds."],
  [("i", "the auto-scaling configuration"),
   ("s", "months", "the capacity review")])
C("backups", ["A1.2"],
  ["Production databases are backed up daily, with backups replicated to a second region and retained for 35 days.",
   "Automated daily snapshots of production databases are copied to a separate region and kept for 35 days."],
  [("i", "the backup configuration and retention settings"),
   ("s", "days", "evidence that the backup completed successfully")])
C("backup_mon", ["A1.2"],
  "Backup failures generate alerts, which are investigated and resolved by the infrastructure team.",
  [("s", "backup failure alerts", "the ticket to determine the failure was resolved")])
C("multi_az", ["A1.2"],
  "Production services run across multiple availability zones so that a single zone failure does not interrupt service.",
  [("i", "the deployment configuration across zones")])
C("dr_test", ["A1.3", "CC9.1"],
  ["Disaster recovery procedures are tested annually, including restoration of production data in the recovery region.",
   "A failover test is carried out once a year; results and lessons learned are documented."],
  [("i", "the disaster recovery test report"),
   ("q", "the {ops}", "issues identified and their resolution")])
C("restore_test", ["A1.3"],
  "Backup restoration is tested quarterly to confirm data can be recovered.",
  [("s", "quarters", "evidence of a successful restore test")])
C("uptime_report", ["A1.1", "CC2.3"],
  "Monthly availability against the service level commitment is calculated and reported to management.",
  [("s", "months", "the availability report")])

# ---------------------------------------------------------------- C1 confidentiality
C("data_class", ["C1.1"],
  ["A data classification policy defines confidentiality levels and handling requirements for each level.",
   "Information is classified under the data classification policy into four levels, each with handling rules."],
  [("i", "the data classification policy")])
C("cust_data_ret", ["C1.2"],
  "Customer data is deleted within 30 days of contract termination, following a documented deletion procedure.",
  [("s", "terminated customers", "evidence that data was deleted within 30 days")])
C("conf_nda", ["C1.1"],
  "Employees sign confidentiality agreements as part of their employment contract.",
  [("s", "new hires", "the signed confidentiality agreement")])
C("test_data", ["C1.1"],
  "Confidential customer data is not copied to non-production environments; synthetic data is used for testing.",
  [("q", "the {eng}", "the sources of test data"),
   ("i", "a selection of non-production databases for customer data")])
C("ret_sched", ["C1.2"],
  "A retention schedule defines how long each type of confidential information is kept; expired data is purged by automated jobs.",
  [("i", "the retention schedule and purge job configuration")])

# ---------------------------------------------------------------- PI1 processing integrity
C("pi_specs", ["PI1.1"],
  "Data definitions and processing specifications for each processing job are documented and available to engineers and customers.",
  [("i", "the data dictionary and processing specifications")])
C("pi_input_val", ["PI1.2"],
  "Input files and API requests are validated against defined schemas; invalid records are rejected and reported to the customer.",
  [("i", "the validation rules"),
   ("r", "the submission of a malformed input file, which was rejected with an error report")])
C("pi_input_complete", ["PI1.2"],
  "Record counts and control totals of inbound files are reconciled to the counts loaded.",
  [("s", "days", "the reconciliation results")])
C("pi_job_mon", ["PI1.3"],
  "Scheduled processing jobs are monitored; failed jobs raise alerts and are rerun after investigation.",
  [("s", "failed jobs", "the investigation and rerun")])
C("pi_calc_test", ["PI1.3", "CC8.1"],
  "Changes to calculation logic are tested against a regression suite of expected results before release.",
  [("s", "changes to calculation logic", "the regression test results")])
C("pi_output_access", ["PI1.4"],
  "Reports and exports are delivered only to users authorised for the customer tenant.",
  [("r", "an attempt to retrieve another tenant's report, which was denied")])
C("pi_output_recon", ["PI1.4"],
  "Output files are reconciled to processed record counts before delivery.",
  [("s", "days", "the output reconciliation")])
C("pi_storage", ["PI1.5"],
  "Processed data and outputs are stored in redundant storage with integrity checksums verified daily.",
  [("i", "the checksum verification job"),
   ("s", "days", "the job result")])

# ---------------------------------------------------------------- privacy
C("p_notice", ["P1.1"],
  "A privacy notice describing collection, use, retention and disclosure of personal information is published on the website and reviewed annually.",
  [("i", "the privacy notice and its review history")])
C("p_choice", ["P2.1", "P3.2"],
  "Data subjects are presented with choices regarding marketing communications and optional data collection, and their consent is recorded.",
  [("o", "the consent prompts in the application"),
   ("s", "consent records", "the recorded choice")])
C("p_collect", ["P3.1"],
  "Personal information collected through the service is limited to the fields documented in the data inventory.",
  [("i", "the personal data inventory"),
   ("q", "the Data Protection Officer", "the review of new data fields")])
C("p_use", ["P4.1"],
  "Use of personal information for purposes not stated in the privacy notice requires a privacy impact assessment approved by the Data Protection Officer.",
  [("s", "privacy impact assessments", "the approval")])
C("p_retain", ["P4.2", "P4.3"],
  "Personal information is retained according to the retention schedule and deleted by automated jobs when retention expires.",
  [("i", "the retention schedule"),
   ("s", "deletion job runs", "the job logs")])
C("p_dsar", ["P5.1", "P5.2", "P6.7"],
  "Data subject requests for access, correction and deletion are logged and completed within 30 days.",
  [("s", "data subject requests", "the request log to determine that the request was completed within 30 days")])
C("p_identity", ["P5.1"],
  "The identity of a data subject is verified before personal information is disclosed in response to a request.",
  [("s", "data subject requests", "evidence of identity verification")])
C("p_disclose", ["P6.1", "P6.2"],
  "Disclosures of personal information to third parties are made only under agreements and are recorded in the disclosure register.",
  [("i", "the disclosure register"),
   ("s", "disclosures", "the related agreement")])
C("p_breach_log", ["P6.3", "P6.6"],
  "Suspected privacy breaches are recorded in a breach register and assessed for notification obligations within 72 hours.",
  [("i", "the breach register"),
   ("q", "the Data Protection Officer", "breaches during the period")])
C("p_vendor", ["P6.4", "P6.5"],
  "Data processing agreements with sub-processors include privacy commitments and breach notification duties.",
  [("s", "sub-processors", "the data processing agreement")])
C("p_accuracy", ["P7.1"],
  "Data subjects can review and update their profile information in the application.",
  [("o", "the profile update function")])
C("p_complaints", ["P8.1"],
  "Privacy inquiries and complaints are received through a published address, logged and resolved by the privacy team.",
  [("i", "the privacy complaints log"),
   ("s", "complaints", "the resolution")])
C("p_training", ["P4.1", "CC1.4"],
  "Personnel with access to personal information complete privacy training annually.",
  [("s", "personnel", "the privacy training record")])
C("p_subproc_list", ["P6.1", "P1.1"],
  "A list of sub-processors is published, and customers are notified 30 days before a new sub-processor is engaged.",
  [("i", "the published sub-processor list"),
   ("s", "new sub-processors", "the customer notification")])

BY_KEY = {c["key"]: c for c in POOL}
