"""Invented ISO certificates.  Every organisation, certification body, person, address, number and
sentence here is made up for the Assay corpus; only standard names and accreditation bodies are real facts.

Usage: certs.py OUTDIR_HTML  -> writes NAME.html (one per certificate) into OUTDIR_HTML
"""
import os
import sys

from themes import THEMES

EN_INTRO = "This is to certify that"
EN_CONFORM = "has been assessed and found to conform to the requirements of"

CERTS = [
    # 1 ---------------------------------------------------------------- UK, UKAS, dd/mm/yyyy
    dict(
        name="harrowgate-iso27001-2022", theme="classic", colour="#1b3a6b",
        html_title="Certificate PCS-ISMS-21877",
        cb_head="PENNANT CERTIFICATION SERVICES", title="CERTIFICATE", subtitle="of Registration",
        intro=EN_INTRO, org="Harrowgate Payroll Services Limited",
        address=["Unit 4, Calder Court, Wakefield Road", "Leeds LS10 1RT, United Kingdom"],
        conform=EN_CONFORM,
        standards=[("ISO/IEC 27001:2022", "Information security, cybersecurity and privacy protection — "
                                         "Information security management systems — Requirements")],
        scope_label="Scope of certification",
        scope=("The information security management system supporting the design, development, hosting and "
               "operation of the Harrowgate cloud payroll and HR platform, including customer onboarding, payroll "
               "processing, pension auto-enrolment submissions and the associated customer support service desk."),
        soa_line="In accordance with the Statement of Applicability version 3.1 dated 2025-01-15.",
        details=[("Certificate number:", "PCS-ISMS-21877"), ("Original certification date:", "23/04/2019"),
                 ("Date of issue:", "06/06/2025"), ("Expiry date:", "05/06/2028")],
        signature=("Eleanor Brightwell", "Head of Certification", "E. Brightwell"),
        mark=["UKAS", "MANAGEMENT", "SYSTEMS", "8126"],
        cb_name="Pennant Certification Services Ltd",
        cb_addr=["2 Mill Lane", "Milton Keynes MK9 2AB", "United Kingdom"],
        cb_extra=("This certificate remains the property of Pennant Certification Services Ltd and must be returned "
                  "on request. Its validity can be confirmed at verify.pennant-cert.example."),
    ),
    # 2 ---------------------------------------------------------------- US multi-site, ANAB, "June 5, 2028"
    dict(
        name="corvane-iso27001-2022-multisite", theme="band", size="Letter", colour="#0d5c63", ncol=4,
        html_title="Certificate MRG-27K-004512",
        envelope="Docusign Envelope ID: 7C1E94B2-5A3D-4F0E-9B61-2D8A0C7E4F13",
        cb_head="Meridian Registrar Group", title="CERTIFICATE", subtitle="Management System Certification",
        intro=EN_INTRO, org="Corvane Logistics Technologies, Inc.",
        address=["1800 Harbor Point Drive, Suite 400", "Baltimore, MD 21230, USA"],
        conform="operates an information security management system which has been assessed and found to conform "
                "to the requirements of",
        standards=[("ISO/IEC 27001:2022", "")],
        scope_label="Scope",
        scope=("The information security management system for the development, operation and support of the "
               "Corvane TMS freight visibility and transport management software-as-a-service platform, including "
               "data centre operations management, software engineering, customer support and corporate IT "
               "functions, performed at the sites listed in the annex to this certificate."),
        soa_line="Statement of Applicability: revision 7, dated 2025-03-02",
        details=[("Certificate number", "MRG-27K-004512"), ("Original certification date", "June 6, 2019"),
                 ("Issue date", "June 6, 2025"), ("Expiry date", "June 5, 2028")],
        signature=("Marcus D. Ellery", "President, Meridian Registrar Group", "Marcus Ellery"),
        mark=["ANAB", "ACCREDITED", "MANAGEMENT SYSTEMS", "CERTIFICATION BODY"],
        cb_name="Meridian Registrar Group, LLC",
        cb_addr=["455 Commerce Parkway, Suite 210", "Columbus, OH 43215", "USA"],
        annex=dict(
            title="Annex to Certificate No. MRG-27K-004512",
            intro="The certificate covers the following sites of Corvane Logistics Technologies, Inc.",
            headers=["Site", "Address", "Activities"],
            rows=[
                ["Headquarters", "1800 Harbor Point Drive, Suite 400\nBaltimore, MD 21230, USA",
                 "ISMS management, executive leadership, corporate IT, legal and compliance"],
                ["Corvane Engineering Center", "220 West Kinzie Street, Floor 6\nChicago, IL 60654, USA",
                 "Software design, development, testing and release management"],
                ["Corvane Data Operations", "9100 Innovation Way\nAshburn, VA 20147, USA",
                 "Network operations centre, infrastructure and cloud operations, security monitoring"],
                ["Corvane Support Hub", "Tower 2, Cebu IT Park\nCebu City 6000, Philippines",
                 "Tier 1 and tier 2 customer support, service desk"],
                ["Corvane Europe B.V.", "Stationsplein 45\n3013 AK Rotterdam, Netherlands",
                 "Customer onboarding, account management and European customer support"],
            ],
            note="This annex is valid only in conjunction with the certificate bearing the same number.",
        ),
    ),
    # 3 ---------------------------------------------------------------- Australia, 27001:2013, "5th June 2028"
    dict(
        name="tallowood-iso27001-2013", theme="guilloche", colour="#6b4e16",
        html_title="Certificate SCAR-IS-7713",
        cb_head="Southern Cross Assurance Registrars", title="CERTIFICATE", subtitle="of Conformity",
        intro="This certifies that the management system of", org="Tallowood Health Informatics Pty Ltd",
        address=["Level 9, 31 Kingfisher Parade", "Brisbane QLD 4000, Australia"],
        conform=EN_CONFORM,
        standards=[("ISO/IEC 27001:2013", "Information technology — Security techniques — "
                                         "Information security management systems — Requirements")],
        scope_label="Scope of Registration",
        scope=("Information security management system covering the provision of clinical records integration "
               "services, secure messaging between healthcare providers, and the hosting, maintenance and support "
               "of the Tallowood Connect platform, in accordance with the Statement of Applicability version 2.4 "
               "dated 12 February 2024."),
        details=[("Certificate No.", "SCAR-IS-7713"), ("Initial certification", "21st March 2018"),
                 ("Date of issue", "3rd April 2024"), ("Expiry date", "20th March 2027")],
        signature=("Rohan Kettering", "Certification Manager", "R Kettering"),
        mark=["JAS-ANZ", "ACCREDITED", "MANAGEMENT SYSTEMS", "CERTIFICATION"],
        cb_name="Southern Cross Assurance Registrars Pty Ltd",
        cb_addr=["PO Box 1187", "North Sydney NSW 2059", "Australia"],
        cb_extra="Certification is subject to satisfactory surveillance audits. Verify at register.scar.example.",
    ),
    # 4 ---------------------------------------------------------------- Ireland, 27017, ISO dates, surveillance due
    dict(
        name="brightwater-iso27017-2015", theme="sidebar", colour="#1f5f8b",
        html_title="Certificate ACA-CS-30961",
        cb_head="Atlantic Conformity Assessment", cb_head2="Management systems certification",
        title="CERTIFICATE", subtitle="Cloud security controls",
        intro=EN_INTRO, org="Brightwater Cloud Services Limited",
        address=["Block C, Fitzwilliam Business Park", "Dublin 4, D04 X2K7, Ireland"],
        conform="has been audited and found to conform to the requirements of",
        standards=[("ISO/IEC 27017:2015", "Code of practice for information security controls based on "
                                         "ISO/IEC 27002 for cloud services")],
        scope_label="Scope",
        scope=("Information security controls for cloud services applied to the provision of Brightwater managed "
               "Kubernetes, object storage and backup-as-a-service offerings in the role of cloud service provider, "
               "operated from data centre facilities in Dublin, Ireland."),
        soa_line="Statement of Applicability v5.0 (2025-05-14)",
        details=[("Certificate number", "ACA-CS-30961"), ("Original certification", "2022-09-19"),
                 ("Issue date", "2025-09-19"), ("Expiry date", "2028-09-18"),
                 ("Next surveillance audit due", "2026-12-15")],
        signature=("Siobhán Delaney", "Director of Certification", "S. Delaney"),
        mark=["INAB", "CERTIFICATION BODY", "ACCREDITATION", "DETAIL No. 77MS"],
        cb_name="Atlantic Conformity Assessment Limited",
        cb_addr=["Unit 12, Eastgate Business Park", "Little Island, Cork T45 HY31", "Ireland"],
    ),
    # 5 ---------------------------------------------------------------- Spain, 27018, ENAC, no SoA
    dict(
        name="alameda-iso27018-2019", theme="corporate", colour="#8a2b1e",
        html_title="Certificate CI-PII-2025-0418",
        cb_head="CERTIVA IBERIA", head_right="Management system certification",
        title="CERTIFICATE", subtitle="Protection of PII in public clouds",
        intro="Certiva Iberia certifies that", org="Alameda Cloud Payments S.L.",
        address=["Avenida de Brasil 17, planta 3", "28020 Madrid, Spain"],
        conform="has been assessed and found to conform to the requirements of",
        standards=[("ISO/IEC 27018:2019", "Code of practice for protection of personally identifiable "
                                         "information (PII) in public clouds acting as PII processors")],
        scope_label="Scope:",
        scope=("Protection of personally identifiable information processed as a PII processor in the Alameda "
               "payment orchestration and card tokenisation platform, including merchant onboarding, transaction "
               "routing, tokenisation vault operations and second-line customer support."),
        details=[("Certificate number", "CI-PII-2025-0418"), ("Initial certification", "2025-06-06"),
                 ("Issue date", "2025-06-06"), ("Expiry date", "2028-06-05")],
        signature=("Javier Ortuño Pastor", "Director General", "J. Ortuño"),
        mark=["ENAC", "CERTIFICACIÓN", "Nº 09/C-SI062"],
        cb_name="Certiva Iberia, S.A.",
        cb_addr=["Calle Orense 34, 6ª planta", "28020 Madrid", "Spain"],
        cb_extra="The validity of this certificate depends on the annual surveillance audits.",
    ),
    # 6 ---------------------------------------------------------------- Netherlands, 27701, logo-only mark
    dict(
        name="veridia-iso27701-2019", theme="classic", colour="#2f5d3a",
        html_title="Certificate LMC-PIMS-0092",
        cb_head="LINDQVIST & MAAS CERTIFICATION", title="CERTIFICATE", subtitle="Privacy Information Management",
        intro=EN_INTRO, org="Veridia Consent Management B.V.",
        address=["Prinses Beatrixlaan 88", "2595 AL Den Haag, The Netherlands"],
        conform=EN_CONFORM,
        standards=[("ISO/IEC 27701:2019", "Extension to ISO/IEC 27001 and ISO/IEC 27002 for privacy "
                                         "information management")],
        scope_label="for the following scope",
        scope=("The privacy information management system, as PII controller and PII processor, for the "
               "development, hosting and support of the Veridia consent and preference management platform and "
               "its customer-facing consent APIs."),
        soa_line="Statement of Applicability (PIMS) version 1.2 dated 3 February 2025",
        details=[("Certificate number:", "LMC-PIMS-0092"), ("Initial certification:", "11 February 2025"),
                 ("Issue date:", "11 February 2025"), ("Valid until:", "10 February 2028")],
        signature=("Annelies van Druten", "Managing Director", "A. van Druten"),
        mark="logo",
        cb_name="Lindqvist & Maas Certification B.V.",
        cb_addr=["Catharijnesingel 54", "3511 GC Utrecht", "The Netherlands"],
    ),
    # 7 ---------------------------------------------------------------- UK, 22301, expired, "5 June 2028"
    dict(
        name="pellucid-iso22301-2019-expired", theme="corporate", colour="#3c3c6e",
        html_title="Certificate AQA-BC-11040",
        cb_head="ALDGATE QUALITY ASSURANCE", head_right="Certificate AQA-BC-11040",
        title="CERTIFICATE", subtitle="Business continuity management system",
        intro=EN_INTRO, org="Pellucid Clearing Systems plc",
        address=["30 Fenwick Street", "Liverpool L2 7NE, United Kingdom"],
        conform="has been assessed and registered as meeting the requirements of",
        standards=[("ISO 22301:2019", "Security and resilience — Business continuity management systems — "
                                     "Requirements")],
        scope_label="Scope of registration",
        scope=("Business continuity management system for the provision of payment clearing, settlement "
               "reporting and reconciliation services to financial institutions, including the supporting "
               "technology operations and the secondary operations centre."),
        details=[("Certificate number", "AQA-BC-11040"), ("Original certification", "14 March 2017"),
                 ("Date of issue", "14 March 2023"), ("Expiry date", "13 March 2026")],
        signature=("Gareth Pendlebury", "Certification Director", "G Pendlebury"),
        mark=["UKAS", "MANAGEMENT", "SYSTEMS", "0412"],
        cb_name="Aldgate Quality Assurance Limited",
        cb_addr=["118 Minories", "London EC3N 1NT", "United Kingdom"],
        cb_extra="The use of the UKAS accreditation mark indicates accreditation in respect of those activities "
                 "covered by accreditation certificate 0412.",
    ),
    # 8 ---------------------------------------------------------------- US combined 27001 + 27701, IAS, annex
    dict(
        name="sablewood-iso27001-27701-combined", theme="guilloche", size="Letter", colour="#2b3f66",
        colour2="#b9a78a", html_title="Certificate BPR-ISPIMS-2207",
        cb_head="Bastion Point Registrar", title="CERTIFICATE", subtitle="of Registration",
        intro="This certifies that", org="Sablewood Identity, Inc.",
        address=["600 Congress Avenue, Suite 1450", "Austin, TX 78701, USA"],
        conform="has implemented and maintains an integrated management system found to conform to",
        standards=[("ISO/IEC 27001:2022", "Information security management systems"),
                   ("ISO/IEC 27701:2019", "Privacy information management systems")],
        scope_label="Scope",
        scope=("The information security and privacy information management system, acting as PII processor, "
               "supporting the Sablewood single sign-on, multi-factor authentication and customer identity API "
               "services, including software development, production operations and customer support at the "
               "locations listed in the appendix."),
        soa_line="Statement of Applicability version 4.2 dated January 20, 2025",
        details=[("Certificate No.", "BPR-ISPIMS-2207"), ("Original certification", "May 2, 2022"),
                 ("Re-issue date", "May 2, 2025"), ("Valid until", "May 1, 2028")],
        signature=("Theresa Okonkwo-Reyes", "Chief Executive, Bastion Point Registrar", "T. Okonkwo-Reyes"),
        mark=["IAS", "ACCREDITED", "MANAGEMENT SYSTEMS", "CB-1147"],
        cb_name="Bastion Point Registrar, Inc.",
        cb_addr=["2100 West Loop South, Suite 900", "Houston, TX 77027", "USA"],
        cb_extra="Both standards are audited jointly; this certificate is invalid if either registration is withdrawn.",
        annex=dict(
            title="Appendix — Certified Locations",
            intro="Certificate No. BPR-ISPIMS-2207 issued to Sablewood Identity, Inc.",
            headers=["Location", "Address", "Activities"],
            rows=[
                ["Austin headquarters", "600 Congress Avenue, Suite 1450\nAustin, TX 78701, USA",
                 "Management system governance, privacy office, product management"],
                ["Raleigh engineering office", "410 Glenwood Avenue\nRaleigh, NC 27603, USA",
                 "Software development, site reliability engineering, security operations"],
                ["Toronto support centre", "77 Bloor Street West, Suite 1200\nToronto, ON M5S 1M2, Canada",
                 "Customer support and incident intake"],
            ],
        ),
    ),
    # 9 ---------------------------------------------------------------- Singapore, non-existent 27001:2023
    dict(
        name="lumenharbour-iso27001-2023", theme="band", colour="#5b2a86", colour2="#f2b134", ncol=4,
        html_title="Certificate OAC-IS-23-1187",
        cb_head="Orchid Assurance Certification", title="CERTIFICATE", subtitle="Information Security",
        intro="We hereby certify that", org="Lumen Harbour Pte. Ltd.",
        address=["71 Ayer Rajah Crescent, #05-18", "Singapore 139951"],
        conform=EN_CONFORM,
        standards=[("ISO/IEC 27001:2023", "Information security management systems — Requirements")],
        scope_label="Scope",
        scope=("Provision of managed marketing data platforms, including audience data ingestion, campaign "
               "analytics dashboards and the related hosting, software maintenance and helpdesk services."),
        soa_line="Statement of Applicability Rev. 2 dated 2025-04-28",
        details=[("Certificate No.", "OAC-IS-23-1187"), ("Initial certification", "2025-06-05"),
                 ("Issue date", "2025-06-05"), ("Expiry date", "2028-06-04")],
        signature=("Tan Wei Ling", "Certification Head", "Tan W L"),
        mark=["SAC", "SINGAPORE", "ACCREDITATION COUNCIL", "MS 2024-07"],
        cb_name="Orchid Assurance Certification Pte Ltd",
        cb_addr=["10 Anson Road, #22-02", "Singapore 079903"],
    ),
    # 10 --------------------------------------------------------------- Dubai, non-IAF accreditor, no SoA
    dict(
        name="quillmark-iso27001-2022-iarms", theme="classic", colour="#7a5a00",
        html_title="Certificate GSCB/ISMS/25/60417",
        cb_head="GLOBAL STANDARDS CERTIFICATION BUREAU", title="CERTIFICATE", subtitle="of Registration",
        intro=EN_INTRO, org="Quillmark Document Solutions LLC",
        address=["Office 1204, Bayswater Tower, Business Bay", "Dubai, United Arab Emirates"],
        conform=EN_CONFORM,
        standards=[("ISO/IEC 27001:2022", "Information Security Management System")],
        scope_label="for the following activities",
        scope=("Provision of document digitisation, secure records storage, retrieval and confidential "
               "shredding services for corporate and government customers."),
        details=[("Certificate No:", "GSCB/ISMS/25/60417"), ("Initial certification:", "18 August 2025"),
                 ("Date of issue:", "18 August 2025"), ("Valid until:", "17 August 2028")],
        pair_cols=2,
        signature=("R. Harrington", "Managing Director", "R Harrington"),
        mark=["IARMS", "ACCREDITED", "International Accreditation Registry", "for Management Systems"],
        cb_name="Global Standards Certification Bureau Ltd",
        cb_addr=["Suite 5, 27 Old Gloucester Street", "London WC1N 3AX", "United Kingdom"],
        cb_extra=("Accredited by the International Accreditation Registry for Management Systems (IARMS). "
                  "Certificate validity is subject to annual surveillance."),
    ),
    # 11 --------------------------------------------------------------- Denmark, validity 5 years, "5th June"
    dict(
        name="skagen-iso27001-2022-five-year", theme="sidebar", colour="#005a70",
        html_title="Certificate NC-27001-0355",
        cb_head="Nordisk Certificering", cb_head2="Certification of management systems",
        title="CERTIFICATE", subtitle="Information security management system",
        intro=EN_INTRO, org="Skagen Fleet Telemetry ApS",
        address=["Havnegade 14", "9000 Aalborg, Denmark"],
        conform=EN_CONFORM,
        standards=[("ISO/IEC 27001:2022", "")],
        scope_label="Scope",
        scope=("Development, operation and support of vessel telemetry collection, fleet tracking dashboards and "
               "fuel consumption analytics delivered as a hosted service to shipping operators."),
        soa_line="Statement of Applicability version 1.0 dated 9th January 2025",
        details=[("Certificate number", "NC-27001-0355"), ("Initial certification", "2nd February 2025"),
                 ("Date of issue", "2nd February 2025"), ("Expiry date", "1st February 2030")],
        signature=("Mette Kjærgaard", "Head of Certification", "M. Kjærgaard"),
        mark=["DANAK", "MANAGEMENT SYSTEMS", "CERTIFICATION", "Reg.nr. 7031"],
        cb_name="Nordisk Certificering A/S",
        cb_addr=["Vestre Havnepromenade 3", "9000 Aalborg", "Denmark"],
    ),
    # 12 --------------------------------------------------------------- German, DAkkS, dd.mm.yyyy, annex
    dict(
        name="rheinwerk-iso27001-2022-de", theme="corporate", lang="de", colour="#243a5e",
        html_title="Zertifikat EZ-ISMS-0873",
        cb_head="ELBTAL ZERTIFIZIERUNG", head_right="Zertifizierung von Managementsystemen",
        title="ZERTIFIKAT", subtitle="Informationssicherheits-Managementsystem",
        intro="Hiermit wird bescheinigt, dass", org="Rheinwerk Datenlogistik GmbH",
        address=["Speditionstraße 21", "40221 Düsseldorf, Deutschland"],
        conform="ein Managementsystem eingeführt hat und anwendet, das die Anforderungen der folgenden Norm erfüllt:",
        standards=[("ISO/IEC 27001:2022", "Informationssicherheit, Cybersicherheit und Datenschutz — "
                                         "Informationssicherheitsmanagementsysteme — Anforderungen")],
        scope_label="Geltungsbereich:",
        scope=("Entwicklung, Betrieb und Support der Rheinwerk-Plattform für Sendungsverfolgung und "
               "elektronischen Lieferscheinaustausch einschließlich Rechenzentrumsbetrieb, Kundenservice und "
               "interner IT an den in der Anlage genannten Standorten."),
        soa_line="Erklärung zur Anwendbarkeit (SoA) Version 2.0 vom 03.03.2024",
        details=[("Zertifikat-Registrier-Nr.:", "EZ-ISMS-0873"), ("Erstzertifizierung:", "19.07.2021"),
                 ("Ausstellungsdatum:", "19.07.2024"), ("Gültig bis:", "18.07.2027")],
        signature=("Dr. Katrin Vollmer", "Leiterin der Zertifizierungsstelle", "K. Vollmer"),
        mark=["DAkkS", "Deutsche", "Akkreditierungsstelle", "D-ZM-16052-01-00"],
        cb_name="Elbtal Zertifizierung GmbH",
        cb_addr=["Ostra-Allee 9", "01067 Dresden", "Deutschland"],
        cb_extra="Die Gültigkeit dieses Zertifikats setzt jährliche Überwachungsaudits voraus.",
        page_label="Seite {p} von {n}",
        annex=dict(
            title="Anlage zum Zertifikat Nr. EZ-ISMS-0873",
            intro="Zertifizierte Standorte der Rheinwerk Datenlogistik GmbH",
            headers=["Standort", "Anschrift", "Tätigkeiten"],
            rows=[
                ["Hauptsitz", "Speditionstraße 21\n40221 Düsseldorf", "ISMS-Leitung, Entwicklung, interne IT"],
                ["Rechenzentrum Leipzig", "Maximilianallee 40\n04129 Leipzig", "Rechenzentrumsbetrieb, Netzwerk"],
                ["Kundenservice Duisburg", "Am Innenhafen 6\n47059 Duisburg", "Kundenservice, Einrichtung"],
            ],
        ),
    ),
    # 13 --------------------------------------------------------------- French, COFRAC, surveillance due
    dict(
        name="briselames-iso27001-2022-fr", theme="guilloche", lang="fr", colour="#1d3f72", colour2="#c7b37b",
        html_title="Certificat CC-SMSI-2025-311",
        cb_head="Certalis Conformité", title="CERTIFICAT", subtitle="Système de management de la sécurité de l'information",
        intro="Certalis Conformité certifie que le système de management de", org="Brise-Lames Informatique SAS",
        address=["14 rue des Tanneurs", "44000 Nantes, France"],
        conform="a été évalué et jugé conforme aux exigences de la norme",
        standards=[("ISO/IEC 27001:2022", "Sécurité de l'information, cybersécurité et protection de la vie privée — "
                                         "Systèmes de management de la sécurité de l'information — Exigences")],
        scope_label="Périmètre de certification",
        scope=("Conception, hébergement, exploitation et maintenance de la solution de gestion électronique des "
               "documents Brise-Lames GED pour les collectivités territoriales, incluant le support utilisateurs "
               "et l'administration des infrastructures."),
        soa_line="Déclaration d'applicabilité version 3 du 17/01/2025",
        details=[("N° de certificat :", "CC-SMSI-2025-311"), ("Date de certification initiale :", "04/02/2022"),
                 ("Date d'émission :", "04/02/2025"), ("Valable jusqu'au :", "03/02/2028"),
                 ("Prochain audit de surveillance :", "15/01/2027")],
        signature=("Hélène Marchetti", "Directrice de la certification", "H. Marchetti"),
        mark=["COFRAC", "CERTIFICATION", "DE SYSTÈMES DE MANAGEMENT", "ACCRÉDITATION N° 4-0612"],
        cb_name="Certalis Conformité SAS",
        cb_addr=["112 cours Lafayette", "69003 Lyon", "France"],
        cb_extra="Portée d'accréditation disponible sur www.cofrac.fr. Ce certificat reste la propriété de Certalis.",
        page_label="Page {p} sur {n}", pair_cols=1,
    ),
    # 14 --------------------------------------------------------------- scope names another organisation
    dict(
        name="tarragon-iso27001-2022-scope-other-org", theme="band", colour="#3d405b", colour2="#81b29a", ncol=4,
        html_title="Certificate KCB-IS-77301",
        cb_head="Kestrel Certification Bureau", title="CERTIFICATE", subtitle="ISO/IEC 27001 Registration",
        intro=EN_INTRO, org="Tarragon Data Centres Ltd",
        address=["Unit 3, Bath Road Trading Estate", "Slough SL1 4DX, United Kingdom"],
        conform=EN_CONFORM,
        standards=[("ISO/IEC 27001:2022", "")],
        scope_label="Scope",
        scope=("Colocation, remote hands and managed hosting services provided by Brackenridge Hosting Limited "
               "from the Slough data centre, including physical security, power and cooling operations and "
               "customer access management."),
        soa_line="Statement of Applicability version 2.3 dated 2025-08-01",
        details=[("Certificate number", "KCB-IS-77301"), ("Original certification", "17 September 2025"),
                 ("Issue date", "17 September 2025"), ("Valid until", "16 September 2028")],
        signature=("Owen Treharne", "Technical Director", "O Treharne"),
        mark=["UKAS", "MANAGEMENT", "SYSTEMS", "6630"],
        cb_name="Kestrel Certification Bureau Ltd",
        cb_addr=["Kings Orchard, 1 Queen Street", "Bristol BS2 0HQ", "United Kingdom"],
    ),
    # 15 --------------------------------------------------------------- dates that contradict each other
    dict(
        name="wrenfield-iso27001-2022-dates-inconsistent", theme="sidebar", colour="#6a4c93",
        html_title="Certificate CVC-0941-ISMS",
        cb_head="Clearview Conformity", cb_head2="ISO management system audits",
        title="CERTIFICATE", subtitle="Information security",
        intro=EN_INTRO, org="Wrenfield Learning Systems Inc.",
        address=["1255 Peel Street, Suite 800", "Montréal, QC H3B 4V4, Canada"],
        conform=EN_CONFORM,
        standards=[("ISO/IEC 27001:2022", "Information security management systems — Requirements")],
        scope_label="Scope",
        scope=("Design, development, hosting and support of the Wrenfield online course delivery and assessment "
               "platform for universities and professional bodies."),
        soa_line="Statement of Applicability, version 6, 2025-08-30",
        details=[("Certificate number", "CVC-0941-ISMS"), ("Original certification date", "2025-09-22"),
                 ("Date of issue", "2024-09-22"), ("Expiry date", "2027-09-21")],
        signature=("Mathieu Caron", "Certification Manager", "M. Caron"),
        mark=["SCC", "ACCREDITED", "MANAGEMENT SYSTEMS", "CERTIFICATION BODY"],
        cb_name="Clearview Conformity Inc.",
        cb_addr=["330 Bay Street, Suite 1100", "Toronto, ON M5H 2S8", "Canada"],
    ),
    # 16 --------------------------------------------------------------- multi-site, addresses on one line
    # Each site's street and town share one line ("Liepų g. 14, LT-10317 Vilnius"), the holder's address is a
    # single line, and the annex centres its cells under their headers, so a cell starts left of its header.
    dict(
        name="kellbrook-iso27001-2022-site-addresses", theme="band", colour="#3d4f7a", colour2="#c9a227", ncol=4,
        html_title="Certificate BMC-27001-0688",
        cb_head="Baltic Meridian Certification", title="CERTIFICATE", subtitle="Multi-site certificate",
        intro=EN_INTRO, org="Kellbrook Fleet Data, UAB",
        address=["Liepų g. 14, LT-10317 Vilnius, Lithuania"],
        conform=EN_CONFORM,
        standards=[("ISO/IEC 27001:2022", "Information security management systems — Requirements")],
        scope_label="Scope",
        scope=("Development, hosting and support of the Kellbrook telematics platform for commercial vehicle fleets, "
               "including route data processing, driver mobile applications and the customer service desk, at the "
               "sites listed in the annex."),
        soa_line="Statement of Applicability version 5, dated 2025-02-10",
        details=[("Certificate number", "BMC-27001-0688"), ("Original certification date", "March 3, 2022"),
                 ("Issue date", "March 3, 2025"), ("Expiry date", "March 2, 2028")],
        signature=("Aurelija Stankutė", "Certification Director", "A. Stankute"),
        mark=["UKAS", "MANAGEMENT", "SYSTEMS", "9931"],
        cb_name="Baltic Meridian Certification Ltd",
        cb_addr=["Floor 3, 18 Quayside Walk", "Bristol BS1 4QA", "United Kingdom"],
        annex=dict(
            title="Annex to Certificate No. BMC-27001-0688",
            intro="This multi-site certificate covers the following sites.",
            headers=["Site Name", "Site Address", "Site Scope"],
            align="center",
            rows=[
                ["Kellbrook Fleet Data, UAB", "Liepų g. 14, LT-10317 Vilnius\nLithuania",
                 "Management system, platform engineering"],
                ["Kellbrook Fleet Data, UAB", "Sodų g. 7, LT-44280\nKaunas Lithuania",
                 "Driver applications, service desk"],
                ["Kellbrook Polska Sp. z o.o.", "ul. Ogrodowa 12b, 90-001\nŁódź Poland",
                 "Route data processing"],
                ["Kellbrook Fleet Data Inc.", "2150 Quarry Ridge Dr, Fort Wayne, IN, 46802,\nUnited States",
                 "Customer support for North America"],
            ],
            note="This annex is valid only together with the certificate bearing the same number.",
        ),
    ),
]

