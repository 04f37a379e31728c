"""SOC 2 Type I reports."""
import os
from lib import p, ul, ol, table, page_break, doc, render, render_with_toc, BASE_CSS, CORPUS
import soc2cat
import soc2text


def _controls_rows(v, with_tests):
    rows = []
    n = 0
    for crit, heading, ctrls in soc2cat.criteria_for(v["cats"]):
        for i, (text, evidence) in enumerate(ctrls, 1):
            n += 1
            cid = v["id_fmt"](crit, i, n)
            t = text.replace("{co}", v["co"]).replace("{sys}", v["sys"])
            if with_tests:
                test = ("Inquired of the control owner about the design of the control. Inspected %s to determine that the control "
                        "was designed as described and had been placed in operation as of %s." % (evidence, v["as_of_text"]))
                rows.append((crit, heading, cid, t, test))
            else:
                rows.append((crit, heading, cid, t, None))
        for extra in v.get("extra_controls", {}).get(crit, []):
            n += 1
            rows.append((crit, heading, extra[0], extra[1], extra[2] if with_tests else None))
    return rows


def section_iv(v):
    rows = _controls_rows(v, v["with_tests"])
    out = []
    cur = None
    buf = []

    def flush():
        if not buf:
            return
        if v["with_tests"]:
            out.append(table(["Ctrl ID", "Control Activity Specified by %s" % v["co_short"], "Test of Design and Implementation", "Result"],
                             buf, cls="ctl", widths=["11%", "35%", "38%", "16%"]))
        else:
            out.append(table(["Control No.", "Control Activity"], buf, cls="ctl", widths=["16%", "84%"]))

    for crit, heading, cid, text, test in rows:
        if crit != cur:
            flush()
            buf = []
            out.append('<h4 class="crit">%s &nbsp; %s</h4>' % (crit, heading))
            cur = crit
        if v["with_tests"]:
            buf.append([cid, text, test, "No exceptions noted."])
        else:
            buf.append([cid, text])
    flush()
    return "".join(out), len(rows)


