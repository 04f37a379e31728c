"""SOC 3 (general use) reports."""
import os
from lib import p, ul, ol, table, page_break, doc, render, BASE_CSS, CORPUS
import soc2text


def build(v):
    co, sys_ = v["co"], v["sys"]
    cats = soc2text.cat_list(v["cats"])
    per = v["period_text"]
    body = [v["cover"], page_break()]
    if v.get("toc"):
        body.append('<h2 style="margin-top:0">%s</h2>' % v["toc"][0])
        body.append(table(["", ""], v["toc"][1], cls="toc"))
        body.append(page_break())
    body.append(v["h"](v["labels"][0], "Independent Service Auditor's Report"))
    body.append(p("To the Management of %s:" % co))
    body.append("<h4>Scope</h4>")
    body.append(p(
        "We have examined %s's accompanying assertion titled &ldquo;%s&rdquo; (the &ldquo;assertion&rdquo;) that the controls within the "
        "%s (the &ldquo;system&rdquo;) were effective throughout the period %s, to provide reasonable assurance that %s's service "
        "commitments and system requirements were achieved based on the trust services criteria relevant to %s (the &ldquo;applicable "
        "trust services criteria&rdquo;) set forth in TSP section 100, <i>2017 Trust Services Criteria for Security, Availability, "
        "Processing Integrity, Confidentiality, and Privacy (With Revised Points of Focus &mdash; 2022)</i>." %
        (co, v["assertion_title"], sys_, per, co, cats)))
    if v.get("subservice_para"):
        body.append(p(v["subservice_para"]))
    body.append("<h4>Service Organization's Responsibilities</h4>")
    body.append(p(
        "%s is responsible for its service commitments and system requirements and for designing, implementing and operating effective "
        "controls within the system to provide reasonable assurance that they were achieved. %s has also provided the accompanying "
        "assertion about the effectiveness of controls within the system, and is responsible for selecting the applicable trust services "
        "criteria, stating them in the assertion, and identifying the risks that threaten the achievement of the service commitments and "
        "system requirements." % (co, co)))
    body.append("<h4>Service Auditor's Responsibilities</h4>")
    body.append(p(
        "Our responsibility is to express an opinion, based on our examination, on whether management's assertion that controls within "
        "the system were effective throughout the period is fairly stated. Our examination was conducted in accordance with attestation "
        "standards established by the American Institute of Certified Public Accountants. Those standards require that we plan and perform "
        "the examination to obtain reasonable assurance about whether management's assertion is fairly stated, in all material respects. "
        "We believe that the evidence we obtained is sufficient and appropriate to provide a reasonable basis for our opinion.",
        "Our examination included obtaining an understanding of the system and the service commitments and system requirements; assessing "
        "the risks that controls were not effective; and performing procedures to obtain evidence about whether controls within the system "
        "were effective, which included testing their operating effectiveness. Our examination also included performing such other "
        "procedures as we considered necessary in the circumstances.",
        "We are required to be independent and to meet our other ethical responsibilities in accordance with relevant ethical requirements "
        "relating to the engagement."))
    body.append("<h4>Inherent Limitations</h4>")
    body.append(p(
        "There are inherent limitations in the effectiveness of any system of internal control, including the possibility of human error "
        "and the circumvention of controls. Because of these limitations, a service organization may achieve reasonable, but not absolute, "
        "assurance that its commitments and requirements are achieved. Projections of any evaluation of effectiveness to future periods "
        "are subject to the risk that controls may become inadequate because of changes in conditions or that the degree of compliance may "
        "deteriorate."))
    if v.get("basis_qualified"):
        body.append("<h4>Basis for Qualified Opinion</h4>")
        body.append(p(*v["basis_qualified"]))
        body.append("<h4>Qualified Opinion</h4>")
        body.append(p(
            "In our opinion, except for the effects of the matter described in the preceding paragraph, management's assertion that the "
            "controls within %s's %s were effective throughout the period %s, to provide reasonable assurance that %s's service commitments "
            "and system requirements were achieved based on the applicable trust services criteria, is fairly stated, in all material "
            "respects." % (co, sys_, per, co)))
    else:
        body.append("<h4>Opinion</h4>")
        body.append(p(
            "In our opinion, management's assertion that the controls within %s's %s were effective throughout the period %s, to provide "
            "reasonable assurance that %s's service commitments and system requirements were achieved based on the applicable trust "
            "services criteria, is fairly stated, in all material respects." % (co, sys_, per, co)))
    body.append(v["auditor_sig"])
    body.append(page_break())
    body.append(v["h"](v["labels"][1], v["assertion_title"]))
    body.append(p(
        "We are responsible for designing, implementing, operating and maintaining effective controls within the %s (the "
        "&ldquo;system&rdquo;) throughout the period %s, to provide reasonable assurance that %s's service commitments and system "
        "requirements relevant to %s were achieved. Our description of the boundaries of the system is presented in %s and identifies the "
        "aspects of the system covered by our assertion." % (sys_, per, co, cats, v["attach_a"])))
    body.append(p(
        "We have performed an evaluation of the effectiveness of the controls within the system throughout the period %s, to provide "
        "reasonable assurance that our service commitments and system requirements were achieved based on the trust services criteria "
        "relevant to %s set forth in TSP section 100. Our objectives for the system in applying the applicable trust services criteria are "
        "embodied in our service commitments and system requirements relevant to those criteria. The principal service commitments and "
        "system requirements are presented in %s." % (per, cats, v["attach_b"])))
    body.append(p(
        "There are inherent limitations in any system of internal control, including the possibility of human error and the circumvention "
        "of controls. Because of these inherent limitations, a service organization may achieve reasonable, but not absolute, assurance "
        "that its service commitments and system requirements are achieved."))
    if v.get("assert_exception"):
        body.append(p(v["assert_exception"]))
    body.append(p(v["assert_conclusion"]))
    body.append(v["mgmt_sig"])
    body.append(page_break())
    body.append(v["h"](v["labels"][2], "%s &mdash; Description of the Boundaries of the %s" % (v["attach_a"], sys_)))
    for t, c in v["desc"]:
        body.append("<h3>%s</h3>%s" % (t, c))
    body.append("<h3>%s</h3>" % v.get("ce_title", "Control Environment"))
    for t, c in soc2text.control_environment(v):
        body.append("<h4>%s</h4>%s" % (t, c))
    body.append("<h3>Risk Assessment, Communication and Monitoring</h3>")
    for t, c in soc2text.risk_and_monitoring(v):
        body.append("<h4>%s</h4>%s" % (t, c))
    if v.get("desc_tail"):
        for t, c in v["desc_tail"]:
            body.append("<h3>%s</h3>%s" % (t, c))
    body.append(page_break())
    body.append(v["h"](v["labels"][3], "%s &mdash; Principal Service Commitments and System Requirements" % v["attach_b"]))
    body.append(v["commitments_html"])
    return doc(v["css"], "".join(body), title="SOC 3 - " + co)


