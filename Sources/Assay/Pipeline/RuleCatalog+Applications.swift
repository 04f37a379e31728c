import AssayCore

extension RuleCatalog {
    /// Every rule file under `extractors/`: the extraction's, then the vendor view's and the exports'.
    public static let checks: [Check] = extractionChecks + [
        Check(file: VendorNameFolder.file) { _ = try VendorNameFolder(rules: $0) },
        decode(VendorRules.self),
        Check(file: ROIExport.file) { _ = try ROIExport.ColumnMap.load($0) },
        Check(file: ReconcileRules.file) { _ = try ReconcileRules.load($0) },
    ]

    /// One line per problem in any rule file (`assay rules check`).
    public static func problems(in rules: RuleBook) -> [String] {
        problems(in: rules, checks: checks)
    }
}
