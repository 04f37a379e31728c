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

/// Decodes a rule file's `version:` beside the value, from one parse of the file.
struct VersionedRuleFile<Value: Decodable>: Decodable {
    var value: Value
    var version: Int?

    private enum Keys: String, CodingKey { case version }

    init(from decoder: any Decoder) throws {
        value = try Value(from: decoder)
        version = try decoder.container(keyedBy: Keys.self).decodeIfPresent(Int.self, forKey: .version)
    }
}