def components_block(infra, software, people, data, procedures):
    return [("Infrastructure", infra), ("Software", software), ("People", people), ("Data", data), ("Processes and Procedures", procedures)]


# ---------------------------------------------------------------------------
def lumenbright():
    co = "Lumenbright Cloud Storage, Inc."
    sys_ = "Lumenbright Object Storage Service"
    css = BASE_CSS + """
@page { size: Letter; margin: 1in 1in 0.9in 1in;
  @top-right { content: "SOC 3 Report  |  Lumenbright Cloud Storage, Inc."; font: 8pt 'DejaVu Sans'; color: #0b7285 }
  @bottom-left { content: "lumenbright \\00B7  general use"; font: 7.5pt 'DejaVu Sans'; color: #999 }
  @bottom-right { content: counter(page) " / " counter(pages); font: 8pt 'DejaVu Sans'; color: #0b7285 } }
@page :first { @top-right { content: none } @bottom-left { content: none } @bottom-right { content: none } }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.6pt; line-height: 1.55; color: #222 }
h1.sec { font-size: 15pt; color: #0b7285; font-weight: normal; margin: 0 0 10px 0 }
h1.sec b { display: inline-block; background: #0b7285; color: #fff; padding: 0 8px; margin-right: 8px; font-weight: bold }
h3 { font-size: 11pt; color: #0b7285; margin-top: 16px } h4 { font-size: 10pt; margin: 12px 0 3px 0 }
table.toc td { padding: 6px 2px; border-bottom: 1px dotted #0b7285 } table.toc thead { display:none }
table.info { font-size: 8.8pt } table.info th { background: #e3f4f6; text-align: left; padding: 4px; border-bottom: 1px solid #0b7285 } table.info td { padding: 4px; border-bottom: 1px solid #d5e6e8; vertical-align: top }
.cover { padding-top: 2.3in } .cover .k { color: #0b7285; font-size: 11pt; letter-spacing: 1px } .cover h1 { font-size: 28pt; margin: 10px 0; font-weight: normal }
.cover .line { width: 2.2in; border-top: 4px solid #0b7285; margin: 18px 0 } .cover p { font-size: 11pt; line-height: 1.6 }
"""
    v = dict(co=co, sys=sys_, cats=["security", "availability"], period_text="July 1, 2025 to June 30, 2026", css=css,
             labels=["1", "2", "3", "4"], attach_a="Attachment A", attach_b="Attachment B",
             assertion_title="Assertion of Lumenbright Cloud Storage, Inc. Management", security_exec="VP of Security",
             toc=("Contents", [["1", "Independent Service Auditor's Report"], ["2", "Assertion of Lumenbright Cloud Storage, Inc. Management"],
                               ["3", "Attachment A &mdash; Description of the Boundaries of the System"],
                               ["4", "Attachment B &mdash; Principal Service Commitments and System Requirements"]]))
    v["h"] = lambda n, t: '<h1 class="sec"><b>%s</b>%s</h1>' % (n, t)
    v["cover"] = """<div class="cover"><div class="k">SOC 3&reg; REPORT</div><h1>Lumenbright Cloud Storage, Inc.</h1>
<p>Report on the Lumenbright Object Storage Service Relevant to Security and Availability</p><div class="line"></div>
<p>For the period July 1, 2025 to June 30, 2026<br>Independent service auditor: Pemberton Vosk LLP</p></div>"""
    v["subservice_para"] = (
        "Lumenbright Cloud Storage, Inc. uses Equinix, Inc. to provide colocation data centre space, power and physical security for its "
        "storage clusters (the carve-out method). The description of the boundaries of the system indicates that complementary subservice "
        "organization controls are necessary, along with controls at Lumenbright Cloud Storage, Inc., to achieve its service commitments "
        "and system requirements. The description presents the types of complementary subservice organization controls assumed in the "
        "design of Lumenbright's controls. Our examination did not extend to the services provided by Equinix, Inc., and we have not "
        "evaluated whether those controls were suitably designed or operating effectively.")
    v["auditor_sig"] = """<p style="margin-top:26px"><i>Pemberton Vosk LLP</i></p><p>Portland, Oregon<br>August 14, 2026</p>"""
    v["assert_conclusion"] = ("We assert that the controls within the system were effective throughout the period July 1, 2025 to June 30, "
                              "2026, to provide reasonable assurance that Lumenbright's service commitments and system requirements were "
                              "achieved based on the applicable trust services criteria, if the complementary subservice organization "
                              "controls assumed in the design of our controls operated effectively throughout that period.")
    v["mgmt_sig"] = """<p style="margin-top:24px">Lumenbright Cloud Storage, Inc.<br>August 14, 2026</p>"""
    v["desc"] = [
        ("Company Background", p(
            "Lumenbright Cloud Storage, Inc. (&ldquo;Lumenbright&rdquo;) was founded in 2015 in Portland, Oregon. It sells S3-compatible "
            "object storage to software companies, media firms and research groups who want predictable pricing and data residency in "
            "North America. Lumenbright runs its own storage hardware in colocation facilities in Hillsboro, Oregon and Ashburn, Virginia.")),
        ("Services in Scope", p(
            "The Lumenbright Object Storage Service lets customers create buckets, store and retrieve objects through an S3-compatible API "
            "and a web console, set lifecycle and replication rules, and issue access keys. Objects are erasure-coded across servers within "
            "a region and can optionally be replicated to the second region.",
            "The managed migration service, the content delivery add-on and Lumenbright's corporate IT systems are not part of the system.")),
        ("Infrastructure", p(
            "Storage clusters consist of Lumenbright-owned servers in caged space at Equinix, Inc. facilities in Hillsboro, Oregon and "
            "Ashburn, Virginia. Each region has redundant network paths, load balancers and metadata databases. Lumenbright staff visit the "
            "facilities to replace hardware; Equinix provides physical security, power and cooling.") + table(
            ["Region", "Facility", "Role"], [["us-west", "Hillsboro, Oregon", "Primary region for western customers"],
                                             ["us-east", "Ashburn, Virginia", "Primary region for eastern customers; replication target"]],
            cls="info")),
        ("Software", p(
            "The storage software, API gateway, metadata service and web console are developed by Lumenbright. Supporting software includes "
            "a configuration management system, container orchestration for stateless services, a monitoring and alerting platform, a SIEM, "
            "a ticketing system and a source code repository with a build pipeline.")),
        ("People", p(
            "About 95 staff support the service, in Storage Engineering, Site Reliability, Security, Customer Support and corporate functions. "
            "The VP of Security reports to the Chief Executive Officer.")),
        ("Data", p(
            "The system stores customer objects and their metadata, customer account data, access keys (stored as salted hashes), usage "
            "records for billing, and operational logs. Lumenbright does not inspect the content of customer objects. Objects are encrypted "
            "at rest with per-bucket keys.")),
        ("Processes and Procedures", p(
            "Written procedures cover access management, change management, capacity planning, hardware lifecycle and secure disposal of "
            "drives, backup of metadata, vulnerability management, incident response and customer support. Failed drives are degaussed and "
            "shredded on site before leaving the facility.")),
        ("Complementary Subservice Organization Controls", p(
            "Lumenbright expects Equinix, Inc. to restrict and monitor physical access to the facilities, to maintain environmental controls "
            "such as power, cooling and fire suppression, and to inform Lumenbright of incidents affecting its cages.")),
    ]
    v["desc_tail"] = [("Changes and Incidents During the Period", p(
        "In February 2026 Lumenbright added a third storage cluster in Ashburn, Virginia to meet demand. The cluster was built with the same "
        "configuration baseline and change process as the existing clusters. No security incidents or availability incidents that prevented "
        "Lumenbright from meeting its service commitments occurred during the period."))]
    v["commitments_html"] = p(
        "Lumenbright's commitments to customers are set out in the terms of service, the service level agreement and the security "
        "whitepaper. The principal commitments are:") + ul([
        "99.95% monthly availability of the storage API in each region, with service credits if this is not met;",
        "durability of stored objects through erasure coding across at least twelve servers in a region;",
        "encryption of objects at rest and of API traffic in transit using TLS 1.2 or higher;",
        "access to customer data only by authorised personnel for support or legal reasons, with every access logged;",
        "notification of security incidents affecting customer data without undue delay and within seventy-two hours of confirmation.",
    ]) + p(
        "System requirements that support these commitments are set out in Lumenbright's security policy, availability standard, "
        "hardware lifecycle standard and secure development standard, and in the procedures described in Attachment A.")
    return v