def build_doc(v, pages):
    co, sys_ = v["co"], v["sys"]
    cats = soc2text.cat_list(v["cats"])
    H = v["h"]  # heading formatter
    body = []
    body.append(v["cover"])
    body.append(page_break())
    # TOC
    body.append('<h2 class="toc-h">Table of Contents</h2>')
    body.append(table(["", "", ""], [[a, b, pages.get(m, "")] for a, b, m in v["toc"]], cls="toc"))
    body.append(page_break())

    # Section I
    body.append(H("I", "Independent Service Auditor's Report"))
    body.append(p("To the Board of Directors of %s:" % co))
    body.append("<h4>Scope</h4>")
    body.append(p(
        "We have examined %s's accompanying description of its %s system (the &ldquo;description&rdquo;) as of %s, prepared in "
        "accordance with the criteria for a description of a service organization's system set out in DC section 200, <i>2018 Description "
        "Criteria for a Description of a Service Organization's System in a SOC 2&reg; Report (With Revised Implementation Guidance &mdash; "
        "2022)</i> (the &ldquo;description criteria&rdquo;), and the suitability of the design of controls stated in the description as "
        "of %s, to provide reasonable assurance that %s's service commitments and system requirements would be achieved based on the trust "
        "services criteria relevant to %s (the &ldquo;applicable trust services criteria&rdquo;) set out in TSP section 100, <i>2017 Trust "
        "Services Criteria for Security, Availability, Processing Integrity, Confidentiality, and Privacy (With Revised Points of Focus "
        "&mdash; 2022)</i>." % (co, sys_, v["as_of_text"], v["as_of_text"], co, cats)))
    body.append(v["subservice_scope_para"])
    body.append(p(
        "The description also indicates that certain complementary user entity controls assumed in the design of %s's controls are "
        "necessary, along with controls at %s, to achieve %s's service commitments and system requirements. Our examination did not "
        "extend to the complementary user entity controls, and we have not evaluated the suitability of their design." % (co, co, co)))
    body.append("<h4>Service Organization's Responsibilities</h4>")
    body.append(p(
        "%s is responsible for its service commitments and system requirements and for designing, implementing and operating effective "
        "controls within the system to provide reasonable assurance that they were achieved. In Section II, %s has provided an assertion "
        "about the presentation of the description and the suitability of the design of controls. %s is also responsible for preparing the "
        "description and assertion, including the completeness, accuracy and method of presentation of both; providing the services covered "
        "by the description; selecting the applicable trust services criteria and stating the related controls; and identifying the risks "
        "that threaten the achievement of its commitments and requirements." % (co, co, co)))
    body.append("<h4>Service Auditor's Responsibilities</h4>")
    body.append(p(
        "Our responsibility is to express an opinion on the presentation of the description and on the suitability of the design of controls "
        "stated in it, based on our examination. We conducted our examination in accordance with attestation standards established by the "
        "American Institute of Certified Public Accountants. Those standards require that we plan and perform the examination to obtain "
        "reasonable assurance about whether, in all material respects, the description is presented in accordance with the description "
        "criteria and the controls stated in it were suitably designed as of the date above. We believe that the evidence we obtained is "
        "sufficient and appropriate to provide a reasonable basis for our opinion.",
        "An examination of a description of a service organization's system and the suitability of the design of controls involves "
        "obtaining an understanding of the system and the service organization's commitments and requirements; assessing the risks that the "
        "description is not presented in accordance with the criteria and that controls were not suitably designed; performing procedures "
        "to obtain evidence about whether the description is so presented; performing procedures to obtain evidence about whether controls "
        "were suitably designed; and evaluating the overall presentation of the description.",
        "Our examination did not include procedures to evaluate the operating effectiveness of controls, and accordingly we express no "
        "opinion on operating effectiveness.",
        "We are required to be independent and to meet our other ethical responsibilities in accordance with the relevant ethical "
        "requirements relating to the engagement."))
    body.append("<h4>Inherent Limitations</h4>")
    body.append(p(
        "The description is prepared to meet the common needs of a broad range of report users and may therefore not include every aspect "
        "of the system that an individual user may consider important to its own needs. Because of their nature, controls may not always "
        "prevent, or detect and correct, errors or omissions. Projecting any conclusion about the suitability of design to future dates is "
        "subject to the risk that controls may become inadequate because of changes in conditions or that compliance with policies or "
        "procedures may deteriorate."))
    body.append("<h4>Opinion</h4>")
    body.append(p("In our opinion, in all material respects:"))
    body.append(ol([
        "the description presents %s's %s system that was designed and implemented as of %s in accordance with the description criteria; and" % (co, sys_, v["as_of_text"]),
        "the controls stated in the description were suitably designed as of %s to provide reasonable assurance that %s's service "
        "commitments and system requirements would be achieved based on the applicable trust services criteria, if those controls operated "
        "effectively as of that date%s." % (v["as_of_text"], co, v["opinion_tail"]),
    ]))
    body.append("<h4>Restricted Use</h4>")
    body.append(p(
        "This report is intended solely for the information and use of %s, user entities of %s as of %s, business partners of %s "
        "subject to risks arising from interactions with the system, practitioners providing services to such user entities and partners, "
        "prospective user entities and partners, and regulators who have sufficient knowledge and understanding of the matters described "
        "in the report. It is not intended to be, and should not be, used by anyone other than these specified parties." % (co, sys_, v["as_of_text"], co)))
    body.append(v["signature"])
    body.append(page_break())

    # Section II
    body.append(H("II", "Management's Assertion"))
    body.append(p(
        "We have prepared the accompanying description of %s's %s system (the &ldquo;description&rdquo;) as of %s, based on the "
        "criteria for a description of a service organization's system in DC section 200 (the &ldquo;description criteria&rdquo;). The "
        "description is intended to give report users information about the system that may be useful when assessing the risks arising "
        "from interactions with it, particularly information about the suitability of design of the controls we put in place to meet our "
        "service commitments and system requirements based on the trust services criteria relevant to %s." % (co, sys_, v["as_of_text"], cats)))
    body.append(v["subservice_assert_para"])
    body.append(p(
        "The description also indicates that certain complementary user entity controls that are assumed in the design of our controls are "
        "necessary, along with our controls, to achieve our service commitments and system requirements. The description presents our "
        "controls, the applicable trust services criteria and the complementary user entity controls assumed in the design of our controls."))
    body.append(p("We confirm, to the best of our knowledge and belief, that:"))
    body.append(ol([
        "the description presents the %s system that was designed and implemented as of %s in accordance with the description criteria; and" % (sys_, v["as_of_text"]),
        "the controls stated in the description were suitably designed as of %s to provide reasonable assurance that our service commitments "
        "and system requirements would be achieved based on the applicable trust services criteria, if the controls operated effectively as "
        "of that date%s." % (v["as_of_text"], v["opinion_tail"].replace(co + "'s", "our")),
    ]))
    body.append(v["mgmt_signature"])
    body.append(page_break())
    if v.get("sub_assertion"):
        body.append(v["sub_assertion"])
        body.append(page_break())

    # Section III
    body.append(H("III", "%s's Description of Its %s System" % (co, sys_)))
    n = [0]

    def sub(title, content, level=3):
        n[0] += 1
        return v["sub"](n[0], title, level) + content

    body.append(sub("Company Overview", v["overview_html"]))
    body.append(sub("Services Provided", v["services_html"]))
    if v.get("extra_desc_html"):
        body.append(sub(v["extra_desc_title"], v["extra_desc_html"]))
    body.append(sub("Principal Service Commitments and System Requirements", soc2text.commitments(v)))
    body.append(sub("Components of the System", p("The system is made up of the following components: infrastructure, software, people, data and procedures.")))
    for t, c in soc2text.components(v):
        body.append("<h4>%s</h4>" % t + c)
    body.append(sub("Boundaries of the System", v["boundaries_html"]))
    body.append(sub("Control Environment", ""))
    for t, c in soc2text.control_environment(v):
        body.append("<h4>%s</h4>" % t + c)
    body.append(sub("Risk Assessment, Information and Communication, and Monitoring", ""))
    for t, c in soc2text.risk_and_monitoring(v):
        body.append("<h4>%s</h4>" % t + c)
    body.append(sub("Trust Services Criteria and Related Control Activities", p(
        "The applicable trust services criteria and the controls %s has designed to meet them are listed in Section IV of this report. "
        "Although the criteria and controls are presented in Section IV, they form an integral part of this description." % co)))
    body.append(sub("Subservice Organizations", v["subservice_html"]))
    body.append(sub("Complementary User Entity Controls", p(
        "%s's controls were designed on the assumption that user entities have put certain controls in place. User entities are responsible "
        "for the following:" % co) + ol(v["cuecs"])))
    body.append(sub("Significant Changes and Incidents", v["changes_html"]))
    body.append(page_break())

    # Section IV
    body.append(H("IV", v["sec4_title"]))
    body.append(v["sec4_intro"])
    tbl, count = section_iv(v)
    body.append(tbl)
    if v.get("sec4_tail"):
        body.append(v["sec4_tail"])
    if v.get("sec5"):
        body.append(page_break())
        body.append(H("V", "Other Information Provided by %s" % co))
        body.append(v["sec5"])
    return doc(v["css"], "".join(body), title="SOC 2 Type I - " + co), count


