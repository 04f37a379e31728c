import Foundation

/// A type that one rule file under `extractors/` decodes into, naming the file and the `version:`
/// this build reads, so that neither is written anywhere else: `RuleBook.load(T.self)` finds the file,
/// and rejects a file whose `version:` is missing or is another number (a file written for another
/// build of Assay, whose keys may mean something else).
///
/// Two types may read the same file (the accreditation list is one); each declares it.
public protocol RuleFile: Decodable {
    /// The path relative to the rules directory (`soc/cuecs.yaml`).
    static var file: String { get }
    /// The value of the file's top-level `version:` key this build reads.
    static var version: Int { get }
}

/// Decodes a rule file's `version:` beside the value, from one parse of the file. The version is
/// read first and the value's own error is kept, so that a file of another version is reported as
/// such rather than as the first key its type does not find.
struct VersionedRuleFile<Value: Decodable>: Decodable {
    var version: Int?
    var value: Result<Value, any Error>

    private enum Keys: String, CodingKey { case version }

    init(from decoder: any Decoder) throws {
        version = try decoder.container(keyedBy: Keys.self).decodeIfPresent(Int.self, forKey: .version)
        value = Result { try Value(from: decoder) }
    }
}
