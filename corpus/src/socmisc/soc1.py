"""SOC 1 Type II reports: Marrowgate Payroll Services (SSAE 18, exceptions) and
Aldergrove Fund Administration (integrated ISAE 3402 / SSAE 18, clean)."""
import os
from lib import p, ul, ol, table, page_break, doc, render_with_toc, BASE_CSS, CORPUS
import soc2text
import soc1_payroll
import soc1_fund
import soc1_narr


def _key(cid):
    import re
    return [int(x) for x in re.findall(r"\d+", cid)]


def sort_objectives(objs):
    return [(n, t, x, sorted(c, key=lambda r: _key(r[0])), u) for n, t, x, c, u in objs]


def objectives_desc(v):
    out = [p("%s has specified the control objectives below and designed controls to achieve them. The control objectives, the related "
             "controls, the tests performed by %s and the results are presented in Section IV. They are an integral part of this "
             "description." % (v["co"], v["auditor"]))]
    rows = [["%s %d" % (v["obj_word"], n), "%s &mdash; %s" % (title, text)] for n, title, text, _c, _u in v["objectives"]]
    out.append(table(["Objective", "Description"], rows, cls="info", widths=["18%", "82%"]))
    return "".join(out)


def cuec_desc(v):
    out = [p(v["cuec_intro"])]
    k = 0
    for n, title, text, _c, cuecs in v["objectives"]:
        if not cuecs:
            continue
        out.append("<h5>%s %d &ndash; %s</h5>" % (v["obj_word"], n, title))
        items = []
        for c in cuecs:
            k += 1
            items.append(c)
        out.append('<ol start="%d">%s</ol>' % (k - len(cuecs) + 1, "".join("<li>%s</li>" % c for c in items)))
    return "".join(out), k


def section_iv(v):
    out = [v["sec4_intro"]]
    for n, title, text, controls, _u in v["objectives"]:
        out.append('<div class="obj"><div class="objno">%s %d: %s</div><div class="objtext">%s</div></div>' % (v["obj_word"], n, title, text))
        rows = []
        for c in controls:
            cid, ctext, tests = c[0], c[1], c[2]
            result = c[3] if len(c) > 3 and c[3] else v["no_exc"]
            tcell = "<br><br>".join([v["inquiry"] % title.lower()] + tests)
            if result != v["no_exc"]:
                result = '<span class="exc">%s</span>' % result
            rows.append([cid, ctext, tcell, result])
        out.append(table(["No.", "Controls specified by %s" % v["co_short"], "Tests performed by %s" % v["auditor_short"], "Results of tests"],
                         rows, cls="ctl", widths=v.get("ctl_widths", ["8%", "30%", "38%", "24%"])))
    return "".join(out)


def build(v, pages):
    co = v["co"]
    body = [v["cover"], page_break(), '<h2 class="toc-h">%s</h2>' % v["toc_title"],
            table(["", "", ""], [[a, b, pages.get(m, "")] for a, b, m in v["toc"]], cls="toc"), page_break()]
    body.append(v["h"]("I", v["auditor_report_title"]))
    body.append(v["auditor_report"])
    body.append(page_break())
    body.append(v["h"]("II", v["assertion_title"]))
    body.append(v["assertion"])
    body.append(page_break())
    body.append(v["h"]("III", "Description of %s's %s" % (co, v["sys"])))
    num = [0]

    def sub(t):
        num[0] += 1
        return v["sub"](num[0], t)
    body.append(sub("Scope of the Description") + v["scope_html"])
    body.append(sub("Company Overview") + v["overview_html"])
    body.append(sub("Services Covered by the Report") + v["services_html"])
    body.append(sub("Overview of Information Systems") + v["systems_html"])
    body.append(sub("Control Environment"))
    for t, c in soc2text.control_environment(v):
        body.append("<h4>%s</h4>%s" % (t, c))
    body.append(sub("Risk Assessment, Information and Communication, and Monitoring"))
    for t, c in soc2text.risk_and_monitoring(v):
        body.append("<h4>%s</h4>%s" % (t, c))
    for t, paras in soc1_narr.common_sections(co, v["co_short"]):
        body.append(sub(t) + p(*paras))
    body.append(sub("Control Objectives and Related Controls") + objectives_desc(v))
    body.append(sub(v["process_title"]))
    for n, title, text, controls, _u in v["objectives"]:
        body.append("<h4>%s</h4>" % title)
        body.append(p(*v["narr"][n]))
        body.append(p("The controls that support %s %d are:" % (v["obj_word"].lower(), n)))
        body.append(ul(["%s (%s)" % (c[1], c[0]) for c in controls]))
    body.append(sub("Subservice Organizations") + v["subservice_html"])
    cu, _k = cuec_desc(v)
    body.append(sub("Complementary User Entity Controls") + cu)
    body.append(page_break())
    body.append(v["h"]("IV", v["sec4_title"]))
    body.append(section_iv(v))
    if v.get("sec5"):
        body.append(page_break())
        body.append(v["h"]("V", v["sec5_title"]))
        body.append(v["sec5"])
    return doc(v["css"], "".join(body), title="SOC 1 Type II - " + co)


# ---------------------------------------------------------------------------

