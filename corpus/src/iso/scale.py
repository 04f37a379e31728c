"""A 1,000-page SOC 2 Type II style report (invented) for the scale test: a few narrative pages, then a
giant per-system control-testing table.  Pages are laid out by this script (one <div> per sheet), so the
page count is exact.

Usage: scale.py OUT.html [PAGES]   (default 1000; bench/ keeps a 150-page one for the speed target)
"""
import html
import sys

E = html.escape
PAGES = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
ORG = "Ashgrove Fulfilment Systems, Inc."
FIRM = "Penrose & Vail LLP"

CSS = """
@page { size: Letter; margin: 0; }
body { margin: 0; font-family: 'Liberation Sans', sans-serif; font-size: 8.5pt; color: #222; }
.page { width: 215.9mm; height: 279.4mm; box-sizing: border-box; padding: 16mm 16mm 14mm; position: relative;
        overflow: hidden; break-after: page; page-break-after: always; }
.page:last-child { break-after: auto; page-break-after: auto; }
.hdr { position: absolute; top: 7mm; left: 16mm; right: 16mm; font-size: 7pt; color: #666;
       display: flex; justify-content: space-between; border-bottom: 0.5px solid #aaa; padding-bottom: 1mm; }
.ftr { position: absolute; bottom: 6mm; left: 16mm; right: 16mm; font-size: 7pt; color: #666;
       display: flex; justify-content: space-between; }
h1 { font-size: 22pt; margin: 60mm 0 6mm; }
h2 { font-size: 13pt; margin: 4mm 0 3mm; }
p { line-height: 1.45; margin: 0 0 2.5mm; text-align: justify; }
table { width: 100%; border-collapse: collapse; margin-top: 2mm; }
th { background: #2f4858; color: #fff; text-align: left; padding: 1.4mm; font-size: 7.5pt; }
td { border-bottom: 0.5px solid #bbb; padding: 1.3mm; vertical-align: top; font-size: 7.5pt; }
li { margin-bottom: 1.5mm; }
"""

SYSTEMS = ["order management", "warehouse control", "carrier gateway", "returns portal", "billing engine",
           "customer API", "identity service", "reporting warehouse", "label printing", "inventory sync"]
CONTROLS = [
    ("CC6.1", "Access to the {s} production environment requires multi-factor authentication through the corporate "
              "identity provider.", "Inspected the authentication configuration and observed a login attempt."),
    ("CC6.2", "New access to the {s} is approved by the system owner before it is provisioned.",
     "Inspected a sample of access requests for evidence of owner approval before provisioning."),
    ("CC6.3", "Access to the {s} is removed within one business day of a termination.",
     "Compared a sample of terminations with the date the account was disabled."),
    ("CC7.2", "Security events from the {s} are forwarded to the central monitoring platform and alerts are triaged.",
     "Inspected the log forwarding configuration and a sample of triaged alerts."),
    ("CC8.1", "Changes to the {s} are peer reviewed and tested before deployment to production.",
     "Inspected a sample of changes for evidence of review, testing and approval."),
    ("A1.2", "Backups of the {s} are taken daily and restoration is tested quarterly.",
     "Inspected backup job history and the quarterly restoration test records."),
]


def page(n, body, section):
    return (f'<div class="page"><div class="hdr"><span>{E(ORG)} — SOC 2 Type II Report</span>'
            f'<span>{E(section)}</span></div>{body}<div class="ftr"><span>Confidential — for the use of '
            f'{E(ORG)} and its user entities only</span><span>Page {n} of {PAGES}</span></div></div>')


