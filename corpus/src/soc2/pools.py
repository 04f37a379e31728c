"""Invented complementary user entity controls and complementary subservice organisation controls."""

# (text, criteria)
CUECS = [
    ("User entities are responsible for provisioning and removing their own users' access to the application and for reviewing that access periodically.", ["CC6.2", "CC6.3"]),
    ("User entities are responsible for configuring single sign-on and multi-factor authentication for their users where the service supports it.", ["CC6.1"]),
    ("User entities are responsible for keeping the credentials and API keys issued to them confidential.", ["CC6.1", "CC6.6"]),
    ("User entities are responsible for notifying {short} promptly of any suspected security incident involving their accounts.", ["CC7.3", "CC2.3"]),
    ("User entities are responsible for the accuracy and completeness of the data they submit to the service.", ["PI1.2", "CC2.1"]),
    ("User entities are responsible for reviewing the reports and outputs produced by the service and for reporting discrepancies within the agreed period.", ["PI1.4", "CC2.3"]),
    ("User entities are responsible for determining whether the security settings they select meet their own regulatory and contractual obligations.", ["CC5.2"]),
    ("User entities are responsible for informing {short} of changes to their technical and administrative contacts.", ["CC2.3"]),
    ("User entities are responsible for securing the workstations and networks from which their users connect to the service.", ["CC6.6", "CC6.8"]),
    ("User entities are responsible for ensuring that data transmitted to the service through their own integrations is sent over encrypted connections.", ["CC6.7"]),
    ("User entities are responsible for classifying the data they upload and for not uploading data types prohibited by their agreement.", ["C1.1"]),
    ("User entities are responsible for requesting deletion or export of their data at contract end in accordance with the agreement.", ["C1.2", "P4.3"]),
    ("User entities are responsible for maintaining their own copies of data where they require retention beyond the service's retention period.", ["A1.2"]),
    ("User entities are responsible for testing and approving configuration changes they make to their own tenant before enabling them for production use.", ["CC8.1"]),
    ("User entities are responsible for providing privacy notices to, and obtaining any consent required from, the individuals whose personal information they submit.", ["P1.1", "P2.1", "P3.2"]),
    ("User entities are responsible for responding to data subject requests they receive and for forwarding to {short} those that require its assistance.", ["P5.1", "P5.2", "P8.1"]),
    ("User entities are responsible for restricting administrative roles within their tenant to appropriate personnel.", ["CC6.3"]),
    ("User entities are responsible for monitoring the status page and subscribing to notifications about service availability.", ["A1.1", "CC2.3"]),
    ("User entities are responsible for validating that files transmitted to the service are complete before submission.", ["PI1.2"]),
    ("User entities are responsible for the configuration of IP allow-lists for their tenant, where used.", ["CC6.6"]),
]

CSOCS = {
    "iaas": [
        ("Physical access to data centre facilities housing the in-scope infrastructure is restricted to authorised personnel.", ["CC6.4"]),
        ("Environmental protections, including fire suppression, power and climate control, are maintained and monitored at data centre facilities.", ["A1.2"]),
        ("Storage media are securely decommissioned before disposal or reuse.", ["CC6.5"]),
        ("Changes to the underlying infrastructure and hypervisor layer are authorised, tested and approved before implementation.", ["CC8.1"]),
        ("The underlying network and virtualisation infrastructure is monitored for availability and security events.", ["CC7.2", "A1.1"]),
    ],
    "db": [
        ("Access to the managed database infrastructure by the provider's personnel is restricted and logged.", ["CC6.1", "CC6.3"]),
        ("Managed service backups are performed and monitored as configured by the customer.", ["A1.2"]),
        ("Security patches are applied to the managed service platform in a timely manner.", ["CC7.1"]),
    ],
    "monitoring": [
        ("Logs and telemetry sent to the service are protected from unauthorised access and modification.", ["CC7.2", "CC6.1"]),
        ("The monitoring platform is available to deliver alerts in accordance with its service commitments.", ["A1.1"]),
    ],
    "messaging": [
        ("Messages submitted for delivery are transmitted over encrypted channels and are not retained beyond the stated period.", ["CC6.7", "C1.2"]),
        ("Access to message content by the provider's personnel is restricted.", ["CC6.3"]),
    ],
    "colo": [
        ("Visitors to the colocation facility are authenticated and escorted.", ["CC6.4"]),
        ("Uninterruptible power and generator systems are tested according to the provider's maintenance schedule.", ["A1.2"]),
    ],
    "cdn": [
        ("Edge network configuration changes are authorised and tested before deployment.", ["CC8.1"]),
        ("Distributed denial-of-service protections are operated and monitored.", ["CC6.6", "A1.1"]),
    ],
}