def cadwell():
    co = "Cadwell Signal Networks, Inc."
    sys_ = "Cadwell Secure Messaging Gateway"
    css = BASE_CSS + """
@page { size: Letter; margin: 0.9in 1.1in 1in 1.1in;
  @top-center { content: "Cadwell Signal Networks, Inc. \\2014  SOC 3 \\2014  October 1, 2025 through September 30, 2026"; font: 8pt 'Liberation Serif'; color: #333 }
  @bottom-center { content: "- " counter(page) " -"; font: 9pt 'Liberation Serif' } }
@page :first { @top-center { content: none } @bottom-center { content: none } }
body { font-family: 'Liberation Serif', serif; font-size: 11.5pt; line-height: 1.45; text-align: justify }
h1.sec { font-size: 13pt; text-transform: uppercase; letter-spacing: 0.5px; text-align: center; margin: 0 0 14px 0 }
h3 { font-size: 11.5pt; font-style: italic; margin-top: 14px } h4 { font-size: 11pt; margin: 10px 0 2px 0 }
table.toc td { padding: 5px 3px } table.toc thead { display: none }
table.info { font-size: 10pt } table.info th, table.info td { border: 0.6pt solid #444; padding: 3px 5px; text-align: left; vertical-align: top }
.cover { text-align: center; padding-top: 1.7in } .cover h1 { font-size: 20pt } .cover p { font-size: 12pt }
.cover .seal { margin: 50px auto; width: 1.3in; height: 1.3in; border: 3px double #333; border-radius: 50%; font-size: 9pt; display: flex; align-items: center; justify-content: center; text-align: center; line-height: 1.2 }
"""
    v = dict(co=co, sys=sys_, cats=["security", "processing_integrity", "confidentiality"],
             period_text="October 1, 2025 through September 30, 2026", css=css,
             labels=["Section I", "Section II", "Section III", "Section IV"], attach_a="Section III", attach_b="Section IV",
             assertion_title="Cadwell Signal Networks, Inc.'s Management Assertion", security_exec="Chief Information Security Officer",
             toc=("Table of Contents", [["Section I", "Independent Service Auditor's Report"], ["Section II", "Management Assertion"],
                                        ["Section III", "Description of the Boundaries of the System"],
                                        ["Section IV", "Principal Service Commitments and System Requirements"]]))
    v["h"] = lambda n, t: '<h1 class="sec">%s<br>%s</h1>' % (n, t)
    v["cover"] = """<div class="cover"><h1>CADWELL SIGNAL NETWORKS, INC.</h1>
<p>System and Organization Controls Report (SOC 3&reg;)</p>
<p>Cadwell Secure Messaging Gateway</p>
<p>Relevant to Security, Processing Integrity and Confidentiality<br>October 1, 2025 through September 30, 2026</p>
<div class="seal">SOC 3<br>General Use<br>Report</div>
<p style="font-size:10pt">Ishikawa Brandt LLP<br>Certified Public Accountants</p></div>"""
    v["auditor_sig"] = """<p style="margin-top:24px">ISHIKAWA BRANDT LLP</p><p>San Jose, California<br>October 23, 2026</p>"""
    v["assert_conclusion"] = ("We assert that the controls within the system were effective throughout the period October 1, 2025 through "
                              "September 30, 2026, to provide reasonable assurance that the service commitments and system requirements "
                              "were achieved based on the applicable trust services criteria.")
    v["mgmt_sig"] = """<p style="margin-top:24px">/s/ Gregory Amadi-Lindell<br>Gregory Amadi-Lindell<br>Chief Information Security Officer<br>
Cadwell Signal Networks, Inc.<br>October 23, 2026</p>"""
    v["desc"] = [
        ("Overview of Operations", p(
            "Cadwell Signal Networks, Inc. (&ldquo;Cadwell&rdquo;) provides secure message routing for banks, insurers and payment "
            "processors. Its customers exchange payment files, statements and regulatory notices with their counterparties through the "
            "Cadwell Secure Messaging Gateway instead of running point-to-point file transfers. Cadwell is headquartered in San Jose, "
            "California and operates two company-owned data centres in San Jose, California and Reno, Nevada.")),
        ("System Description", p(
            "The gateway accepts files over SFTP, AS2 and a REST API. Every file is scanned for malware, checked against the format agreed "
            "for the route, signed, encrypted with the recipient's key and delivered. Delivery receipts flow back to the sender. A customer "
            "portal shows the status of each transfer and provides daily reconciliation reports.",
            "Cadwell's managed PKI service and its professional services are not part of the system.")),
        ("Infrastructure and Software", p(
            "Both data centres hold active gateway clusters; traffic is distributed between them by DNS and customer-specific routing. "
            "Cadwell owns and operates the buildings' access control, power and cooling equipment. Gateway software is developed by Cadwell "
            "in Go and Rust and is deployed by an automated pipeline after peer review and testing. Hardware security modules hold signing "
            "and encryption keys.")),
        ("People", p(
            "Approximately 160 employees support the system, organised into Gateway Engineering, Network Operations, Data Centre Operations, "
            "Security, Customer Operations and corporate functions.")),
        ("Data", p(
            "The system handles customer files in transit, which are treated as confidential, together with routing configuration, public "
            "keys and certificates of participants, delivery receipts and audit logs. File content is deleted from the gateway seven days "
            "after confirmed delivery; metadata and receipts are kept for seven years.")),
        ("Processing Integrity", p(
            "Each file receives a unique transfer identifier and a cryptographic hash at receipt. The hash is checked again before delivery "
            "and in the recipient's receipt, so that any change to the content in transit is detected. Files that fail format validation are "
            "rejected with a reason code, and transfers not delivered within the route's time limit are escalated to Customer Operations.")),
        ("Subservice Organizations and User Responsibilities", p(
            "Cadwell does not use subservice organizations to operate the system. Customers remain responsible for protecting the "
            "credentials and private keys they use to connect to the gateway and for reviewing the reconciliation reports provided to them.")),
    ]
    v["desc_tail"] = [("Significant Changes During the Period", p(
        "Cadwell replaced the hardware security modules in both data centres in the first quarter of 2026. Keys were migrated under dual "
        "control following a documented key ceremony witnessed by the security team. No other changes significant to the service "
        "commitments occurred."))]
    v["commitments_html"] = p("Cadwell's principal service commitments, as stated in its customer agreements and route schedules, "
                              "are to:") + ol([
        "encrypt and sign every file in transit and keep file content confidential;",
        "deliver each accepted file unchanged, verified by hash comparison;",
        "reject malformed files with a reason code and never deliver them;",
        "deliver files within the time limit agreed for each route, or escalate;",
        "restrict access to file content to a small group of named operations staff under dual control;",
        "delete file content seven days after confirmed delivery.",
    ]) + p("Cadwell's system requirements are set out in its information security policy, its cryptographic key management standard, its "
           "secure development standard and its data retention schedule.")
    return v


