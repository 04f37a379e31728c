import AssayCore

/// The register of information's column map, declared here so that the export's own file keeps its shape.
extension ROIExport.ColumnMap: RuleFile {
    public static var file: String { ROIExport.file }
    public static let version = 1
}
