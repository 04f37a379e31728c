"""Narrative building blocks for SOC 2 style system descriptions (our own wording)."""
from lib import p, ul, table

CAT_WORDS = {
    "security": "Security",
    "availability": "Availability",
    "confidentiality": "Confidentiality",
    "processing_integrity": "Processing Integrity",
    "privacy": "Privacy",
}


def cat_list(cats):
    names = [CAT_WORDS[c] for c in cats]
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def control_environment(v):
    co = v["co"]
    return [
        ("Integrity and Ethical Values", p(
            "%s expects every employee and contractor to act honestly and to protect the information that customers entrust to it. "
            "These expectations are written down in a code of business conduct that covers conflicts of interest, gifts, the use of company "
            "systems, the handling of customer data and the duty to report concerns. The code is part of the onboarding packet and each "
            "person confirms in the HR system that they have read it. The confirmation is repeated every year." % co,
            "Breaches of the code or of the security policies are handled under a disciplinary policy, which allows for measures ranging from "
            "a written warning to termination. Managers are expected to raise suspected breaches with People Operations, and any employee may "
            "use the anonymous hotline run by an outside provider.")),
        ("Board of Directors and Oversight", p(
            "The board of directors oversees management and meets at least once a quarter. An audit and risk committee of the board, chaired by "
            "an independent director, receives a report from the %s at each meeting that covers security incidents, results of internal and "
            "external assessments, open remediation items and changes to the risk register." % v.get("security_exec", "Chief Information Security Officer"),
            "Minutes of board and committee meetings are kept by the corporate secretary. The committee may ask for any information it needs "
            "and may meet with the external auditors without management present.")),
        ("Organisational Structure and Assignment of Authority", p(
            "%s is organised into functional groups, each led by a member of the executive team: Engineering, Operations, Security, Customer "
            "Success, Finance and People Operations. Reporting lines are shown in an organisation chart kept by People Operations. "
            "Authority to approve spending, contracts and access to production systems is set out in a delegation of authority matrix." % co,
            "Written job descriptions exist for each role and state the duties that relate to the operation and protection of %s. Job "
            "descriptions are reviewed when a role changes or when a position is advertised." % v["sys"])),
        ("Commitment to Competence", p(
            "Hiring managers define the skills and experience needed for each open role. Candidates are interviewed by at least two people, and "
            "those who will have access to production systems or customer data are subject to a background check before they start, where local "
            "law permits it.",
            "All staff take security awareness training within thirty days of joining and once a year after that. Engineers also complete secure "
            "coding training. Completion is tracked in the learning management system, and managers follow up with people who fall behind.")),
        ("Accountability", p(
            "Each manager completes a written performance review for every direct report at least once a year. The review template asks the "
            "manager to comment on how the employee has followed security and confidentiality requirements. Goals for the security and "
            "engineering teams include measurable targets for remediation times and control operation.")),
    ]


def risk_and_monitoring(v):
    co = v["co"]
    return [
        ("Risk Assessment Process", p(
            "%s carries out a formal risk assessment at least once a year and whenever a significant change occurs, such as a new product line, "
            "a new hosting region or an acquisition. The assessment is led by the security and compliance team with input from engineering, "
            "operations, finance and legal." % co,
            "Risks are described in the risk register with their cause, the assets affected, an owner, a likelihood score and an impact score "
            "on a five-point scale. Inherent and residual risk are both recorded. Risks above the tolerance set by the leadership team require "
            "a treatment plan, which may be to reduce, transfer, avoid or accept the risk; acceptance of a high risk requires sign-off by the "
            "chief executive.",
            "The assessment considers the possibility of fraud, including misuse of privileged access, changes to customer data that bypass "
            "normal workflows, and the theft of credentials. It also considers risks that arise from vendors and subservice organisations.")),
        ("Information and Communication", p(
            "Policies, standards and procedures are published on the intranet. The security policy set is approved once a year by the %s, and "
            "material changes are announced to all staff through the company-wide channel. Engineering runbooks are kept in the engineering "
            "handbook with a named owner for each." % v.get("security_exec", "Chief Information Security Officer"),
            "Customers learn of the commitments %s makes to them through their contract, the service description, the security overview "
            "document and the public status page. Customers report incidents and concerns through the support portal or the security mailbox, "
            "both of which are monitored during business hours, with an on-call rotation for urgent matters." % co)),
        ("Monitoring Activities", p(
            "The compliance team maintains the control matrix for %s and runs a quarterly self-assessment in which control owners provide "
            "evidence that their controls operated. Results are reviewed by the compliance lead and deficiencies are logged as tickets with an "
            "owner and due date." % v["sys"],
            "Independent evaluations include an annual penetration test by an outside firm, the external attestation engagement, and customer "
            "audits where contracts allow them. Findings from all sources are tracked in one remediation register that is reported to the "
            "leadership team each month and to the audit and risk committee each quarter.")),
    ]


def components(v):
    out = []
    out.append(("Infrastructure", v["infra_html"]))
    out.append(("Software", v["software_html"]))
    out.append(("People", p(v["people"])))
    out.append(("Data", v["data_html"]))
    out.append(("Procedures", p(
        "Documented procedures support the operation of %s. The main procedures cover: provisioning and removal of access; change and "
        "release management; backup and restoration; vulnerability management; incident response; vendor management; and onboarding and "
        "offboarding of customers. Each procedure has an owner who reviews it at least once a year." % v["sys"]) + ul([
            "<b>Logical access.</b> Access to production is requested by ticket, approved by the system owner and granted through role groups "
            "in the identity provider. Access is reviewed quarterly and removed on departure.",
            "<b>Change management.</b> Code and infrastructure changes go through peer-reviewed pull requests, automated tests and a deployment "
            "pipeline. Direct changes in production are not allowed outside the emergency procedure.",
            "<b>Operations.</b> Monitoring, alerting, on-call rotations and capacity reviews keep the service running within its commitments.",
            "<b>Incident response.</b> Security and availability incidents are handled under a single incident response plan with defined "
            "severities and communication steps.",
        ])))
    return out


def commitments(v):
    items = list(v["commitments"])
    return p("%s designs its processes and procedures for %s to meet its objectives for the services it provides. Those objectives rest on "
             "the service commitments that %s makes to customers, the laws and regulations that govern its services, and the financial, "
             "operational and compliance requirements it has set for itself." % (v["co"], v["sys"], v["co"]),
             "Security commitments to customers are written in the master subscription agreement, the data processing addendum and the "
             "service description published online. The principal service commitments include the following:") + ul(items) + p(
        "%s sets system requirements that support these commitments. They are expressed in policies and standards covering how systems are "
        "designed and built, how they are run and monitored, and how personnel are hired and trained." % v["co"])