def marrowgate():
    co = "Marrowgate Payroll Services, LLC"
    sys_ = "PayCore Payroll Processing System"
    auditor = "Castellan Reyes LLP"
    period = "January 1, 2025 to December 31, 2025"
    css = BASE_CSS + """
@page { size: Letter; margin: 0.9in 0.8in 0.85in 0.8in;
  @top-left { content: "Marrowgate Payroll Services, LLC"; font: bold 8pt 'Liberation Sans Narrow'; color:#2e5e3e }
  @top-right { content: "SOC 1\\00AE  Type 2 Report  |  January 1, 2025 \\2013  December 31, 2025"; font: 8pt 'Liberation Sans Narrow'; color:#2e5e3e }
  @bottom-center { content: "Confidential \\2013  Use of this report is restricted"; font: 7pt 'Liberation Sans'; color:#888 }
  @bottom-right { content: counter(page); font: bold 9pt 'Liberation Sans' } }
@page :first { @top-left { content: none } @top-right { content: none } @bottom-center { content: none } @bottom-right { content: none } }
body { font-family: 'Nimbus Sans', 'Liberation Sans', sans-serif; font-size: 11pt; line-height: 1.6; color:#1b1b1b }
h1.sec { background:#2e5e3e; color:#fff; padding: 10px 12px; font-size: 15pt; margin: 0 0 14px 0 }
h1.sec small { display:block; font-size: 9pt; font-weight: normal; color:#cfe3d4 }
h3 { color:#2e5e3e; font-size: 12pt; border-bottom: 1px solid #2e5e3e; padding-bottom:2px; margin-top:18px }
h4 { font-size: 10.4pt; margin: 10px 0 3px 0 } h5 { font-size: 10pt; margin: 10px 0 2px 0; color:#2e5e3e }
.obj { border: 1.5px solid #2e5e3e; margin: 0; break-inside: avoid; break-after: avoid; break-before: page }
.objno { background:#2e5e3e; color:#fff; font-weight:bold; padding: 4px 8px }
.objtext { padding: 5px 8px; font-style: italic; background:#eef5f0 }
table.ctl { font-size: 9.8pt; line-height: 1.45; hyphens: auto }
table.ctl th { background:#d7e7db; border: 1px solid #7ea58a; padding: 3px 4px; text-align:left; vertical-align: bottom }
table.ctl td { border: 1px solid #a8c4b0; padding: 6px 5px; vertical-align: top }
.exc { color:#8b0000; font-weight: bold }
table.toc td { padding: 5px 3px; border-bottom: 1px solid #cbd9cf } table.toc td:first-child { width: 16% } table.toc thead { display:none } table.toc td:last-child { text-align:right; width: 8% }
table.info { font-size: 9pt } table.info th { background:#d7e7db; border:1px solid #7ea58a; padding:3px; text-align:left } table.info td { border:1px solid #a8c4b0; padding:3px 4px; vertical-align:top }
.cover { height: 8.6in; position: relative; box-sizing: border-box; padding-top: 1.3in }
.cover .band { background:#2e5e3e; color:#fff; padding: 40px 30px }
.cover .band h1 { margin:0; font-size: 26pt } .cover .band p { margin: 6px 0 0 0; font-size: 12pt }
.cover .lower { margin-top: 40px; font-size: 11pt; line-height: 1.7; padding-left: 30px }
.cover .firm { position:absolute; bottom: 0; left: 30px; font-size: 10pt; color:#444 }
.sigline { font-family: 'Z003', cursive; font-size: 19pt; color:#203a80; margin: 18px 0 0 0 }
"""

    def h(num, title):
        return '<h1 class="sec"><small>SECTION %s</small>%s</h1>' % (num, title)

    def sub(n, title):
        return "<h3>%s</h3>" % title

    v = dict(co=co, co_short="Marrowgate", sys=sys_, auditor=auditor, auditor_short="Castellan Reyes LLP", css=css, h=h, sub=sub,
             obj_word="Control Objective", no_exc="No exceptions noted.", security_exec="Director of Information Security",
             objectives=sort_objectives(soc1_payroll.OBJECTIVES), narr=soc1_narr.PAYROLL, process_title="Processing and Control Activities by Area",
             inquiry="Inquired of the process owner and staff responsible for %s about how the control is performed, its frequency and the "
                     "handling of exceptions.")
    v["cover"] = """<div class="cover"><div class="band"><h1>Marrowgate Payroll Services, LLC</h1>
<p>Report on Marrowgate Payroll Services, LLC's Description of Its PayCore Payroll Processing System and on the Suitability of the
Design and Operating Effectiveness of Its Controls</p></div>
<div class="lower">SOC 1&reg; Type 2 Report<br>For the period January 1, 2025 to December 31, 2025<br>
Prepared in accordance with SSAE No. 18 (AT-C section 320)</div>
<div class="firm">Independent service auditor: Castellan Reyes LLP, Denver, Colorado</div></div>"""
    v["toc_title"] = "Contents"
    v["toc"] = [["Section I", "Independent Service Auditor's Report", "SECTION I Independent Service Auditor's Report"],
                ["Section II", "Marrowgate Payroll Services, LLC's Assertion", "SECTION II"],
                ["Section III", "Description of the PayCore Payroll Processing System", "SECTION III"],
                ["", "Complementary User Entity Controls", "Complementary User Entity Controls Marrowgate's controls"],
                ["Section IV", "Control Objectives, Related Controls, Tests and Results", "SECTION IV"],
                ["Section V", "Other Information Provided by Marrowgate: Management's Responses to Exceptions", "SECTION V"]]
    v["auditor_report_title"] = "Independent Service Auditor's Report"
    v["auditor_report"] = (p("To Management of Marrowgate Payroll Services, LLC<br>Denver, Colorado") + "<h4>Scope</h4>" + p(
        "We have examined Marrowgate Payroll Services, LLC's (&ldquo;Marrowgate&rdquo;) description of its PayCore Payroll Processing System "
        "for processing user entities' payroll transactions throughout the period %s (the &ldquo;description&rdquo;) and the suitability of "
        "the design and operating effectiveness of the controls included in the description to achieve the related control objectives "
        "stated in the description, based on the criteria identified in &ldquo;Marrowgate Payroll Services, LLC's Assertion&rdquo; (the "
        "&ldquo;assertion&rdquo;). The controls and control objectives included in the description are those that management of Marrowgate "
        "believes are likely to be relevant to user entities' internal control over financial reporting, and the description does not "
        "include those aspects of the system that are not likely to be relevant to user entities' internal control over financial "
        "reporting." % period,
        "Marrowgate uses two subservice organizations: Amazon Web Services, Inc. for cloud hosting of PayCore and Prairie Meridian Bank, N.A. "
        "as the originating depository financial institution for ACH transactions. The description includes only the control objectives "
        "and related controls of Marrowgate and excludes the control objectives and related controls of the subservice organizations. The "
        "description also indicates that certain control objectives can be achieved only if complementary subservice organization controls "
        "assumed in the design of Marrowgate's controls are suitably designed and operating effectively. Our examination did not extend to "
        "controls of the subservice organizations, and we have not evaluated the suitability of the design or operating effectiveness of "
        "such complementary controls.",
        "The description indicates that certain control objectives can be achieved only if complementary user entity controls assumed in "
        "the design of Marrowgate's controls are suitably designed and operating effectively, along with related controls at Marrowgate. "
        "Our examination did not extend to such complementary user entity controls, and we have not evaluated their suitability of design "
        "or operating effectiveness.",
        "The information included in Section V, &ldquo;Other Information Provided by Marrowgate&rdquo;, is presented by management of "
        "Marrowgate to provide additional information and is not part of the description. Management's responses to exceptions have not "
        "been subjected to the procedures applied in the examination, and accordingly we express no opinion on them.") +
        "<h4>Service Organization's Responsibilities</h4>" + p(
        "In Section II, Marrowgate has provided an assertion about the fairness of the presentation of the description and the suitability "
        "of the design and operating effectiveness of the controls to achieve the related control objectives. Marrowgate is responsible for "
        "preparing the description and its assertion, including the completeness, accuracy and method of presentation of both; providing "
        "the services covered by the description; specifying the control objectives and stating them in the description; identifying the "
        "risks that threaten the achievement of the control objectives; selecting the criteria stated in the assertion; and designing, "
        "implementing and documenting controls that are suitably designed and operating effectively.") +
        "<h4>Service Auditor's Responsibilities</h4>" + p(
        "Our responsibility is to express an opinion on the fairness of the presentation of the description and on the suitability of the "
        "design and operating effectiveness of the controls to achieve the related control objectives, based on our examination. Our "
        "examination was conducted in accordance with attestation standards established by the American Institute of Certified Public "
        "Accountants. Those standards require that we plan and perform the examination to obtain reasonable assurance about whether, in all "
        "material respects, based on the criteria in management's assertion, the description is fairly presented and the controls were "
        "suitably designed and operating effectively to achieve the related control objectives throughout the period. We believe that the "
        "evidence we obtained is sufficient and appropriate to provide a reasonable basis for our opinion.",
        "An examination of a description of a service organization's system and the suitability of the design and operating effectiveness "
        "of controls involves performing procedures to obtain evidence about the fairness of the presentation of the description and the "
        "suitability of the design and operating effectiveness of the controls, assessing the risks that the description is not fairly "
        "presented and that the controls were not suitably designed or operating effectively, testing the operating effectiveness of those "
        "controls that management considers necessary to provide reasonable assurance that the related control objectives were achieved, "
        "and evaluating the overall presentation of the description, the suitability of the control objectives and the suitability of the "
        "criteria specified by the service organization in its assertion.",
        "We are required to be independent of Marrowgate and to meet our other ethical responsibilities in accordance with the relevant "
        "ethical requirements relating to the examination engagement.") +
        "<h4>Inherent Limitations</h4>" + p(
        "The description is prepared to meet the common needs of a broad range of user entities and their auditors who audit and report on "
        "user entities' financial statements and may not, therefore, include every aspect of the system that each individual user entity "
        "may consider important in its own particular environment. Because of their nature, controls at a service organization may not "
        "prevent, or detect and correct, all misstatements in processing or reporting payroll transactions. The projection to the future "
        "of any evaluation of the fairness of the presentation of the description, or conclusions about the suitability of the design or "
        "operating effectiveness of controls, is subject to the risk that controls may become inadequate or fail.") +
        "<h4>Description of Tests of Controls</h4>" + p(
        "The specific controls tested and the nature, timing and results of those tests are listed in Section IV. Exceptions were noted "
        "for Controls 4.2, 7.2 and 8.2; the exceptions are described in the results column for those controls and did not, in our "
        "judgement, prevent the related control objectives from being achieved.") +
        "<h4>Opinion</h4>" + p("In our opinion, in all material respects, based on the criteria described in Marrowgate's assertion:") + ol([
            "the description fairly presents the PayCore Payroll Processing System that was designed and implemented throughout the period "
            "%s;" % period,
            "the controls related to the control objectives stated in the description were suitably designed to provide reasonable "
            "assurance that the control objectives would be achieved if the controls operated effectively throughout the period and if the "
            "subservice organizations and user entities applied the complementary controls assumed in the design of Marrowgate's controls; and",
            "the controls operated effectively to provide reasonable assurance that the control objectives stated in the description were "
            "achieved throughout the period %s, if complementary subservice organization and user entity controls assumed in the design of "
            "Marrowgate's controls operated effectively throughout that period." % period]) +
        "<h4>Restricted Use</h4>" + p(
        "This report, including the description of tests of controls and results in Section IV, is intended solely for the information and "
        "use of management of Marrowgate, user entities of the PayCore Payroll Processing System during some or all of the period, and their "
        "auditors who audit and report on such user entities' financial statements or internal control over financial reporting and have a "
        "sufficient understanding to consider it, along with other information, including information about controls implemented by user "
        "entities themselves, when assessing the risks of material misstatement of user entities' financial statements. It is not intended "
        "to be and should not be used by anyone other than these specified parties.") +
        '<div class="sigline">Castellan Reyes LLP</div><p>Denver, Colorado<br>February 27, 2026</p>')
    v["assertion_title"] = "Marrowgate Payroll Services, LLC's Assertion"
    v["assertion"] = p(
        "We have prepared the description of Marrowgate Payroll Services, LLC's PayCore Payroll Processing System for processing user "
        "entities' payroll transactions throughout the period %s for user entities of the system during some or all of the period and "
        "their auditors who audit and report on such user entities' financial statements or internal control over financial reporting, "
        "and who have a sufficient understanding to consider it, along with other information, when assessing the risks of material "
        "misstatement of user entities' financial statements." % period,
        "Marrowgate uses Amazon Web Services, Inc. and Prairie Meridian Bank, N.A. as subservice organizations. The description includes "
        "only our control objectives and related controls and excludes those of the subservice organizations (the carve-out method). The "
        "description also indicates that certain control objectives can be achieved only if complementary subservice organization controls "
        "and complementary user entity controls assumed in the design of our controls are suitably designed and operating effectively.",
        "We confirm, to the best of our knowledge and belief, that:") + ol([
            "the description fairly presents the PayCore Payroll Processing System made available to user entities throughout the period "
            "%s. The criteria we used in making this assertion were that the description (i) presents how the system was designed and "
            "implemented, including the types of services provided, the procedures by which transactions are initiated, recorded, processed "
            "and reported, the related accounting records, how the system captures significant events, the process used to prepare reports, "
            "the specified control objectives and controls, and other aspects of our control environment, risk assessment process, "
            "information and communication systems, control activities and monitoring activities; (ii) includes relevant details of changes "
            "to the system during the period; and (iii) does not omit or distort information relevant to the system;" % period,
            "the controls related to the control objectives stated in the description were suitably designed and operated effectively "
            "throughout the period %s to achieve those control objectives, if subservice organizations and user entities applied the "
            "complementary controls assumed in the design of our controls. The criteria we used were that the risks that threaten achievement "
            "of the control objectives have been identified, the controls would, if operating as described, provide reasonable assurance that "
            "those risks would not prevent the objectives from being achieved, and the controls were consistently applied as designed, "
            "including whether manual controls were applied by individuals with appropriate competence and authority." % period]) + """
<p style="margin-top:24px">Marrowgate Payroll Services, LLC</p><div class="sigline">Teodora Vance</div>
<p>Teodora Vance<br>Chief Financial Officer<br>February 27, 2026</p>"""
    v["scope_html"] = p(
        "This description covers the PayCore Payroll Processing System used by Marrowgate to provide payroll processing, payroll tax "
        "filing and direct deposit services to user entities (&ldquo;clients&rdquo;) from its offices in Denver, Colorado and its "
        "processing centre in Omaha, Nebraska, throughout the period January 1, 2025 to December 31, 2025. It addresses only the controls "
        "relevant to clients' internal control over financial reporting. Marrowgate's time-and-attendance add-on, its benefits brokerage "
        "business and its human resources consulting services are not included.")
    v["overview_html"] = p(
        "Marrowgate Payroll Services, LLC was founded in 2009 and provides outsourced payroll services to about 3,800 small and mid-sized "
        "employers in the United States. The company is owned by a private equity fund and employs around 420 people. Executive management, "
        "product development and finance are based in Denver, Colorado; payroll operations, tax operations, treasury and client service "
        "are based in Omaha, Nebraska.") + table(
        ["Function", "Leader", "Location"],
        [["Executive management", "Chief Executive Officer", "Denver, Colorado"], ["Finance and treasury", "Chief Financial Officer", "Denver, Colorado / Omaha, Nebraska"],
         ["Payroll operations", "Vice President, Payroll Operations", "Omaha, Nebraska"], ["Tax operations", "Director of Tax Operations", "Omaha, Nebraska"],
         ["Product and engineering", "Chief Technology Officer", "Denver, Colorado"], ["Information security", "Director of Information Security", "Denver, Colorado"]],
        cls="info", widths=["34%", "36%", "30%"])
    v["services_html"] = p(
        "Clients use PayCore to run payroll on weekly, bi-weekly, semi-monthly or monthly schedules. Marrowgate offers two service levels: "
        "<b>self-service</b>, in which the client enters or uploads payroll input through the client portal, and <b>assisted</b>, in which "
        "the client sends input to an assigned payroll specialist who keys it. In both cases Marrowgate calculates gross-to-net pay, "
        "withholds and remits taxes, originates direct deposits and tax debits through its originating bank, prints cheques on request and "
        "produces reports and year-end forms.") + "<h4>Transaction flow</h4>" + ol([
        "The client submits input (new hires, changes, hours, one-off payments) by the cut-off for the pay date.",
        "PayCore validates the input and displays input control totals for approval.",
        "Once approved, PayCore calculates the payroll and produces a preview register and variance report.",
        "The payroll is finalised; PayCore creates ACH files for direct deposits and for the debit of client funds, and tax liability records.",
        "Treasury transmits ACH files to Prairie Meridian Bank, N.A.; tax operations deposit taxes and file returns.",
        "Reports, pay statements and general ledger files are published to the client portal.",
    ])
    v["systems_html"] = p(
        "PayCore is a web application developed by Marrowgate. It runs in Amazon Web Services in two availability zones of the us-east-2 "
        "region, with backups replicated to us-west-2. Supporting systems include the client portal, a job scheduler, the treasury "
        "reconciliation tool, the tax filing engine, a ticketing and change management tool, and the corporate directory that provides "
        "single sign-on.") + table(["System", "Use", "Hosting"], [
        ["PayCore", "Payroll calculation, client master data, reports", "AWS, us-east-2"],
        ["Client portal", "Input submission, approvals, report delivery", "AWS, us-east-2"],
        ["Tax filing engine", "Deposits and returns", "AWS, us-east-2"],
        ["Treasury reconciliation tool", "ACH and bank reconciliations", "SaaS"],
        ["Service management tool", "Access requests, changes, incidents", "SaaS"]], cls="info")
    v["subservice_html"] = p(
        "Marrowgate uses the following subservice organizations. The carve-out method has been used for both: their controls are not "
        "included in this description or in the scope of the service auditor's examination. Marrowgate reviews their SOC reports "
        "annually.") + table(["Subservice organization", "Service", "Complementary subservice organization controls expected"], [
        ["Amazon Web Services, Inc.", "Cloud hosting of PayCore and supporting systems",
         "Physical and environmental security of data centres; protection of the virtualisation layer; availability of managed database and "
         "storage services (Control Objectives 7 and 9)."],
        ["Prairie Meridian Bank, N.A.", "Originating depository financial institution for ACH entries",
         "Complete and accurate processing of ACH files received from Marrowgate; acknowledgement of files; return processing "
         "(Control Objective 5)."]], cls="info", widths=["26%", "28%", "46%"])
    v["cuec_intro"] = ("Marrowgate's controls were designed assuming that clients have certain controls in place. The list below is "
                       "grouped by control objective. It is not a complete list of the controls clients should have; clients' auditors "
                       "should consider whether these controls have been put in place.")
    v["sec4_title"] = "Control Objectives, Related Controls, and Tests of Operating Effectiveness"
    v["sec4_intro"] = p(
        "Castellan Reyes LLP tested the controls listed in this section for the period January 1, 2025 to December 31, 2025. Tests were "
        "chosen to provide evidence about whether each control operated throughout the period. Where a sample was used, its size was based "
        "on the frequency of the control and the population of occurrences during the period.") + table(
        ["Type of test", "Description"], [
            ["Inquiry", "Asked appropriate personnel about the performance of the control. Inquiry alone was not relied on."],
            ["Observation", "Watched the control being performed or the system setting operating."],
            ["Inspection", "Examined documents, reports, system configurations and records that evidence the performance of the control."],
            ["Reperformance", "Independently performed the control or the calculation and compared the result with the control's outcome."]],
        cls="info", widths=["20%", "80%"]) + p(
        "When using information produced by Marrowgate, we evaluated whether it was sufficiently reliable for our purposes by obtaining "
        "evidence about its accuracy and completeness, for example by inspecting the query used to produce it or agreeing samples to the "
        "source system.")
    v["sec5_title"] = "Other Information Provided by Marrowgate Payroll Services, LLC"
    v["sec5"] = p("The information in this section is presented by management of Marrowgate and has not been subjected to the procedures "
                  "applied in the examination. Castellan Reyes LLP expresses no opinion on it.") + "<h4>Management's Responses to Exceptions</h4>" + table(
        ["Control", "Exception (summarised)", "Management's response"], [
            ["4.2", "One monthly tax deposit reconciliation (June 2025) lacked evidence of review by the tax manager.",
             "The June reconciliation was prepared during a period when the tax manager was on leave and the delegate did not record her "
             "sign-off. The reconciliation has since been reviewed and no differences were found. From August 2025 the reconciliation tool "
             "requires an electronic sign-off before the month can be closed, and a delegate is named in advance for planned absences."],
            ["7.2", "Two terminated employees' access was removed 6 and 11 business days after termination.",
             "Both terminations were entered in the HR system late by the hiring managers, so the automated removal ticket was not raised. "
             "Neither account was used after the termination date. In October 2025 Marrowgate connected the HR system directly to the "
             "identity provider so that access is disabled on the termination date entered by HR, and managers were reminded of the "
             "notification requirement."],
            ["8.2", "User acceptance testing sign-off was not retained for one change to a state withholding table.",
             "Testing was performed but the sign-off was given in a chat message that was not attached to the ticket. The change was "
             "correct. The deployment pipeline now blocks deployment of calculation changes until the ticket contains an attached sign-off."]],
        cls="info", widths=["10%", "30%", "60%"]) + "<h4>Changes expected after the period</h4>" + p(
        "Marrowgate plans to migrate the tax filing engine to a new vendor-supported product during 2026. Clients will be informed before "
        "the change.")
    return v


