/// The value of a contract field: a single string (names, dates, opinion) or a list of strings
/// (trust services categories, standards, locations).
public enum FieldValue: Codable, Sendable, Hashable {
    case text(String)
    case list([String])

    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let list = try? container.decode([String].self) {
            self = .list(list)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let value): try container.encode(value)
        case .list(let values): try container.encode(values)
        }
    }

    /// The single string, or the list joined with "; ".
    public var display: String {
        switch self {
        case .text(let value): return value
        case .list(let values): return values.joined(separator: "; ")
        }
    }

    public var strings: [String] {
        switch self {
        case .text(let value): return [value]
        case .list(let values): return values
        }
    }
}

/// One extracted field with its confidence and the evidence it was read from.
public struct Field: Codable, Sendable, Hashable {
    public var value: FieldValue
    public var confidence: Double
    public var evidence: [Evidence]

    public init(value: FieldValue, confidence: Double, evidence: [Evidence]) {
        self.value = value
        self.confidence = Confidence.rounded(confidence)
        self.evidence = evidence
    }
}

/// Confidence helpers shared by every stage.
public enum Confidence {
    /// Confidences are printed with two decimals so output stays stable across platforms.
    public static func rounded(_ value: Double) -> Double {
        (min(max(value, 0), 1) * 100).rounded() / 100
    }
}
