"""Bridge (gap) letters issued by management."""
import os
from lib import p, ul, doc, render, BASE_CSS, CORPUS


def kestrel():
    css = BASE_CSS + """
@page { size: Letter; margin: 0.7in 1in 0.8in 1in; }
body { font-family: 'Liberation Sans', sans-serif; font-size: 10.5pt; line-height: 1.5; color: #222 }
.lh { display: flex; justify-content: space-between; align-items: flex-end; border-bottom: 3px solid #b5651d; padding-bottom: 8px; margin-bottom: 28px }
.lh .name { font-size: 20pt; font-weight: bold; color: #b5651d; letter-spacing: 0.5px }
.lh .name small { display: block; font-size: 9pt; color: #555; font-weight: normal; letter-spacing: 0 }
.lh .addr { font-size: 8.5pt; text-align: right; color: #555; line-height: 1.35 }
.foot { position: fixed; bottom: 0; left: 0; right: 0; font-size: 7.5pt; color: #888; text-align: center; border-top: 1px solid #ddd; padding-top: 4px }
.sig { font-family: 'Z003', cursive; font-size: 20pt; color: #1c2f6b; margin: 10px 0 0 0 }
"""
    body = """<div class="lh"><div class="name">&#9650; Kestrel Forge Software, Inc.<small>Build and release infrastructure for engineering teams</small></div>
<div class="addr">1180 Larkspur Avenue, Suite 400<br>Boulder, Colorado 80302<br>security@kestrelforge.example</div></div>
<p>December 8, 2025</p>
<p>To: Customers and prospective customers of Kestrel Forge Software, Inc.</p>
<p><b>Re: Bridge letter &mdash; SOC 2 Type II report on the Kestrel Forge Build Cloud</b></p>""" + p(
        "Kestrel Forge Software, Inc. (&ldquo;Kestrel Forge&rdquo;) engaged Quarry &amp; Lune LLP to examine the Kestrel Forge Build Cloud "
        "system. Their SOC 2 Type II report, relevant to Security and Availability, covers the period October 1, 2024 through "
        "September 30, 2025 and was issued on November 14, 2025 (the &ldquo;Report&rdquo;).",
        "Because the Report covers a period that ended on September 30, 2025, we provide this letter to cover the period from October 1, "
        "2025 through November 30, 2025 (the &ldquo;bridge period&rdquo;). Our next SOC 2 Type II examination will cover October 1, "
        "2025 through September 30, 2026, and we expect that report to be available in November 2026.",
        "Management confirms, to the best of its knowledge, that during the bridge period:") + ul([
        "there have been no material changes to the Kestrel Forge Build Cloud system or to the internal controls described in the Report;",
        "we are not aware of any security or availability incident that prevented us from meeting our service commitments to customers;",
        "we are not aware of any deficiency in the design or operation of the controls described in the Report that would have resulted in "
        "an exception had it occurred during the period covered by the Report.",
    ]) + p(
        "This letter is provided by management of Kestrel Forge for the information of our customers and their auditors. It is not an "
        "audit or attestation report, it has not been examined by Quarry &amp; Lune LLP or any other independent party, and it should be "
        "read together with the Report.") + """
<p style="margin-top:22px">Sincerely,</p><div class="sig">R. Oyelowo-Strand</div>
<p>Rafael Oyelowo-Strand<br>Chief Information Security Officer<br>Kestrel Forge Software, Inc.</p>
<div class="foot">Kestrel Forge Software, Inc. &middot; Confidential &middot; Provided under NDA to customers and prospects</div>"""
    return doc(css, body, "Bridge letter")


