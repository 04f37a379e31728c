/// What kind of assurance document a file is (contract `document.kind`).
public enum DocumentKind: String, Codable, Sendable, Hashable, CaseIterable {
    case soc1, soc2, soc3
    case isoCertificate = "iso_certificate"
    case bridgeLetter = "bridge_letter"
    case trustPage = "trust_page"
    /// A certificate or attestation of another scheme (Cyber Essentials, CSA STAR, PCI DSS AoC, C5 …),
    /// named by the field `scheme`.
    case otherAssurance = "other_assurance"
    case unknown

    public var isSOC: Bool { self == .soc1 || self == .soc2 || self == .soc3 }
}

/// SOC report type (contract `document.type`); `null` for other kinds.
public enum ReportType: String, Codable, Sendable, Hashable, CaseIterable {
    case type1, type2
}

/// Whether the text came from the PDF's own text, from OCR, or there was none.
public enum TextLayer: String, Codable, Sendable, Hashable {
    case native, ocr, mixed, none
}