def aldergrove():
    co = "Aldergrove Fund Administration Ltd."
    sys_ = "Fund Accounting and Transfer Agency Services"
    auditor = "Thorncastle Audit & Assurance LLP"
    period = "1 April 2025 to 31 March 2026"
    css = BASE_CSS + """
@page { size: A4; margin: 27mm 27mm 25mm 28mm;
  @top-left { content: "Strictly private and confidential"; font: italic 8pt 'P052', 'Liberation Serif'; color:#444 }
  @top-right { content: "Aldergrove Fund Administration Ltd.  \\2014  ISAE 3402 / SOC 1 Type II"; font: 8pt 'P052', 'Liberation Serif'; color:#444 }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8.5pt 'P052', 'Liberation Serif' } }
@page :first { margin-top: 30mm; @top-left { content: none } @top-right { content: none } @bottom-center { content: none } }
body { font-family: 'P052', 'Liberation Serif', serif; font-size: 11.3pt; line-height: 1.6; text-align: justify }
h1.sec { font-size: 16pt; font-weight: normal; color:#4a2c6b; margin: 0 0 12px 0; border-left: 6px solid #4a2c6b; padding-left: 10px }
h3 { font-size: 12pt; color:#4a2c6b; margin-top: 18px } h4 { font-size: 10.5pt; margin: 10px 0 3px 0 } h5 { font-size: 10pt; margin: 10px 0 2px 0 }
.obj { margin: 0 0 4px 0; break-after: avoid; break-before: page } .objno { font-weight: bold; font-size: 11pt; color:#4a2c6b }
.objtext { border-top: 0.8pt solid #4a2c6b; border-bottom: 0.8pt solid #4a2c6b; padding: 4px 0; margin-top: 3px }
table.ctl { font-size: 10pt; line-height: 1.55; text-align: left }
table.ctl th { font-weight: bold; padding: 4px; border-bottom: 1.2pt solid #4a2c6b; text-align: left; background: #f1ecf6 }
table.ctl td { padding: 7px 5px; border-bottom: 0.4pt solid #b7a9c9; vertical-align: top }
table.toc td { padding: 4px 2px } table.toc thead { display:none } table.toc td:last-child { text-align:right }
table.info { font-size: 9.2pt; text-align:left } table.info th { border-bottom: 1pt solid #4a2c6b; padding: 3px; text-align:left } table.info td { border-bottom: 0.4pt solid #ccc; padding: 3px; vertical-align: top }
.cover h1 { font-size: 24pt; font-weight: normal; color:#4a2c6b; margin-top: 60mm }
.cover .sub { font-size: 13pt } .cover .box { border: 1pt solid #4a2c6b; padding: 12px; margin-top: 30mm; font-size: 10pt }
"""

    def h(num, title):
        return '<h1 class="sec">%s&nbsp;&nbsp;%s</h1>' % ({"I": "1", "II": "2", "III": "3", "IV": "4", "V": "5"}[num], title)

    def sub(n, title):
        return "<h3>3.%d&nbsp;&nbsp;%s</h3>" % (n, title)

    v = dict(co=co, co_short="Aldergrove", sys=sys_, auditor=auditor, auditor_short="Thorncastle", css=css, h=h, sub=sub,
             obj_word="Control Objective", no_exc="No deviations noted.", security_exec="Chief Information Security Officer",
             objectives=sort_objectives(soc1_fund.OBJECTIVES), ctl_widths=["11%", "30%", "39%", "20%"], narr=soc1_narr.FUND, process_title="Description of Processes and Controls",
             inquiry="Enquired of the team manager responsible for %s about the operation of the control during the period.")
    v["cover"] = """<div class="cover"><h1>Aldergrove Fund Administration Ltd.</h1>
<p class="sub">Independent Service Auditor's Assurance Report on the Description, Design and Operating Effectiveness of Controls
relating to Fund Accounting and Transfer Agency Services</p>
<p class="sub">For the period 1 April 2025 to 31 March 2026</p>
<div class="box">Prepared in accordance with International Standard on Assurance Engagements (ISAE) 3402 and the American Institute of
Certified Public Accountants' Statement on Standards for Attestation Engagements No. 18 (AT-C section 320) &mdash; SOC 1&reg; Type II<br><br>
Thorncastle Audit &amp; Assurance LLP, Chartered Accountants, Edinburgh</div></div>"""
    v["toc_title"] = "Contents"
    v["toc"] = [["1", "Independent Service Auditor's Assurance Report", "1 Independent Service Auditor's Assurance Report"],
                ["2", "Statement by the Directors of Aldergrove Fund Administration Ltd.", "2 Statement by the Directors"],
                ["3", "Description of Fund Accounting and Transfer Agency Services", "3 Description of Aldergrove"],
                ["4", "Control Objectives, Controls, Tests and Results", "4 Control Objectives, Controls"]]
    v["auditor_report_title"] = "Independent Service Auditor's Assurance Report"
    v["auditor_report"] = (p("To the Board of Directors of Aldergrove Fund Administration Ltd.") + "<h4>Scope</h4>" + p(
        "We have been engaged to report on Aldergrove Fund Administration Ltd.'s (&lsquo;Aldergrove&rsquo;) description in Section 3 of "
        "its fund accounting and transfer agency services throughout the period %s (the &lsquo;description&rsquo;), and on the design and "
        "operation of controls related to the control objectives stated in the description." % period,
        "Aldergrove uses Microsoft Corporation, through its Azure cloud platform, as a subservice organisation to host its applications and "
        "data. The description includes only the control objectives and related controls of Aldergrove and excludes those of Microsoft "
        "Corporation. Our work did not extend to controls at the subservice organisation. Certain control objectives can be achieved only "
        "if complementary controls at user entities, described in section 3.10, are suitably designed and operate effectively; we have not "
        "evaluated those controls.") + "<h4>Aldergrove's responsibilities</h4>" + p(
        "Aldergrove is responsible for preparing the description and the accompanying statement in Section 2, including the completeness, "
        "accuracy and method of presentation of the description and statement; providing the services covered by the description; stating "
        "the control objectives; and designing, implementing and effectively operating controls to achieve the stated control "
        "objectives.") + "<h4>Our independence and quality management</h4>" + p(
        "We have complied with the independence and other ethical requirements of the International Code of Ethics for Professional "
        "Accountants issued by the International Ethics Standards Board for Accountants and with the AICPA Code of Professional Conduct. "
        "The firm applies International Standard on Quality Management 1 and maintains a comprehensive system of quality management.") +
        "<h4>Service auditor's responsibilities</h4>" + p(
        "Our responsibility is to express an opinion on Aldergrove's description and on the design and operation of controls related to the "
        "control objectives stated in that description, based on our procedures. We conducted our engagement in accordance with "
        "International Standard on Assurance Engagements 3402, <i>Assurance Reports on Controls at a Service Organization</i>, issued by the "
        "International Auditing and Assurance Standards Board, and with attestation standards established by the American Institute of "
        "Certified Public Accountants (AT-C section 320). Those standards require that we plan and perform our procedures to obtain "
        "reasonable assurance about whether, in all material respects, the description is fairly presented and the controls are suitably "
        "designed and operating effectively.",
        "An assurance engagement to report on the description, design and operating effectiveness of controls at a service organisation "
        "involves performing procedures to obtain evidence about the disclosures in the description and the design and operating "
        "effectiveness of controls. The procedures selected depend on our judgement, including the assessment of the risks that the "
        "description is not fairly presented, and that controls are not suitably designed or operating effectively. Our procedures included "
        "testing the operating effectiveness of those controls that we consider necessary to provide reasonable assurance that the control "
        "objectives stated in the description were achieved. We believe that the evidence we have obtained is sufficient and appropriate to "
        "provide a basis for our opinion.") + "<h4>Limitations of controls at a service organisation</h4>" + p(
        "Aldergrove's description is prepared to meet the common needs of a broad range of customers and their auditors and may not, "
        "therefore, include every aspect of the services that each individual customer may consider important in its own environment. "
        "Because of their nature, controls at a service organisation may not prevent or detect all errors or omissions in processing or "
        "reporting transactions. Any projection of an evaluation of effectiveness to future periods is subject to the risk that controls "
        "may become inadequate or fail.") + "<h4>Opinion</h4>" + p(
        "Our opinion has been formed on the basis of the matters outlined in this report. The criteria we used in forming our opinion are "
        "those described in Aldergrove's statement in Section 2. In our opinion, in all material respects:") + ol([
        "the description fairly presents the fund accounting and transfer agency services as designed and implemented throughout the period "
        "%s;" % period,
        "the controls related to the control objectives stated in the description were suitably designed throughout the period %s; and" % period,
        "the controls tested, which together with the complementary user entity controls and the controls at the subservice organisation "
        "assumed in the design of Aldergrove's controls were those necessary to provide reasonable assurance that the control objectives "
        "stated in the description were achieved, operated effectively throughout the period %s." % period]) +
        "<h4>Description of tests of controls</h4>" + p("The specific controls tested and the nature, timing and results of those tests are "
                                                        "listed in Section 4.") + "<h4>Intended users and purpose</h4>" + p(
        "This report and the description of tests of controls in Section 4 are intended only for customers who have used Aldergrove's fund "
        "accounting and transfer agency services and their auditors, who have a sufficient understanding to consider it, along with other "
        "information including information about controls operated by customers themselves, when obtaining an understanding of customers' "
        "information systems relevant to financial reporting. We do not accept or assume responsibility to anyone other than Aldergrove "
        "for our work, for this report or for the opinions we have formed.") + """
<p style="margin-top:22px"><b>Thorncastle Audit &amp; Assurance LLP</b><br>Chartered Accountants<br>Edinburgh, United Kingdom<br>22 May 2026</p>""")
    v["assertion_title"] = "Statement by the Directors of Aldergrove Fund Administration Ltd."
    v["assertion"] = p(
        "The accompanying description has been prepared for customers who have used Aldergrove's fund accounting and transfer agency "
        "services and their auditors, who have a sufficient understanding to consider it, along with other information, when assessing "
        "the risks of material misstatement of customers' financial statements. Aldergrove uses Microsoft Corporation (Azure) as a "
        "subservice organisation; the description excludes its control objectives and controls (the carve-out method).",
        "Aldergrove confirms that:") + ol([
        "the accompanying description in Section 3 fairly presents the fund accounting and transfer agency services for processing customers' "
        "transactions throughout the period %s. The criteria used in making this statement were that the description presents how the "
        "services were designed and implemented, including the classes of transactions processed, the procedures by which transactions "
        "were initiated, recorded, processed and reported, the related accounting records, the control objectives and related controls, "
        "the complementary user entity controls assumed in the design of the controls, and other aspects of the control environment; "
        "includes relevant details of changes during the period; and does not omit or distort information relevant to the scope of the "
        "services described;" % period,
        "the controls related to the control objectives stated in the accompanying description were suitably designed and operated "
        "effectively throughout the period %s. The criteria used were that the risks that threatened achievement of the control objectives "
        "were identified, the identified controls would, if operated as described, provide reasonable assurance that those risks did not "
        "prevent the stated control objectives from being achieved, and the controls were consistently applied as designed throughout the "
        "period." % period]) + """
<p style="margin-top:22px">Signed on behalf of the Board of Directors<br><br><i>Fiona MacAulay-Brennan</i><br>Fiona MacAulay-Brennan<br>
Chief Operating Officer and Director<br>Aldergrove Fund Administration Ltd.<br>22 May 2026</p>"""
    v["scope_html"] = p(
        "This description sets out the fund accounting and transfer agency services provided by Aldergrove from its offices in Edinburgh, "
        "Scotland and Boston, Massachusetts to open-ended investment funds and their management companies during the period 1 April 2025 "
        "to 31 March 2026. It covers the controls relevant to customers' financial reporting. Depositary services, regulatory reporting "
        "and Aldergrove's private-markets administration business are excluded.")
    v["overview_html"] = p(
        "Aldergrove Fund Administration Ltd. is a privately owned fund administrator established in Edinburgh in 2006, with a subsidiary "
        "office in Boston, Massachusetts opened in 2018 to serve US-domiciled funds. At 31 March 2026 Aldergrove administered 212 funds "
        "with combined net assets of about GBP 38 billion, and employed 360 people.",
        "The board of directors comprises the chief executive, the chief operating officer, the chief financial officer and two "
        "independent non-executive directors, one of whom chairs the audit and risk committee.")
    v["services_html"] = ul([
        "<b>Fund accounting</b>: maintaining the books and records of each fund, valuing portfolios, calculating daily, weekly or monthly "
        "net asset values and producing financial reports.",
        "<b>Transfer agency</b>: investor onboarding and anti-money-laundering checks, processing subscriptions, redemptions, switches and "
        "transfers, maintaining the share register and distributing investor statements.",
        "<b>Reporting</b>: NAV publication, management information and data feeds to customers, investment managers and pricing services.",
    ])
    v["systems_html"] = p(
        "Aldergrove uses a commercially licensed fund accounting platform and transfer agency platform, both hosted by Aldergrove in "
        "Microsoft Azure (UK South with recovery in UK West), together with an in-house reconciliation engine, an investor portal, a "
        "payments system connected to its banks by SWIFT, and a service management tool for access, change and incident records.") + table(
        ["Application", "Purpose"], [["Fund accounting platform", "Books and records, valuation, NAV"],
                                     ["Transfer agency platform", "Share register, dealing, investor records"],
                                     ["Reconciliation engine", "Position, cash and share reconciliations"],
                                     ["Investor portal", "Statements, contract notes, NAV reports"],
                                     ["Payments system", "Redemption and distribution payments"]], cls="info", widths=["35%", "65%"])
    v["subservice_html"] = p(
        "Microsoft Corporation provides infrastructure and platform services through Azure. The carve-out method is used. Aldergrove "
        "expects Microsoft Corporation to maintain controls over physical access to its data centres, the environmental safeguards of "
        "those data centres, the resilience of the underlying platform and the logical separation of customer environments. Aldergrove "
        "obtains and reviews Microsoft's SOC 1 and SOC 2 reports each year and documents its assessment.")
    v["cuec_intro"] = ("Aldergrove's controls were designed on the assumption that customers operate the controls listed below, grouped "
                       "by control objective.")
    v["sec4_title"] = "Control Objectives, Controls, Tests and Results"
    v["sec4_intro"] = p(
        "Thorncastle Audit &amp; Assurance LLP performed the tests described below over the period 1 April 2025 to 31 March 2026. Tests "
        "included enquiry of appropriate personnel, observation, inspection of documents and records, and reperformance. Enquiry was "
        "combined with other procedures in every case. Sample sizes reflect the frequency of each control.",
        "No deviations were found in the tests of controls described in this section.")
    v["toc"].append(["5", "Other Information Provided by Aldergrove", "5 Other Information Provided by Aldergrove"])
    v["sec5_title"] = "Other Information Provided by Aldergrove"
    glossary = [
        ["AML", "Anti-money-laundering checks performed on investors before they may deal."],
        ["Contract note", "Confirmation sent to an investor after a subscription, redemption or switch, showing price and number of shares."],
        ["Cut-off", "The latest time by which a dealing instruction must be received to be dealt at the next valuation point."],
        ["Dealing day", "A day on which the fund accepts subscriptions and redemptions, as set out in the prospectus."],
        ["Distribution", "Payment of income to investors, or reinvestment in additional shares, at a rate per share."],
        ["Elective corporate action", "An event in which the holder chooses between options, such as a rights issue or scrip dividend."],
        ["Manager", "The management company or investment manager appointed by the fund, which instructs Aldergrove."],
        ["NAV", "Net asset value of a fund or share class, calculated at each valuation point."],
        ["Pricing hierarchy", "The ordered list of price sources to be used for each type of asset under the valuation policy."],
        ["Record date", "The date on which the register is closed to determine entitlement to a distribution."],
        ["Register", "The record of investors and their holdings maintained by the transfer agency."],
        ["Share class", "A category of shares in a fund with its own fees, currency or distribution policy."],
        ["Switch", "An instruction to redeem from one fund or class and subscribe into another in a single transaction."],
        ["Tolerance", "A threshold used to identify unusual price or NAV movements for investigation."],
        ["Valuation committee", "The committee of the fund's board responsible for prices that cannot be obtained from external sources."],
        ["Valuation point", "The time at which assets are valued to calculate the NAV."],
    ]
    assertions = [["Control Objective %d" % n, a] for n, a in [
        (1, "Existence, rights and obligations, accuracy of investor records"), (2, "Occurrence, completeness, accuracy of capital activity"),
        (3, "Existence, completeness of investments and cash"), (4, "Valuation of investments"),
        (5, "Occurrence, completeness, accuracy and cut-off of income and expenses"), (6, "Valuation and presentation of net assets"),
        (7, "Supports all assertions through restricted access"), (8, "Supports all assertions through reliable processing"),
        (9, "Supports all assertions through continuity of processing"), (10, "Accuracy and occurrence of distributions"),
        (11, "Presentation and disclosure")]]
    v["sec5"] = p("The information in this section is provided by Aldergrove for the convenience of readers. It does not form part of "
                  "the description in Section 3 and has not been subject to the procedures performed by Thorncastle Audit &amp; "
                  "Assurance LLP, which accordingly expresses no opinion on it.") + "<h4>5.1 Relationship of control objectives to financial statement assertions</h4>" + p(
        "Customers' auditors often ask how the control objectives relate to the assertions they test in a fund's financial statements. The "
        "table below gives management's view.") + table(["Control objective", "Principal assertions supported"], assertions, cls="info", widths=["28%", "72%"]) + \
        "<h4>5.2 Regulatory developments</h4>" + p(
        "During the period Aldergrove prepared for the operational resilience requirements applying to UK firms from March 2025 by mapping "
        "its important business services, setting impact tolerances and testing severe but plausible scenarios. It also updated its "
        "transfer agency procedures for the shortening of the US securities settlement cycle to one business day, which took effect in "
        "May 2024, so that redemption payments for US funds continue to be made on the settlement date.",
        "Aldergrove expects to bring forward the replacement of its payments system during 2026. Customers will be informed of the "
        "timetable and the testing arrangements.") + "<h4>5.3 Glossary</h4>" + table(["Term", "Meaning"], glossary, cls="info", widths=["26%", "74%"])
    return v


def main():
    out = os.path.join(CORPUS, "soc1")
    for name, fn, date in (("marrowgate-soc1-type2-2025.pdf", marrowgate, "20260227"),
                           ("aldergrove-isae3402-soc1-type2-2026.pdf", aldergrove, "20260522")):
        v = fn()
        render_with_toc(lambda pg: build(v, pg), os.path.join(out, name), [m for _, _, m in v["toc"]], date=date)


if __name__ == "__main__":
    main()