def orrinbay():
    co = "Orrin Bay Logistics Software, Inc."
    sys_ = "Orrin Bay Freight Visibility Platform"
    css = BASE_CSS + """
@page { size: A4; margin: 22mm 20mm 22mm 20mm;
  @top-left { content: "Docusign Envelope ID: C40D9A17-3E6B-4F28-B5A2-91E7F0C46D13"; font: 7pt 'Liberation Mono'; color: #444 }
  @bottom-right { content: "Page " counter(page); font: 8pt 'URW Gothic', 'Liberation Sans' } }
body { font-family: 'URW Gothic', 'Liberation Sans', sans-serif; font-size: 10pt; line-height: 1.5; color: #1c1c1c }
h1.sec { font-size: 14pt; margin: 0 0 10px 0; padding-bottom: 4px; border-bottom: 1px solid #c25e00; color: #c25e00 }
h3 { font-size: 11pt; margin-top: 14px } h4 { font-size: 10.2pt; margin: 10px 0 2px 0; color: #c25e00 }
table.info { font-size: 9pt } table.info th { background: #fbe9da; text-align: left; padding: 3px } table.info td { padding: 3px; border-bottom: 0.5px solid #ddd; vertical-align: top }
.cover { padding-top: 70mm } .cover h1 { font-size: 24pt; color: #c25e00 } .cover p { font-size: 11pt }
"""
    v = dict(co=co, sys=sys_, cats=["security", "availability", "privacy"], period_text="September 1, 2024 to August 31, 2025", css=css,
             labels=["I.", "II.", "III.", "IV."], attach_a="Attachment A", attach_b="Attachment B",
             assertion_title="Management's Report of Its Assertion on the Effectiveness of Its Controls", security_exec="Head of Security and Privacy")
    v["h"] = lambda n, t: '<h1 class="sec">%s %s</h1>' % (n, t)
    v["cover"] = """<div class="cover"><h1>Orrin Bay Logistics Software, Inc.</h1>
<p><b>SOC 3 Report</b><br>Trust Services Report for Service Organizations<br>Orrin Bay Freight Visibility Platform</p>
<p>Security, Availability and Privacy<br>September 1, 2024 to August 31, 2025</p>
<p style="margin-top:50mm; font-size:9pt">Examination performed by Delacroix Hammond &amp; Associates, P.C.</p></div>"""
    v["subservice_para"] = (
        "Orrin Bay Logistics Software, Inc. uses Amazon Web Services, Inc. as a subservice organization to host the platform. The "
        "description of the boundaries of the system indicates that complementary subservice organization controls are necessary, along "
        "with Orrin Bay's controls, to achieve its service commitments and system requirements. Our examination did not extend to the "
        "controls of Amazon Web Services, Inc. (the carve-out method).")
    v["basis_qualified"] = [
        "Management's assertion states that controls over the removal of logical access were effective throughout the period. Orrin Bay's "
        "control requires that access to production systems and the customer administration console be revoked within one business day of "
        "an employee's departure. Between November 2024 and February 2025, following a change of HR system, departures were not "
        "communicated to the IT team, and the accounts of several departed employees remained active for between nine and forty-seven "
        "days. As a result, controls were not effective to provide reasonable assurance that Orrin Bay's service commitments and system "
        "requirements were achieved based on criterion CC6.2, <i>prior to issuing system credentials and granting system access, the "
        "entity registers and authorizes new users and removes access when it is no longer authorized</i>, and criterion CC6.3, during "
        "that part of the period."]
    v["assert_exception"] = (
        "As described in the report of Delacroix Hammond &amp; Associates, P.C., between November 2024 and February 2025 the accounts of "
        "several departed employees were not disabled within one business day of departure because departures were not communicated "
        "after the HR system was changed. The connection between the new HR system and the identity provider was completed in "
        "February 2025 and the affected accounts were reviewed; no inappropriate use was identified.")
    v["auditor_sig"] = """<p style="margin-top:26px"><b>Delacroix Hammond &amp; Associates, P.C.</b><br>Atlanta, Georgia<br>October 17, 2025</p>"""
    v["assert_conclusion"] = ("Except for the matter described in the preceding paragraph, we assert that the controls within the system "
                              "were effective throughout the period September 1, 2024 to August 31, 2025, to provide reasonable "
                              "assurance that Orrin Bay's service commitments and system requirements were achieved based on the "
                              "applicable trust services criteria.")
    v["mgmt_sig"] = """<p style="margin-top:22px">Orrin Bay Logistics Software, Inc.<br>By: <i>Nadia Kowalczyk-Reyes</i><br>
Nadia Kowalczyk-Reyes, Chief Executive Officer<br>October 17, 2025</p>"""
    v["desc"] = [
        ("Who We Are", p(
            "Orrin Bay Logistics Software, Inc. (&ldquo;Orrin Bay&rdquo;) builds software that lets shippers, freight forwarders and "
            "carriers follow shipments across road, rail and ocean. The company has offices in Savannah, Georgia and Rotterdam, the "
            "Netherlands, and about 120 employees.")),
        ("The Platform", p(
            "The Orrin Bay Freight Visibility Platform collects location and status events from carrier systems, telematics devices and "
            "port community systems, matches them to shipments, predicts arrival times and shows the result to customers through a web "
            "application, e-mail alerts and an API. Driver mobile applications share device location while a driver is assigned to a "
            "shipment.") + ul([
            "<b>In scope:</b> event ingestion, shipment matching, arrival prediction, the customer web application and API, and the driver "
            "mobile application back end.",
            "<b>Out of scope:</b> the on-premises yard management product sold separately and Orrin Bay's internal business systems.",
        ])),
        ("Infrastructure", p(
            "The platform is hosted by Amazon Web Services, Inc. in the us-east-1 and eu-west-1 regions; European customers' data stays in "
            "eu-west-1. Orrin Bay expects Amazon Web Services to maintain physical security, environmental protection and the resilience of "
            "the underlying infrastructure.")),
        ("Software, People and Procedures", p(
            "Services are written in Kotlin and Python and deployed as containers through a reviewed pipeline. Engineering, Platform "
            "Operations, Security and Privacy, and Customer Support teams operate the system under documented procedures for access, change, "
            "incident response, backups and privacy requests.")),
        ("Personal Information", p(
            "The platform processes limited personal information: names and contact details of customer users, and names, phone numbers "
            "and location data of drivers while they are assigned to a shipment. Driver location is collected only with the driver's "
            "consent in the mobile application and is deleted ninety days after the shipment closes. Individuals can ask for access to or "
            "deletion of their information through the privacy request form; requests are answered within thirty days.")),
    ]
    v["desc_tail"] = [("Changes During the Period", p(
        "Orrin Bay replaced its human resources information system in November 2024. The integration between the new system and the "
        "identity provider, which disables accounts automatically on departure, went live in February 2025. See the assertion in Section II "
        "for the effect on access removal during the intervening months."))]
    v["commitments_html"] = p("Orrin Bay commits to its customers and to drivers that it will:") + ul([
        "keep the platform available 99.9% of each month, excluding scheduled maintenance announced at least forty-eight hours ahead;",
        "encrypt data in transit and at rest;",
        "limit access to customer and driver data to personnel who need it and remove access promptly when it is no longer needed;",
        "collect driver location only with consent and only while a driver is assigned to a shipment;",
        "keep European customers' data in the European Union;",
        "answer privacy requests within thirty days and delete driver location data ninety days after a shipment closes.",
    ]) + p("These commitments are supported by system requirements in Orrin Bay's information security policy, privacy policy, data "
           "retention schedule and availability standard.")
    return v


def main():
    out = os.path.join(CORPUS, "soc3")
    for name, fn, date in (("lumenbright-soc3-2026.pdf", lumenbright, "20260814"), ("cadwell-soc3-2026.pdf", cadwell, "20261023"),
                           ("orrinbay-soc3-2025-qualified.pdf", orrinbay, "20251017")):
        render(build(fn()), os.path.join(out, name), date)


if __name__ == "__main__":
    main()