# ---------------------------------------------------------------------------
# Document 1: Quillfeather Analytics (carve-out, CUECs, no tests listed)
# ---------------------------------------------------------------------------

def quillfeather():
    co = "Quillfeather Analytics, Inc."
    sys_ = "Quillfeather Insights Platform"
    css = BASE_CSS + """
@page { size: Letter; margin: 0.95in 0.85in 0.9in 0.85in;
  @top-left { content: "Docusign Envelope ID: 7B1E04C9-52AF-4D3E-9C61-A0F28E7D3B55"; font: 7.5pt 'Liberation Sans'; color:#555 }
  @top-right { content: "Quillfeather Analytics, Inc. | SOC 2 Type 1"; font: 7.5pt 'Liberation Sans'; color:#1f4e79 }
  @bottom-left { content: "Confidential \\2014  not for distribution without the permission of Quillfeather Analytics, Inc."; font: 7pt 'Liberation Sans'; color:#777 }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt 'Liberation Sans' } }
@page :first { @top-right { content: none } @bottom-left { content: none } @bottom-right { content: none } }
body { font-family: 'Liberation Sans', sans-serif; font-size: 11pt; line-height: 1.5; color: #222; text-align: justify; }
h1.sec { font-size: 17pt; color: #1f4e79; border-bottom: 2px solid #1f4e79; padding-bottom: 4px; margin-top: 0 }
h1.sec span { display:block; font-size: 11pt; letter-spacing: 2px; color:#5b7fa6 }
h3 { color:#1f4e79; font-size: 12.5pt; margin-top: 18px }
h4 { font-size: 10.8pt; margin: 12px 0 4px 0 }
h4.crit { background:#1f4e79; color:#fff; padding:4px 6px; margin: 14px 0 0 0; font-size:9.8pt }
table.ctl { font-size: 10pt; text-align:left }
table.ctl th { background:#dfe8f2; border:1px solid #9fb4cc; padding:4px }
table.ctl td { border:1px solid #b9c7d8; padding:4px 5px; vertical-align:top }
table.ctl tr:nth-child(even) td { background:#f5f8fb }
table.toc td { padding: 5px 4px; border-bottom: 1px dotted #999 }
table.toc thead { display:none }
table.toc td:last-child { text-align:right }
table.info { font-size:9.6pt } table.info th, table.info td { border:1px solid #aaa; padding:4px; text-align:left; vertical-align:top } table.info th { background:#eee }
.cover { text-align:left; padding-top: 1.6in }
.cover .bar { height: 10px; background: #1f4e79; width: 60%; margin-bottom: 24px }
.cover h1 { font-size: 30pt; color:#1f4e79; margin: 0 }
.cover h2 { font-size: 15pt; font-weight: normal; margin: 8px 0 40px 0 }
.cover .meta { font-size: 11pt; line-height: 1.7 }
.cover .foot { margin-top: 2.2in; font-size: 9pt; color:#555 }
.sig { margin-top: 22px; font-family: 'URW Chancery L', 'Z003', cursive; font-size: 20pt; color: #1a2a6c }
"""

    def h(num, title):
        return '<h1 class="sec"><span>SECTION %s</span>%s</h1>' % (num, title)

    def sub(n, title, level):
        return "<h3>%d. %s</h3>" % (n, title)

    cover = """<div class="cover"><div class="bar"></div>
<h1>Quillfeather Analytics, Inc.</h1>
<h2>System and Organization Controls (SOC) 2&reg; Type 1 Report<br>on the Quillfeather Insights Platform</h2>
<div class="meta">Relevant to Security, Availability and Confidentiality<br>
As of March 31, 2026<br><br>
With the Independent Service Auditor's Report<br>including Tests of Design Performed by Brannock Velde LLP</div>
<div class="foot">This report is confidential and intended for the specified parties listed in Section I.<br>
Report date: May 12, 2026</div></div>"""
    toc = [
        ["Section I", "Independent Service Auditor's Report", "SECTION I Independent Service"],
        ["Section II", "Management's Assertion", "SECTION II Management's Assertion"],
        ["Section III", "Description of the Quillfeather Insights Platform", "SECTION III"],
        ["Section IV", "Trust Services Criteria and Related Controls", "SECTION IV"],
        ["Section V", "Other Information Provided by Quillfeather Analytics, Inc.", "SECTION V"],
    ]
    sig = ("""<div class="sig">Brannock Velde LLP</div>
<p>Brannock Velde LLP<br>Minneapolis, Minnesota<br>May 12, 2026</p>""")
    msig = """<p style="margin-top:28px">Quillfeather Analytics, Inc.<br><br>
<span class="sig" style="font-size:17pt">Priya Raghunathan</span><br>Priya Raghunathan<br>Chief Technology Officer<br>May 12, 2026</p>"""
    v = dict(
        co=co, co_short="Quillfeather", sys=sys_, cats=["security", "availability", "confidentiality"],
        as_of_text="March 31, 2026", css=css, h=h, sub=sub, cover=cover, toc=toc, signature=sig, mgmt_signature=msig,
        security_exec="Head of Security",
        with_tests=False,
        id_fmt=lambda crit, i, n: "QF-%s.%02d" % (crit, i),
        opinion_tail=" and if the subservice organization and user entities applied the complementary controls assumed in the design of "
                     "Quillfeather Analytics, Inc.'s controls as of that date",
        subservice_scope_para=p(
            "Quillfeather Analytics, Inc. uses a subservice organization, Google LLC, to provide cloud infrastructure hosting through Google "
            "Cloud Platform. The description indicates that complementary subservice organization controls that are suitably designed and "
            "operating effectively are necessary, along with controls at Quillfeather Analytics, Inc., to achieve its service commitments and "
            "system requirements. The description presents Quillfeather Analytics, Inc.'s controls, the applicable trust services criteria and "
            "the types of complementary subservice organization controls assumed in the design of its controls. The description does not "
            "disclose the actual controls at the subservice organization. Our examination did not extend to the services provided by the "
            "subservice organization, and we have not evaluated the suitability of the design of such complementary controls."),
        subservice_assert_para=p(
            "Quillfeather Analytics, Inc. uses Google LLC (Google Cloud Platform) as a subservice organization for infrastructure hosting. The "
            "description indicates that complementary subservice organization controls are necessary, along with our controls, to achieve our "
            "service commitments and system requirements. The description presents our controls and the types of complementary subservice "
            "organization controls assumed in their design; it does not disclose the actual controls at Google LLC."),
        overview_html=p(
            "Quillfeather Analytics, Inc. (&ldquo;Quillfeather&rdquo; or &ldquo;the Company&rdquo;) was founded in 2017 and is headquartered "
            "in Madison, Wisconsin, with an engineering office in Toronto, Ontario. The Company builds analytics software for regional "
            "retailers and consumer brands that want to understand store-level sales, stock levels and promotions without running their own "
            "data warehouse.",
            "At the as-of date the Company had about 140 employees, of whom roughly half work in engineering, data science and operations. "
            "Customers are mainly in the United States and Canada.") + table(
            ["Location", "Function"],
            [["Madison, Wisconsin", "Headquarters; executive team, customer success, finance, people operations"],
             ["Toronto, Ontario", "Engineering, data science, site reliability, security"]], cls="info", widths=["35%", "65%"]),
        services_html=p(
            "The Quillfeather Insights Platform is a multi-tenant software-as-a-service product. Customers send point-of-sale, inventory and "
            "promotion files to the platform over a secure file transfer endpoint or through connectors to common retail systems. The "
            "platform cleans and joins the data, stores it in tenant-separated datasets, and presents it in dashboards, scheduled reports and "
            "an export API.") + ul([
            "<b>Ingestion service</b> &mdash; receives files and connector feeds, checks their format and queues them for loading;",
            "<b>Modelling engine</b> &mdash; standardises product and store hierarchies and computes sell-through, stock cover and promotion lift;",
            "<b>Insights web application</b> &mdash; the dashboards and report builder used by customer analysts;",
            "<b>Export API</b> &mdash; lets customers pull modelled data into their own tools using scoped API keys.",
        ]) + p("Professional services, custom data science engagements and the Company's internal corporate systems are outside the scope of this report."),
        extra_desc_title="How Data Moves Through the Platform",
        extra_desc_html=p(
            "The path a customer file takes through the platform is described below, because several of the controls in Section IV act at "
            "specific points along it.") + ol([
            "<b>Upload.</b> The customer's system connects to the secure file transfer endpoint using a key pair registered by the customer "
            "administrator, or a connector authenticates to the customer's retail system using credentials the customer has stored in the "
            "platform's secrets vault. Connections that do not present valid credentials are refused and logged.",
            "<b>Landing.</b> Files land in a tenant-specific prefix of a Cloud Storage bucket. Each object is encrypted with the tenant's "
            "key and tagged with the tenant identifier, the upload time and a checksum.",
            "<b>Validation.</b> The ingestion service reads the file header, checks it against the file layout the customer selected during "
            "onboarding and counts the records. Files with an unknown layout or a record count that does not match the trailer are moved to "
            "a quarantine prefix and the customer administrator is notified by e-mail.",
            "<b>Loading.</b> Valid records are loaded into the tenant's raw dataset in the analytical store. The loader runs under a "
            "service account that can write only to that tenant's datasets.",
            "<b>Modelling.</b> Scheduled jobs standardise product and store hierarchies and calculate derived metrics into the tenant's "
            "modelled dataset. Job failures page the data on-call engineer.",
            "<b>Presentation and export.</b> The web application and the export API query only the modelled dataset of the tenant to which "
            "the signed-in user or API key belongs; the tenant identifier is taken from the authenticated session, never from the request.",
            "<b>Retention and deletion.</b> Raw files are kept for thirty days. Modelled data is kept for the life of the subscription and "
            "deleted within ninety days of termination by an automated job whose results are logged.",
        ]) + p(
            "Support engineers do not have standing access to tenant datasets. When a customer asks for help with its data, the engineer "
            "requests a time-limited grant through the access tool, quoting the customer's ticket number; the grant expires after eight hours "
            "and is recorded in the audit log."),
        commitments=[
            "Encrypt customer data in transit over public networks and at rest in the platform's storage.",
            "Keep each customer's data logically separated from other customers' data.",
            "Restrict access to customer data to authorised personnel who need it to provide the service.",
            "Make the platform available 99.7% of each calendar month, excluding announced maintenance.",
            "Notify affected customers of a confirmed security incident involving their data within seventy-two hours.",
            "Delete customer data within ninety days after the end of the subscription, unless the customer requests earlier deletion.",
        ],
        infra_html=p(
            "The platform runs entirely on Google Cloud Platform in the us-central1 region, with backups copied to northamerica-northeast1. "
            "Quillfeather does not operate its own data centres; physical and environmental safeguards for the hosting facilities are the "
            "responsibility of Google LLC.") + table(
            ["Component", "Purpose", "Technology"],
            [["Kubernetes clusters", "Run ingestion, modelling and web services", "Google Kubernetes Engine, two zones"],
             ["Analytical store", "Tenant datasets", "BigQuery with customer-managed encryption keys"],
             ["Relational database", "Application metadata, users, settings", "Cloud SQL for PostgreSQL, high availability"],
             ["Object storage", "Raw uploaded files, exports, backups", "Cloud Storage, dual-region buckets"],
             ["Edge", "Load balancing, TLS termination, WAF", "Cloud Load Balancing and Cloud Armor"],
             ["Identity", "Workforce single sign-on and MFA", "Corporate identity provider"]], cls="info", widths=["24%", "38%", "38%"]),
        software_html=p(
            "Application services are written in Python and TypeScript and packaged as containers. Source code is kept in a hosted source "
            "repository with branch protection; builds and deployments run through a managed continuous integration service. Supporting "
            "tools include a SIEM, an endpoint detection and response product, a vulnerability scanner, a ticketing system and an on-call "
            "paging service."),
        people="Quillfeather's staff who support the system are organised into Engineering (platform, data and web teams), Site Reliability "
               "Engineering, Security and Compliance, Customer Success and Support, and corporate functions. The Head of Security reports to "
               "the Chief Technology Officer and has a dotted line to the audit and risk committee.",
        data_html=p(
            "Data in the system includes customer-supplied sales, inventory and promotion records, derived metrics, user account details for "
            "customer analysts, API keys and system logs. Customer data is classified as confidential. The platform is not designed to hold "
            "payment card data or health information, and customers agree not to upload such data."),
        boundaries_html=p(
            "The boundaries of the system are the production GCP projects that host the platform, the source repositories and pipelines used "
            "to change it, the identity provider used to reach it and the people and procedures described above. Customer networks, "
            "customer-operated connectors and the internet are outside the boundary."),
        subservice_html=p(
            "Quillfeather uses Google LLC (Google Cloud Platform) for infrastructure-as-a-service hosting, including the physical data "
            "centres, the underlying network, and managed database and storage services. The carve-out method has been used: the controls of "
            "Google LLC are excluded from the description and from the scope of the examination. Quillfeather monitors the subservice "
            "organization by reviewing its SOC 2 report each year and following up on any exceptions or user entity considerations it "
            "raises.",
            "Quillfeather expects Google LLC to operate controls of the following types:") + table(
            ["Expected complementary subservice organization control", "Related criteria"],
            [["Physical access to data centre facilities is restricted to authorised personnel and monitored.", "CC6.4"],
             ["Environmental protections (power, cooling, fire suppression) are installed and maintained.", "A1.2"],
             ["Decommissioned storage media are securely destroyed.", "CC6.5"],
             ["Changes to the underlying infrastructure and managed services are authorised, tested and approved.", "CC8.1"],
             ["Managed services are monitored for availability and incidents are communicated to customers.", "CC7.2, A1.2"]],
            cls="info", widths=["78%", "22%"]),
        cuecs=[
            "Administering their own user accounts in the Insights web application, including prompt removal of users who leave.",
            "Requiring multi-factor authentication for their users through the single sign-on integration offered by the platform.",
            "Protecting API keys issued to them and rotating keys that may have been exposed.",
            "Ensuring that files they upload do not contain data types the platform is not designed to hold.",
            "Securing the systems and credentials they use to send files to the ingestion endpoint.",
            "Reviewing the audit log available in the application for unexpected activity.",
            "Informing Quillfeather promptly of suspected security incidents involving their accounts.",
            "Reviewing exports and scheduled reports before sharing them outside their organisation.",
        ],
        changes_html=p(
            "As this is the first SOC 2 report for the platform, no comparison with an earlier period is presented. No security incidents "
            "requiring notification to customers occurred between the start of the readiness project and the as-of date."),
        sec4_title="Trust Services Criteria and Related Controls",
        sec4_intro=p(
            "This section lists, for each applicable trust services criterion, the controls Quillfeather has designed to meet it. The "
            "criteria headings below are short descriptions prepared by Quillfeather; the full criteria are set out in TSP section 100.",
            "Brannock Velde LLP evaluated the suitability of the design of these controls as of March 31, 2026. A Type 1 engagement does not "
            "include tests of operating effectiveness, and therefore no test procedures or results are listed in this section."),
        sec4_tail="<h4>Complementary user entity controls mapped to criteria</h4>" + table(
            ["No.", "Complementary user entity control (summarised)", "Related criteria"],
            [["1", "User administration in the Insights web application", "CC6.2, CC6.3"],
             ["2", "Multi-factor authentication for customer users", "CC6.1"],
             ["3", "Protection and rotation of API keys", "CC6.1, CC6.7"],
             ["4", "Excluding unsupported data types from uploads", "C1.1"],
             ["5", "Securing systems used to send files", "CC6.6, CC6.7"],
             ["6", "Review of the application audit log", "CC7.2"],
             ["7", "Reporting suspected incidents to Quillfeather", "CC7.3, CC7.4"],
             ["8", "Review of exports before external sharing", "C1.1"]], cls="info", widths=["8%", "62%", "30%"]),
        sec5=p(
            "The information in this section is presented by Quillfeather Analytics, Inc. to provide additional information to user entities "
            "and is not part of the description of the system. It has not been subjected to the procedures applied in the examination, and "
            "accordingly Brannock Velde LLP expresses no opinion on it.") + "<h4>Planned Type 2 examination</h4>" + p(
            "Quillfeather has engaged Brannock Velde LLP to perform a Type 2 examination covering the six months ending September 30, 2026. "
            "Management expects that report to be available in the fourth quarter of 2026.") + "<h4>Privacy programme</h4>" + p(
            "Quillfeather maintains a privacy programme aligned with the Personal Information Protection and Electronic Documents Act and US "
            "state privacy laws. The Privacy trust services category was not included in the scope of this examination.") +
            "<h4>Security roadmap for 2026</h4>" + p(
            "Management has planned the following improvements for the remainder of 2026. They are described for information only; none of "
            "them was in place at the as-of date, and none is needed for the controls described in Section IV to meet the criteria.") + ul([
            "Moving API authentication from long-lived keys to short-lived tokens issued through OAuth client credentials.",
            "Adding customer-visible audit events for data exports and for changes to scheduled reports.",
            "Extending the endpoint detection product to the build agents used by the continuous integration service.",
            "Introducing a second on-call rotation located in Madison to reduce single-region staffing risk.",
            "Running a full-scale regional failover exercise to the backup region rather than a component-level restore test.",
        ]) + "<h4>Availability history</h4>" + p(
            "Monthly availability of the Insights web application as measured by Quillfeather's external probes in the six months before "
            "the as-of date is shown below. These figures are unaudited.") + table(
            ["Month", "Measured availability", "Commitment", "Notes"],
            [["October 2025", "99.96%", "99.7%", "&mdash;"], ["November 2025", "99.91%", "99.7%", "Planned database upgrade, announced"],
             ["December 2025", "99.98%", "99.7%", "&mdash;"], ["January 2026", "99.82%", "99.7%", "Load balancer configuration fault, 41 minutes"],
             ["February 2026", "99.99%", "99.7%", "&mdash;"], ["March 2026", "99.97%", "99.7%", "&mdash;"]], cls="info") +
            "<h4>Contact</h4>" + p("Questions about this report may be addressed to the Quillfeather security team through the customer "
                                   "support portal or to the account manager for the customer relationship."),
    )
    return v


