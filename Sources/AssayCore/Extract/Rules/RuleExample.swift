import AssayModel

/// One worked example a rule file carries under `examples:`, in the manner of a lint rule's examples:
/// a text the file's stage reads, and what it must read from it. `RuleExamplesTests` runs every
/// example through its stage; the stages' own decoders ignore the key.
///
/// Examples are invented wording, never text from a real document.
public struct RuleExample: Decodable, Sendable, Equatable {
    /// The input, one line of a page per line of text (`\f` starts a new page).
    public var text: String
    /// The document kind the stage reads the text as, where the file serves more than one.
    public var kind: DocumentKind?
    /// The service organisation's name, as the stages before this one would have read it (a SOC
    /// report's subservice organisations are told apart from the organisation itself by it).
    public var organization: String?
    /// What is read: a field name (`bridged_period_end`), or a list of records (`cuecs`,
    /// `subservice_organizations`); each file's stage has a default.
    public var field: String?
    /// The expected value, for a single value.
    public var value: String?
    /// The expected values in order, for a list (an empty list: nothing is read).
    public var values: [String]?
    /// The quote of the first value's evidence, where the stage gives evidence.
    public var quote: String?
}

/// The `examples:` of any rule file (none when the key is absent).
public struct RuleExamples: Decodable, Sendable {
    public var examples: [RuleExample]?

    /// A file's examples, checked for shape: each gives the value it expects.
    package static func load(_ book: RuleBook, file: String) throws -> [RuleExample] {
        let examples = try book.load(RuleExamples.self, from: file).examples ?? []
        for (index, example) in examples.enumerated() where example.value == nil && example.values == nil {
            throw RuleError(file: file, key: "examples[\(index)]", message: "gives neither value nor values")
        }
        return examples
    }
}
