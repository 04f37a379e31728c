import AssayCore
import AssayModel

extension DocumentKind {
    /// The kind as a reviewer names it: "SOC 2 Type II", "ISO certificate", "Bridge letter".
    public func label(_ type: ReportType?) -> String {
        let base: String
        switch self {
        case .soc1: base = "SOC 1"
        case .soc2: base = "SOC 2"
        case .soc3: base = "SOC 3"
        case .isoCertificate: base = "ISO certificate"
        case .bridgeLetter: base = "Bridge letter"
        case .trustPage: base = "Trust page"
        case .otherAssurance: base = "Other assurance"
        case .unknown: base = "Unknown"
        }
        switch type {
        case .type1: return base + " Type I"
        case .type2: return self == .soc3 ? base : base + " Type II"
        case nil: return base
        }
    }
}