def narrative():
    pages = []
    pages.append(f"<h1>{E(ORG)}</h1><h2>Report on a Service Organization's Description of Its Fulfilment Platform "
                 "and on the Suitability of the Design and Operating Effectiveness of Its Controls Relevant to "
                 "Security and Availability</h2><p>Throughout the period July 1, 2025 to June 30, 2026</p>"
                 f"<p>SOC 2® Type II Report</p><p>Prepared by {E(FIRM)}</p>")
    pages.append(
        "<h2>Section 1 — Independent Service Auditor's Report</h2>"
        f"<p>To the Board of Directors of {E(ORG)}:</p>"
        "<p><b>Scope.</b> We have examined the accompanying description of the Ashgrove Fulfilment Platform "
        "throughout the period July 1, 2025 to June 30, 2026 and the suitability of the design and operating "
        "effectiveness of controls stated in the description to provide reasonable assurance that the service "
        "commitments and system requirements were achieved based on the trust services criteria relevant to "
        "security and availability.</p>"
        "<p>Ashgrove uses Microsoft Corporation (Azure) to host its production infrastructure. The description "
        "includes only the controls of Ashgrove and excludes the controls of Microsoft Corporation; that is, the "
        "carve-out method has been applied.</p>"
        "<p><b>Opinion.</b> In our opinion, in all material respects, the description presents the platform as "
        "designed and implemented throughout the period, the controls were suitably designed, and the controls "
        "operated effectively throughout the period July 1, 2025 to June 30, 2026.</p>"
        f"<p>{E(FIRM)}<br>Hartford, Connecticut<br>August 21, 2026</p>")
    pages.append(
        "<h2>Section 2 — Management's Assertion</h2>"
        f"<p>We have prepared the description of the Ashgrove Fulfilment Platform for user entities of {E(ORG)} "
        "and their auditors. We confirm that the description presents the system fairly and that the controls "
        "stated in it were suitably designed and operated effectively throughout the period July 1, 2025 to "
        "June 30, 2026.</p><p>Ashgrove Fulfilment Systems, Inc. management<br>August 21, 2026</p>")
    cuecs = ["User entities are responsible for approving and removing access for their own staff.",
             "User entities are responsible for protecting the API credentials issued to them.",
             "User entities are responsible for reviewing the shipment exception reports delivered daily.",
             "User entities are responsible for notifying Ashgrove of changes to authorised contacts.",
             "User entities are responsible for the accuracy of the order data they submit.",
             "User entities are responsible for configuring single sign-on for their own identity provider."]
    pages.append(
        "<h2>Section 3 — Description of the System</h2>"
        "<p>Ashgrove receives orders from retailers, allocates stock across its warehouses in Memphis, Tennessee and "
        "Reno, Nevada, buys postage from carriers and returns tracking events to the retailer. The platform consists "
        "of ten production systems; each is tested separately in Section 4.</p>"
        "<h2>Complementary User Entity Controls</h2><ol>" + "".join(f"<li>{E(c)}</li>" for c in cuecs) + "</ol>"
        "<h2>Subservice Organizations</h2><p>Microsoft Corporation (Azure) provides infrastructure hosting. "
        "Its controls are excluded from this report (carve-out method).</p>")
    return pages


def table_pages(start, count):
    pages = []
    rows_per_page = 16
    k = 0
    for i in range(count):
        rows = ""
        for _ in range(rows_per_page):
            sysname = SYSTEMS[k % len(SYSTEMS)]
            crit, ctl, test = CONTROLS[(k // len(SYSTEMS)) % len(CONTROLS)]
            inst = k // (len(SYSTEMS) * len(CONTROLS)) + 1
            cid = f"{crit}-{k % len(SYSTEMS) + 1:02d}-{inst:03d}"
            rows += (f"<tr><td>{cid}</td><td>{crit}</td><td>{E(ctl.format(s=sysname))} Instance {inst} of the "
                     f"{E(sysname)} control set.</td><td>{E(test)}</td><td>No exceptions noted.</td></tr>")
            k += 1
        pages.append("<h2>Section 4 — Tests of Controls (continued)</h2>" if i else
                     "<h2>Section 4 — Trust Services Criteria, Controls, Tests and Results</h2>")
        pages[-1] += ("<table><thead><tr><th style='width:13%'>Control ID</th><th style='width:7%'>Criteria</th>"
                      "<th style='width:35%'>Control activity</th><th style='width:30%'>Test performed</th>"
                      f"<th>Result</th></tr></thead><tbody>{rows}</tbody></table>")
    return pages


def main():
    pages = narrative()
    pages += table_pages(len(pages) + 1, PAGES - len(pages) - 1)
    pages.append("<h2>Section 5 — Other Information Provided by Management</h2><p>Management has no further "
                 "information to present. This page ends the report.</p>")
    assert len(pages) == PAGES
    sections = ["Cover", "Section 1", "Section 2", "Section 3"] + ["Section 4"] * (PAGES - 5) + ["Section 5"]
    body = "".join(page(i + 1, p, sections[i]) for i, p in enumerate(pages))
    with open(sys.argv[1], "w", encoding="utf-8") as f:
        f.write(f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{E(ORG)} SOC 2 Type II</title>'
                f"<style>{CSS}</style></head><body>{body}</body></html>")


if __name__ == "__main__":
    main()