def halcyon():
    css = BASE_CSS + """
@page { size: A4; margin: 18mm 24mm 22mm 24mm; @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt 'DejaVu Serif'; color: #666 } }
body { font-family: 'DejaVu Serif', serif; font-size: 10pt; line-height: 1.55; color: #111; text-align: justify }
.lh { text-align: center; margin-bottom: 18px }
.lh .name { font-family: 'URW Bookman', 'DejaVu Serif', serif; font-size: 19pt; letter-spacing: 2px; color: #123c5a }
.lh .rule { border-top: 1px solid #123c5a; border-bottom: 1px solid #123c5a; height: 2px; margin: 6px 0 }
.lh .addr { font-size: 8pt; color: #444 }
h3 { font-size: 10.5pt; margin: 14px 0 4px 0 }
table.ch { border-collapse: collapse; font-size: 9pt; margin: 6px 0 } table.ch th, table.ch td { border: 0.6pt solid #666; padding: 3px 5px; text-align: left; vertical-align: top }
"""
    body = """<div class="lh"><div class="name">HALCYON MERIDIAN DATA, INC.</div><div class="rule"></div>
<div class="addr">77 Harbor Exchange Plaza, Floor 12 &middot; Jersey City, New Jersey 07310 &middot; www.halcyonmeridian.example</div></div>
<p style="text-align:right">May 6, 2026</p>
<p>To Our Valued Clients and Their Auditors</p>
<p><b>Subject: Management Bridge Letter for the period October 1, 2025 through April 30, 2026</b></p>""" + p(
        "Halcyon Meridian Data, Inc. (&ldquo;Halcyon Meridian&rdquo;) provides this letter to help our clients bridge the gap between "
        "the end of the period covered by our most recent SOC 2 Type II report and the date of this letter.") + "<h3>1. Report being bridged</h3>" + p(
        "Our most recent report is the <i>System and Organization Controls (SOC) 2 Type II Report on Halcyon Meridian Data, Inc.'s "
        "Reference Data Hub Relevant to Security, Availability and Confidentiality</i>, covering the period October 1, 2024 to September 30, "
        "2025, issued by Vantongeren Sato LLP on December 12, 2025. That report contained an unqualified opinion.") + "<h3>2. Period covered by this letter</h3>" + p(
        "This letter covers the period from October 1, 2025 through April 30, 2026. Our auditors are scheduled to begin fieldwork for the "
        "next examination, covering October 1, 2025 to September 30, 2026, in October 2026; the resulting report is expected in "
        "December 2026.") + "<h3>3. Management's representations</h3>" + p(
        "To the best of our knowledge and belief, during the period from October 1, 2025 through April 30, 2026:") + ul([
        "there have been no material changes to the Reference Data Hub system, its boundaries, or the controls described in the report, "
        "other than the changes listed in section 4, none of which management considers to affect the achievement of our service "
        "commitments;",
        "no incidents have occurred that compromised the security, availability or confidentiality of client data, and no incidents have "
        "required notification to clients or regulators;",
        "management is not aware of any control failures that would have resulted in exceptions had they occurred during the period "
        "covered by the report; and",
        "our subservice organization, Amazon Web Services, Inc., has continued to provide hosting services, and we have received and "
        "reviewed its most recent assurance report without identifying matters affecting our controls.",
    ]) + "<h3>4. Changes during the bridge period</h3>" + """<table class="ch"><thead><tr><th style="width:22%">Date</th><th>Change</th></tr></thead><tbody>
<tr><td>November 2025</td><td>Appointment of a new Chief Information Security Officer; security reporting lines unchanged.</td></tr>
<tr><td>January 2026</td><td>Migration of the ticketing and change management tool to a new version of the same product; workflows and approvals were carried over unchanged.</td></tr>
<tr><td>March 2026</td><td>Addition of a read replica database in a second availability zone to improve resilience of the client query interface.</td></tr>
</tbody></table>""" + "<h3>5. Limitations</h3>" + p(
        "This letter is issued by Halcyon Meridian management and is not an attestation. Vantongeren Sato LLP has not examined or "
        "otherwise performed procedures on the representations in this letter and expresses no opinion on them. Clients should consider "
        "the letter together with the report referred to above and their own assessment of Halcyon Meridian's services. Please direct "
        "questions to your relationship manager or to compliance@halcyonmeridian.example.") + """
<p style="margin-top:20px">Yours faithfully,</p>
<p style="margin-top:30px; font-style:italic; font-size:13pt; color:#123c5a">Constance Ebueku-Hart</p>
<p>Constance Ebueku-Hart<br>Chief Financial Officer<br>Halcyon Meridian Data, Inc.</p>"""
    return doc(css, body, "Bridge letter")


def main():
    out = os.path.join(CORPUS, "bridge")
    render(kestrel(), os.path.join(out, "kestrel-forge-bridge-letter.pdf"), "20251208")
    render(halcyon(), os.path.join(out, "halcyon-meridian-bridge-letter.pdf"), "20260506")


if __name__ == "__main__":
    main()
