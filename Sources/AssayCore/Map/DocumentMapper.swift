import AssayModel

/// Turns the extracted document into findings and obligations.
public protocol DocumentMapper: Sendable {
    func map(_ context: DocumentContext, document: inout AssayDocument) throws
}
