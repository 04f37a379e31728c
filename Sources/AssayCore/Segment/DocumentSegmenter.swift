import AssayModel

/// Finds sections (and other structure) before extraction; writes into the context.
public protocol DocumentSegmenter: Sendable {
    var kinds: Set<DocumentKind> { get }
    func segment(_ context: DocumentContext) throws
}
