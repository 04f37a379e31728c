import AssayModel
import Foundation

/// One of the customer's own controls, as its control register words it.
public struct OwnControl: Codable, Sendable, Hashable {
    public var id: String
    public var text: String
    /// Criteria the register maps the control to ("CC6.1"), one per entry.
    public var criteria: [String]
    /// Other framework references ("ISO 27001 A.5.15"); TSC criteria written here count as criteria too.
    public var references: [String]
    /// The line of the register the control starts on (1-based), for messages.
    public var line: Int

    public init(id: String, text: String, criteria: [String] = [], references: [String] = [], line: Int = 0) {
        self.id = id
        self.text = text
        self.criteria = criteria
        self.references = references
        self.line = line
    }
}

/// The customer's control register (`--controls FILE`): the controls CUECs are matched against.
/// It travels to isolated workers inside the request, so it is a plain value.
public struct ControlRegister: Codable, Sendable, Hashable {
    /// The register as the user named it (its path as given).
    public var name: String
    public var controls: [OwnControl]

    public init(name: String, controls: [OwnControl]) {
        self.name = name
        self.controls = controls
    }

    /// A digest of the controls, so cached batch results are read again when the register changes.
    public var fingerprint: String {
        var hasher = FNV1a()
        for control in controls {
            for part in [control.id, control.text, control.criteria.joined(separator: ";"), control.references.joined(separator: ";")] {
                hasher.add(part)
                hasher.add("\u{1F}")
            }
            hasher.add("\u{1E}")
        }
        return hasher.hex
    }
}

/// A control register that cannot be used: which file, which line, and what is wrong.
public struct ControlRegisterError: Error, CustomStringConvertible, Sendable, Hashable {
    public var file: String
    /// 1-based line, when the problem has one.
    public var line: Int?
    public var message: String

    public init(file: String, line: Int? = nil, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