# ---------------------------------------------------------------------------
# Document 2: Tessellate Health Data (inclusive subservice org, design tests)
# ---------------------------------------------------------------------------

def tessellate():
    co = "Tessellate Health Data Corp."
    sys_ = "Tessellate Clinical Exchange"
    css = BASE_CSS + """
@page { size: Letter; margin: 1.05in 1in 1in 1in;
  @top-center { content: "CONFIDENTIAL  \\2022  Tessellate Health Data Corp.  \\2022  SOC 2 Type I Report"; font: italic 8pt 'DejaVu Serif'; color:#6d1a1a }
  @bottom-center { content: counter(page); font: 9pt 'DejaVu Serif' } }
@page :first { @top-center { content: none } @bottom-center { content: none } }
body { font-family: 'DejaVu Serif', serif; font-size: 9.8pt; line-height: 1.5; text-align: justify; }
h1.sec { font-size: 14pt; font-variant: small-caps; text-align:center; margin: 0 0 14px 0; border-top: 3px double #6d1a1a; border-bottom: 3px double #6d1a1a; padding: 6px 0 }
h3 { font-size: 11pt; margin-top: 16px; color:#6d1a1a }
h4 { font-size: 10pt; font-style: italic; font-weight: normal; text-decoration: underline; margin: 10px 0 3px 0 }
h4.crit { font-style: normal; font-weight: bold; text-decoration: none; border-bottom: 1px solid #000; margin-top: 16px }
table.ctl { font-size: 8.4pt; text-align: left; hyphens: auto }
table.ctl th { border-top: 1.5px solid #000; border-bottom: 1px solid #000; padding: 3px; font-weight: bold; text-align:left }
table.ctl td { border-bottom: 0.5px solid #999; padding: 3px 4px; vertical-align: top }
table.toc td { padding: 4px } table.toc thead { display:none } table.toc td:last-child { text-align:right }
table.info { font-size:8.8pt } table.info th { border-bottom:1px solid #000; text-align:left; padding:3px } table.info td { border-bottom: 0.5px solid #bbb; padding:3px; vertical-align:top }
.cover { text-align:center; padding-top: 2in }
.cover h1 { font-size: 22pt; font-variant: small-caps; margin-bottom: 4px }
.cover .rule { border-top: 1px solid #6d1a1a; width: 50%; margin: 18px auto }
.cover p { text-align:center; font-size: 11pt }
.firm { font-variant: small-caps; font-size: 13pt; letter-spacing: 1px }
"""

    def h(num, title):
        return '<h1 class="sec">%s. %s</h1>' % ({"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5}[num], title)

    def sub(n, title, level):
        return "<h3>3.%d&nbsp;&nbsp;%s</h3>" % (n, title)

    cover = """<div class="cover">
<p style="font-size:10pt; letter-spacing:3px">REPORT ON MANAGEMENT'S DESCRIPTION OF ITS SYSTEM<br>AND THE SUITABILITY OF THE DESIGN OF CONTROLS</p>
<div class="rule"></div>
<h1>Tessellate Health Data Corp.</h1>
<p>Tessellate Clinical Exchange</p>
<div class="rule"></div>
<p>SOC 2 Type I Report<br>Relevant to Security and Processing Integrity<br>As of September 30, 2025</p>
<p style="margin-top:1.8in"><span class="firm">Okonkwo Lindqvist LLP</span><br>Certified Public Accountants</p></div>"""
    toc = [
        ["1.", "Independent Service Auditor's Report", "1. Independent Service Auditor's Report"],
        ["2.", "Assertion of Tessellate Health Data Corp. Management", "2. Management's Assertion"],
        ["", "Assertion of Ridgeline Colocation Partners, LLC", "Assertion of Ridgeline Colocation Partners, LLC Management"],
        ["3.", "Description of the Tessellate Clinical Exchange", "3. Tessellate Health Data Corp.'s Description"],
        ["4.", "Applicable Criteria, Controls, Tests of Design and Results", "4. Applicable Criteria"],
    ]
    sig = """<p style="margin-top:26px"><i>/s/ Okonkwo Lindqvist LLP</i></p>
<p>Raleigh, North Carolina<br>November 20, 2025</p>"""
    msig = """<p style="margin-top:26px">Signed on behalf of Tessellate Health Data Corp. management:<br><br>
<i>/s/ Marcus Oyelaran-Whitby</i><br>Marcus Oyelaran-Whitby<br>Chief Information Security Officer<br>November 20, 2025</p>"""
    extra = {
        "CC6.4": [
            ("RCP-01", "At the Ridgeline Colocation Partners, LLC data centre, entry to the data hall requires a badge and a biometric scan; "
                       "visitors are escorted at all times and recorded in the visitor log.",
             "Inquired of the Ridgeline site manager. Observed the badge and biometric readers at the data hall entrance and inspected the "
             "visitor log to determine that the control was designed as described and implemented as of September 30, 2025."),
            ("RCP-02", "Ridgeline Colocation Partners, LLC reviews the list of people with access to the Tessellate cage each quarter with "
                       "Tessellate's infrastructure lead.",
             "Inspected the access review procedure and the most recent review record to determine that the control was designed as "
             "described and implemented as of September 30, 2025."),
        ],
        "CC6.5": [
            ("RCP-03", "Failed or retired drives from the Tessellate cage are shredded on site by Ridgeline Colocation Partners, LLC and a "
                       "certificate of destruction is issued.",
             "Inspected the media destruction procedure and a certificate of destruction to determine that the control was designed as "
             "described and implemented as of September 30, 2025."),
        ],
        "CC7.2": [
            ("RCP-04", "Ridgeline Colocation Partners, LLC monitors power, temperature and humidity in the data hall around the clock "
                       "and alerts its facility engineers when readings leave the set range.",
             "Observed the building management console and inspected the alert thresholds to determine that the control was designed as "
             "described and implemented as of September 30, 2025."),
        ],
    }
    v = dict(
        co=co, co_short="Tessellate", sys=sys_, cats=["security", "processing_integrity"],
        as_of_text="September 30, 2025", css=css, h=h, sub=sub, cover=cover, toc=toc, signature=sig, mgmt_signature=msig,
        security_exec="Chief Information Security Officer",
        with_tests=True, extra_controls=extra,
        id_fmt=lambda crit, i, n: "TC-%03d" % n,
        opinion_tail=" and if user entities applied the complementary user entity controls assumed in the design of "
                     "Tessellate Health Data Corp.'s controls as of that date",
        subservice_scope_para=p(
            "Tessellate Health Data Corp. uses Ridgeline Colocation Partners, LLC, a subservice organization, to provide colocation data "
            "centre space, power and physical security for its production equipment. The description includes those elements of the "
            "services provided by Ridgeline Colocation Partners, LLC that are relevant to the applicable criteria and the related controls "
            "of that organization (the inclusive method). Our examination included the relevant controls of Ridgeline Colocation Partners, "
            "LLC, and its management has provided a separate assertion, which is presented with Section 2 of this report."),
        subservice_assert_para=p(
            "The description includes the services of our subservice organization, Ridgeline Colocation Partners, LLC, and its controls "
            "relevant to the applicable criteria, using the inclusive method. Management of Ridgeline Colocation Partners, LLC has provided "
            "its own assertion about those controls, which follows ours.") ,
        overview_html=p(
            "Tessellate Health Data Corp. (&ldquo;Tessellate&rdquo;) connects hospitals, reference laboratories and outpatient clinics so "
            "that orders, results and referral documents can move between their clinical systems. The company was formed in 2014 and is "
            "based in Durham, North Carolina. Its production equipment is housed in a colocation facility in Charlotte, North Carolina, "
            "with a recovery site in Columbus, Ohio.",
            "Tessellate employs about 210 people. Most customers are health systems and laboratory networks in the south-eastern United "
            "States."),
        services_html=p(
            "The Tessellate Clinical Exchange is an interface engine offered as a managed service. It receives HL7 version 2 messages, FHIR "
            "resources and scanned documents from a sending organisation, checks them against the partner's interface profile, maps codes "
            "and identifiers, and delivers them to the receiving organisation. Each connection between two parties is called a route.") + ul([
            "Route onboarding and interface profile configuration;",
            "Message validation, transformation and code mapping;",
            "Delivery with acknowledgement tracking, retries and escalation;",
            "A customer portal for message search, route status and reconciliation reports.",
        ]) + p("Tessellate's revenue-cycle analytics product and its internal corporate IT are not part of the system described here."),
        commitments=[
            "Validate every inbound message against the route's interface profile and return rejected messages with a reason code.",
            "Deliver accepted messages to the receiving endpoint, or escalate them, within the time stated in the route agreement.",
            "Protect message content in transit with TLS or an encrypted VPN tunnel and at rest with encryption.",
            "Limit access to message content to staff who need it to support a route, with each access logged.",
            "Provide daily reconciliation of messages received, processed and delivered for each route.",
        ],
        infra_html=p(
            "Production runs on servers owned by Tessellate and housed in a caged area at the Ridgeline Colocation Partners, LLC facility in "
            "Charlotte. A smaller recovery environment sits in a second Ridgeline facility in Columbus, Ohio. Connections to customers use "
            "site-to-site VPN tunnels or mutually authenticated TLS over the internet.") + table(
            ["Component", "Description"],
            [["Compute", "Virtualisation cluster of twelve hosts (Charlotte) and four hosts (Columbus)"],
             ["Storage", "Replicated storage arrays with encryption at rest"],
             ["Database", "PostgreSQL clusters for message state and audit history"],
             ["Network", "Redundant firewalls, VPN concentrators and load balancers"],
             ["Facility", "Ridgeline Colocation Partners, LLC cages with badge and biometric access"]], cls="info", widths=["22%", "78%"]),
        software_html=p(
            "The interface engine is Tessellate's own software, written in Java, with a message broker for queuing and a rules component for "
            "code mapping. The customer portal is a web application that authenticates users through the customer's own identity provider or "
            "through Tessellate-managed accounts with MFA. Supporting tools include a configuration management system, a SIEM, a ticketing "
            "system and a vulnerability scanner."),
        people="The system is supported by the Integration Services team (route onboarding and mapping), Platform Engineering, Network and "
               "Infrastructure, Security Operations, the Service Desk and corporate functions. The CISO reports to the Chief Executive Officer.",
        data_html=p(
            "The exchange carries protected health information within messages and documents. Tessellate treats all message content as "
            "confidential and keeps message bodies for thirty days, after which only metadata (identifiers, timestamps and delivery status) "
            "is retained for seven years for reconciliation and audit purposes."),
        boundaries_html=p(
            "The system includes the production and recovery environments, the interface engine, the customer portal, the people and "
            "procedures that support them, and the Ridgeline facilities that house the equipment. The clinical systems of senders and "
            "receivers are outside the boundary."),
        subservice_html=p(
            "Tessellate uses Ridgeline Colocation Partners, LLC for data centre space, power, cooling and physical security in Charlotte, "
            "North Carolina and Columbus, Ohio. The inclusive method has been used: the relevant controls of Ridgeline are described here and "
            "were included in the examination. They are identified in Section 4 by control numbers beginning with RCP."),
        cuecs=[
            "Configuring their clinical systems to send messages that meet the interface profile agreed for each route.",
            "Reviewing rejected-message notifications and correcting and resending messages in a timely way.",
            "Reviewing the daily reconciliation report and reporting discrepancies to the Tessellate Service Desk.",
            "Managing their own portal users, including removal of users who no longer need access.",
            "Protecting the certificates and VPN credentials used to connect to the exchange.",
        ],
        changes_html=p(
            "During 2025 Tessellate moved its recovery environment from a Tessellate-operated server room to the Ridgeline facility in "
            "Columbus, Ohio. No incidents that affected the achievement of the service commitments occurred in the three months before the "
            "as-of date."),
        sub_assertion='<h1 class="sec">Assertion of Ridgeline Colocation Partners, LLC Management</h1>' + p(
            "Ridgeline Colocation Partners, LLC provides colocation space, power, cooling and physical security to Tessellate Health Data "
            "Corp. at its Charlotte, North Carolina and Columbus, Ohio facilities. We have read the portions of the description of the "
            "Tessellate Clinical Exchange system that relate to the services we provide and to our controls, identified in Section 4 by "
            "control numbers RCP-01 to RCP-04.",
            "We confirm, to the best of our knowledge and belief, that those portions of the description fairly present the services we "
            "provide and our controls as of September 30, 2025, and that the controls we are responsible for were suitably designed as of "
            "that date to meet the applicable trust services criteria to which they relate, if they operated effectively.") + """<p style="margin-top:26px">Ridgeline Colocation Partners, LLC<br><br><i>/s/ Danielle Forsgren</i><br>Danielle Forsgren<br>Vice President, Data Center Operations<br>November 18, 2025</p>""",
        sec4_title="Applicable Criteria, Controls, Tests of Design and Results",
        sec4_intro=p(
            "This section presents the applicable trust services criteria, the controls that Tessellate and Ridgeline Colocation Partners, "
            "LLC have designed to meet them, the procedures Okonkwo Lindqvist LLP performed to evaluate the suitability of design and "
            "implementation of each control, and the results.",
            "Tests of design and implementation consist of inquiry of personnel, observation of the control and inspection of documents "
            "and system settings at a point in time. They do not provide evidence of operating effectiveness over a period, and no tests of "
            "operating effectiveness were performed."),
    )
    return v


def main():
    out = os.path.join(CORPUS, "soc2-type1")
    for name, fn, date in (("quillfeather-soc2-type1-2026.pdf", quillfeather, "20260512"),
                           ("tessellate-soc2-type1-2025.pdf", tessellate, "20251120")):
        v = fn()
        markers = [m for _, _, m in v["toc"]]
        render_with_toc(lambda pg: build_doc(v, pg)[0], os.path.join(out, name), markers, date=date)


if __name__ == "__main__":
    main()
