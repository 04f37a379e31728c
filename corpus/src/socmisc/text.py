"""Plain-text documents: a SOC 3 exported to text (UTF-8, form feeds between pages) and a
bridge letter saved as UTF-16 (little-endian, with BOM, CRLF line endings)."""
import os
import subprocess
import tempfile
from lib import p, ul, render, BASE_CSS, CORPUS
import soc3


def vantrell():
    co = "Vantrell Identity Services, Inc."
    sys_ = "Vantrell Single Sign-On Service"
    css = BASE_CSS + """
@page { size: Letter; margin: 0.9in 1in;
  @top-left { content: "Vantrell Identity Services, Inc. - SOC 3 Report"; font: 8pt 'Liberation Sans' }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font: 8pt 'Liberation Sans' } }
body { font-family: 'Liberation Sans', sans-serif; font-size: 10pt; line-height: 1.45 }
h1.sec { font-size: 14pt; margin: 0 0 10px 0 } h3 { font-size: 11pt } h4 { font-size: 10pt; margin: 10px 0 2px 0 }
.cover { padding-top: 2in; text-align: center } .cover h1 { font-size: 22pt }
table.info { font-size: 9pt } table.info th, table.info td { text-align: left; padding: 2px 6px; vertical-align: top }
"""
    v = dict(co=co, sys=sys_, cats=["security", "availability", "confidentiality"], period_text="January 1, 2025 to December 31, 2025",
             css=css, labels=["Section 1", "Section 2", "Section 3", "Section 4"], attach_a="Section 3", attach_b="Section 4",
             assertion_title="Assertion of Vantrell Identity Services, Inc. Management", security_exec="Chief Security Officer")
    v["h"] = lambda n, t: '<h1 class="sec">%s: %s</h1>' % (n, t)
    v["cover"] = """<div class="cover"><h1>Vantrell Identity Services, Inc.</h1><p>SOC 3 Report</p>
<p>Vantrell Single Sign-On Service<br>Relevant to Security, Availability and Confidentiality</p>
<p>For the period January 1, 2025 to December 31, 2025</p><p style="margin-top:1.5in">Marchbanks Ilunga LLP</p></div>"""
    v["subservice_para"] = (
        "Vantrell Identity Services, Inc. uses Microsoft Corporation (Microsoft Azure) as a subservice organization for cloud hosting. "
        "The description of the boundaries of the system presents the types of complementary subservice organization controls assumed in "
        "the design of Vantrell's controls. Our examination did not extend to the controls of Microsoft Corporation, which are carved out.")
    v["auditor_sig"] = "<p>/s/ Marchbanks Ilunga LLP<br>Chicago, Illinois<br>March 6, 2026</p>"
    v["assert_conclusion"] = ("We assert that the controls within the system were effective throughout the period January 1, 2025 to "
                              "December 31, 2025, to provide reasonable assurance that Vantrell's service commitments and system "
                              "requirements were achieved based on the applicable trust services criteria.")
    v["mgmt_sig"] = "<p>Vantrell Identity Services, Inc.<br>Oskar Heikkinen-Baptiste, Chief Security Officer<br>March 6, 2026</p>"
    v["desc"] = [
        ("Company and Service", p(
            "Vantrell Identity Services, Inc. (\u201cVantrell\u201d) is based in Evanston, Illinois and provides single sign-on, "
            "multi-factor authentication and user lifecycle automation to mid-sized companies. The Vantrell Single Sign-On Service lets a "
            "customer's employees sign in once and reach the customer's business applications through SAML and OpenID Connect federation.",
            "The on-premises directory connector, which customers install and run themselves, and Vantrell's consulting services are "
            "outside the boundaries of the system.")),
        ("Infrastructure and Software", p(
            "The service runs on Microsoft Azure in the Central US and East US 2 regions in an active-active configuration. Vantrell's "
            "software is developed in C# and TypeScript and deployed through a reviewed pipeline. Signing keys for federation tokens are "
            "held in a managed hardware security module service.")),
        ("People, Data and Procedures", p(
            "Around 70 employees support the service. The system stores customer directory attributes, hashed credentials where customers "
            "do not federate to their own directory, MFA enrolment data and authentication logs, all of which are treated as confidential. "
            "Procedures cover access, change, incident response, backup and key management.")),
        ("Complementary Subservice Organization Controls", p(
            "Vantrell expects Microsoft Corporation to maintain physical and environmental safeguards for its data centres and to operate "
            "the managed hardware security module service so that keys cannot be exported.")),
    ]
    v["commitments_html"] = ul([
        "99.99% monthly availability of the sign-in service;",
        "encryption of customer data in transit and at rest;",
        "access to customer data only by authorised personnel under a logged support process;",
        "notification of security incidents affecting customer data within forty-eight hours of confirmation.",
    ])
    return v


BRIDGE = """Oriel Lacombe Paiements Inc.
1450, rue Saint-Urbain, bureau 900
Montréal (Québec) H2X 2M4

April 10, 2026

To our customers and their auditors

Re: Bridge letter for the Oriel Lacombe Payment Gateway

Our most recent SOC 2 Type II report, "Report on Oriel Lacombe Paiements Inc.'s Description of its Payment Gateway System and on the Suitability of the Design and Operating Effectiveness of its Controls Relevant to Security and Availability", covers the period October 1, 2024 to September 30, 2025. It was issued by Beaulieu Thackeray s.e.n.c.r.l. on November 21, 2025.

This letter covers the period from October 1, 2025 through March 31, 2026, the time between the end of the period of that report and the end of the most recent calendar quarter.

To the best of our knowledge, during this period:

  - there were no material changes to the Payment Gateway system or to the controls described in the report;
  - no security or availability incidents occurred that affected our ability to meet our commitments to customers;
  - we identified no control deficiencies that would have been reported as exceptions in the report.

The next SOC 2 Type II report will cover October 1, 2025 to September 30, 2026 and is expected in November 2026.

This letter is a representation of management. It has not been audited or reviewed by Beaulieu Thackeray s.e.n.c.r.l. or by any other independent accountant.

Sincerely,

Amélie Desrosiers-Núñez
Chief Information Security Officer
Oriel Lacombe Paiements Inc.
"""


def main():
    out = os.path.join(CORPUS, "text")
    os.makedirs(out, exist_ok=True)
    with tempfile.TemporaryDirectory() as td:
        pdf = os.path.join(td, "v.pdf")
        render(soc3.build(vantrell()), pdf, "20260306")
        txt = subprocess.run(["pdftotext", "-layout", "-enc", "UTF-8", pdf, "-"], check=True, capture_output=True).stdout
    with open(os.path.join(out, "vantrell-soc3-2025.txt"), "wb") as f:
        f.write(txt)
    print("built text/vantrell-soc3-2025.txt")
    with open(os.path.join(out, "oriel-lacombe-bridge-letter-utf16.txt"), "wb") as f:
        f.write("\ufeff".encode("utf-16-le") + BRIDGE.replace("\n", "\r\n").encode("utf-16-le"))
    print("built text/oriel-lacombe-bridge-letter-utf16.txt")


if __name__ == "__main__":
    main()
