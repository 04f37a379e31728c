"""Trust services criteria identifiers with short summaries written in our own words.

The identifiers are the public AICPA numbering; the summary sentences are paraphrases written for
this corpus, not the criteria text itself.
"""

GROUPS = [
    ("CC1", "Control Environment"),
    ("CC2", "Communication and Information"),
    ("CC3", "Risk Assessment"),
    ("CC4", "Monitoring Activities"),
    ("CC5", "Control Activities"),
    ("CC6", "Logical and Physical Access Controls"),
    ("CC7", "System Operations"),
    ("CC8", "Change Management"),
    ("CC9", "Risk Mitigation"),
    ("A1", "Additional Criteria for Availability"),
    ("C1", "Additional Criteria for Confidentiality"),
    ("PI1", "Additional Criteria for Processing Integrity"),
    ("P", "Additional Criteria for Privacy"),
]

CRITERIA = {
    "CC1.1": "The organisation shows, through its conduct and its policies, that it is committed to integrity and ethical values.",
    "CC1.2": "Those charged with governance act independently of management and oversee how internal control is designed and how it performs.",
    "CC1.3": "With oversight from those charged with governance, management sets up structures, reporting lines and the authority and responsibility needed to reach its objectives.",
    "CC1.4": "The organisation is committed to attracting, developing and keeping competent people in line with its objectives.",
    "CC1.5": "People are held to account for the internal control responsibilities they carry in pursuit of the objectives.",
    "CC2.1": "The organisation obtains or produces relevant information of good quality and uses it to support the functioning of internal control.",
    "CC2.2": "The organisation communicates internally the information, including objectives and responsibilities, that internal control needs in order to work.",
    "CC2.3": "The organisation communicates with outside parties about matters that affect the functioning of internal control.",
    "CC3.1": "Objectives are set out clearly enough that the risks to them can be identified and assessed.",
    "CC3.2": "Risks to the objectives are identified across the organisation and analysed to decide how they should be managed.",
    "CC3.3": "The possibility of fraud is considered when risks to the objectives are assessed.",
    "CC3.4": "Changes that could significantly affect the system of internal control are identified and assessed.",
    "CC4.1": "Ongoing and/or separate evaluations are chosen, developed and carried out to confirm that the components of internal control are present and working.",
    "CC4.2": "Internal control deficiencies are evaluated and communicated in good time to those responsible for corrective action, including senior management and governance as appropriate.",
    "CC5.1": "Control activities are chosen and developed that bring risks to the objectives down to acceptable levels.",
    "CC5.2": "General control activities over technology are chosen and developed to support the objectives.",
    "CC5.3": "Control activities are put in place through policies that state what is expected and procedures that put the policies into action.",
    "CC6.1": "Logical access security software, infrastructure and architectures are implemented over protected information assets to guard against security events.",
    "CC6.2": "New internal and external users are registered and authorised before credentials are issued, and credentials are removed when access is no longer authorised.",
    "CC6.3": "Access to data, software, functions and other protected assets is authorised, changed or removed according to roles, least privilege and segregation of duties.",
    "CC6.4": "Physical access to facilities and protected information assets is restricted to authorised personnel.",
    "CC6.5": "Logical and physical protections over physical assets are discontinued only after the ability to read or recover data from them has been removed.",
    "CC6.6": "Logical access security measures protect against threats from sources outside the system boundaries.",
    "CC6.7": "The transmission, movement and removal of information is restricted to authorised users and processes and protected while in transit.",
    "CC6.8": "Controls prevent or detect, and act upon, the introduction of unauthorised or malicious software.",
    "CC7.1": "Detection and monitoring procedures identify configuration changes that introduce vulnerabilities and newly discovered vulnerabilities.",
    "CC7.2": "System components are monitored for anomalies that point to malicious acts, natural disasters or errors, and anomalies are analysed to decide whether they are security events.",
    "CC7.3": "Security events are evaluated to decide whether they could result, or have resulted, in a failure to meet objectives, and action is taken to prevent or address such failures.",
    "CC7.4": "Identified security incidents are responded to through a defined incident response programme to understand, contain, remediate and communicate them.",
    "CC7.5": "Activities are identified, developed and carried out to recover from identified security incidents.",
    "CC8.1": "Changes to infrastructure, data, software and procedures are authorised, designed, developed or acquired, configured, documented, tested, approved and implemented.",
    "CC9.1": "Risk mitigation activities are identified, chosen and developed for risks arising from potential business disruptions.",
    "CC9.2": "Risks associated with vendors and business partners are assessed and managed.",
    "A1.1": "Current processing capacity and the use of system components are maintained, monitored and evaluated so that demand can be managed and further capacity added.",
    "A1.2": "Environmental protections, software, data back-up processes and recovery infrastructure are authorised, designed, acquired, implemented, operated, maintained and monitored.",
    "A1.3": "Recovery plan procedures that support system recovery are tested.",
    "C1.1": "Confidential information is identified and maintained to meet the objectives related to confidentiality.",
    "C1.2": "Confidential information is disposed of to meet the objectives related to confidentiality.",
    "PI1.1": "Relevant information of good quality about processing objectives, including definitions of the data processed and product and service specifications, is obtained or produced and used.",
    "PI1.2": "Policies and procedures over system inputs produce complete, accurate and timely processing.",
    "PI1.3": "Policies and procedures over system processing produce products, services and reporting that meet the organisation's objectives.",
    "PI1.4": "Policies and procedures make outputs available only to intended parties and keep them complete, accurate and timely.",
    "PI1.5": "Policies and procedures store inputs, items in processing and outputs completely, accurately and in good time.",
    "P1.1": "Data subjects are given notice of the privacy practices that apply to their personal information.",
    "P2.1": "Choices about the collection, use, retention, disclosure and disposal of personal information are communicated, and consent is obtained where required.",
    "P3.1": "Personal information is collected in a way consistent with the privacy objectives.",
    "P3.2": "Where explicit consent is required, the need for it and the consequences of withholding it are explained and consent is obtained.",
    "P4.1": "Use of personal information is limited to the purposes identified in the privacy objectives.",
    "P4.2": "Personal information is retained in a way consistent with the privacy objectives.",
    "P4.3": "Personal information is disposed of securely in a way consistent with the privacy objectives.",
    "P5.1": "Identified and authenticated data subjects can access the personal information held about them.",
    "P5.2": "Personal information is corrected, amended or appended in response to data subjects' requests.",
    "P6.1": "Personal information is disclosed to third parties only with the data subject's consent or as otherwise permitted.",
    "P6.2": "A complete and accurate record of authorised disclosures of personal information is kept.",
    "P6.3": "A complete and accurate record of detected or reported unauthorised disclosures, including breaches, is kept.",
    "P6.4": "Privacy commitments are obtained from vendors and third parties that have access to personal information, and their compliance is assessed.",
    "P6.5": "Vendors and third parties with access to personal information are committed to report unauthorised disclosures.",
    "P6.6": "Affected data subjects, regulators and others are notified of breaches and incidents as required.",
    "P6.7": "Data subjects can obtain an accounting of the personal information held and of its disclosure.",
    "P7.1": "Personal information is kept accurate, up to date, complete and relevant for its intended purposes.",
    "P8.1": "Inquiries, complaints and disputes from data subjects and others are received, addressed, resolved and communicated.",
}


def group_of(cid):
    if cid.startswith("CC"):
        return cid.split(".")[0]
    if cid.startswith("PI"):
        return "PI1"
    if cid.startswith("P"):
        return "P"
    return cid.split(".")[0]


def order_key(cid):
    keys = [c for c in CRITERIA]
    return keys.index(cid)