# certificates that are built elsewhere (bad/): owner-only encrypted, and the source for the user-password one
EXTRA = [
    dict(
        name="marlpit-iso27001-2022", theme="corporate", colour="#4a5d23",
        html_title="Certificate WQR-ISMS-5520",
        cb_head="WESSEX QUALITY REGISTRAR", head_right="Certificate WQR-ISMS-5520",
        title="CERTIFICATE", subtitle="Information security management system",
        intro=EN_INTRO, org="Marlpit Secure Print Ltd",
        address=["Unit 9, Hurricane Way", "Norwich NR6 6JB, United Kingdom"],
        conform=EN_CONFORM,
        standards=[("ISO/IEC 27001:2022", "")],
        scope_label="Scope of certification",
        scope=("The provision of secure variable-data printing, mailing and document fulfilment services for "
               "financial services and public sector clients, including data receipt, print production and "
               "secure destruction of spoiled output."),
        soa_line="Statement of Applicability issue 6, 2 June 2025",
        details=[("Certificate number", "WQR-ISMS-5520"), ("Original certification", "11 July 2016"),
                 ("Date of issue", "11 July 2025"), ("Expiry date", "10 July 2028")],
        signature=("Philippa Rowntree", "Certification Manager", "P. Rowntree"),
        mark=["UKAS", "MANAGEMENT", "SYSTEMS", "2290"],
        cb_name="Wessex Quality Registrar Ltd",
        cb_addr=["Dukes Court, 42 Station Road", "Salisbury SP2 7AB", "United Kingdom"],
    ),
]


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    for c in CERTS + EXTRA:
        with open(os.path.join(out, c["name"] + ".html"), "w", encoding="utf-8") as f:
            f.write(THEMES[c["theme"]](c))


if __name__ == "__main__":
    main()
