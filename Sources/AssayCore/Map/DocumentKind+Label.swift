import AssayModel

extension DocumentKind {
    /// The kind as a reviewer names it: "SOC 2 Type II", "ISO certificate", "Bridge letter".
    ///
    /// The core side of the review outline's vocabulary (`OutlineVocabulary` in the Assay module
    /// reads its kind labels from here): it lives in AssayCore so that findings the core raises
    /// ("The page claims SOC 2 Type II …") and every rendering name a kind in the same words. A SOC 3
    /// report is general-use and has no Type I/II, so it is never given a type.
    public func label(_ type: ReportType?) -> String {
        let base: String
        switch self {
        case .soc1: base = "SOC 1"
        case .soc2: base = "SOC 2"
        case .soc3: return "SOC 3"
        case .isoCertificate: base = "ISO certificate"
        case .bridgeLetter: base = "Bridge letter"
        case .trustPage: base = "Trust page"
        case .otherAssurance: base = "Other assurance"
        case .unknown: base = "Unknown document"
        }
        switch type {
        case .type1: return base + " Type I"
        case .type2: return base + " Type II"
        case nil: return base
        }
    }
}
