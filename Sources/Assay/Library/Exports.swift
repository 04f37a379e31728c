// The contract types (`AssayDocument`, `Field`, `Evidence`, the records) live in AssayModel so that
// they carry no C and no I/O; the ingest options live in AssayIngest. Library users get both with
// `import Assay` alone.
@_exported import AssayModel
@_exported import AssayIngest
@_exported import AssayCore
