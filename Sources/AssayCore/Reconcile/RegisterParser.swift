import AssayModel
import Foundation
import Yams

/// Reads a control register from CSV or YAML into `OwnControl`s, or explains what is wrong with
/// it: the file, the line and the problem.
///
/// CSV: a header row naming `id` and `text` (any case), and optionally `criteria` and
/// `framework` (or `references`); other columns (owner, frequency …) are ignored. YAML: a list of
/// `{id, text, criteria, references}` where `criteria` and `references` are a string or a list.
/// In both, a cell such as "CC6.1; CC6.2" holds several entries, split at semicolons, commas and
/// line breaks.
public enum RegisterParser {
    /// Registers larger than this are refused: a register is a spreadsheet, not a data set, and it
    /// travels to each isolated worker inside the request, one command-line argument that Linux
    /// caps at 128 KiB.
    public static let maxBytes = 64 * 1024
    /// At most this many controls.
    public static let maxControls = 500

    /// Reads the register at `path`; `name` is how messages and the output name it.
    public static func read(path: String, name: String? = nil) throws -> ControlRegister {
        let name = name ?? path
        let url = URL(fileURLWithPath: path)
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes else { throw ControlRegisterError(file: name, "cannot be read (no such file)") }
        if (attributes[.type] as? FileAttributeType) == .typeDirectory {
            throw ControlRegisterError(file: name, "is a folder; give a CSV or YAML file")
        }
        if let size = attributes[.size] as? Int, size > maxBytes {
            throw ControlRegisterError(file: name, "is \(size) bytes; a register may have at most \(maxBytes) bytes")
        }
        guard let data = try? Data(contentsOf: url) else { throw ControlRegisterError(file: name, "cannot be read") }
        return try parse(data, name: name)
    }

    /// Parses register bytes; YAML when the name ends in `.yaml` or `.yml`, CSV otherwise.
    public static func parse(_ data: Data, name: String) throws -> ControlRegister {
        if data.count > maxBytes { throw ControlRegisterError(file: name, "is \(data.count) bytes; a register may have at most \(maxBytes) bytes") }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ControlRegisterError(file: name, "is not UTF-8 text; save the register as CSV (UTF-8) or YAML")
        }
        let lower = name.lowercased()
        let controls = lower.hasSuffix(".yaml") || lower.hasSuffix(".yml") ? try yaml(text, file: name) : try csv(text, file: name)
        try check(controls, file: name)
        return ControlRegister(name: name, controls: controls)
    }

    static func csv(_ text: String, file: String) throws -> [OwnControl] {
        let records = try RegisterCSV.records(text, file: file)
        guard let header = records.first else { throw ControlRegisterError(file: file, "is empty; expected a header row with id and text") }
        var columns: [String: Int] = [:]
        for (index, raw) in header.fields.enumerated() {
            let name = raw.trimmingCharacters(in: .whitespaces).lowercased()
            guard !name.isEmpty else { continue }
            if columns[name] != nil { throw ControlRegisterError(file: file, line: header.line, "the column \"\(name)\" appears twice in the header") }
            columns[name] = index
        }
        guard let idColumn = columns["id"], let textColumn = columns["text"] else {
            let missing = ["id", "text"].filter { columns[$0] == nil }.joined(separator: " and ")
            throw ControlRegisterError(file: file, line: header.line,
                                       "the header has no \(missing) column (found: \(header.fields.joined(separator: ", ")))")
        }
        let criteriaColumn = columns["criteria"]
        let referenceColumns = ["framework", "references", "reference"].compactMap { columns[$0] }
        var controls: [OwnControl] = []
        for record in records.dropFirst() {
            if record.fields.count > header.fields.count,
               record.fields[header.fields.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
                throw ControlRegisterError(file: file, line: record.line,
                                           "\(record.fields.count) fields but the header has \(header.fields.count); quote a field that holds a comma")
            }
            func cell(_ column: Int?) -> String {
                guard let column, column < record.fields.count else { return "" }
                return record.fields[column].trimmingCharacters(in: .whitespacesAndNewlines)
            }
            controls.append(OwnControl(id: cell(idColumn), text: cell(textColumn).foldedWhitespace,
                                       criteria: split(cell(criteriaColumn)),
                                       references: referenceColumns.flatMap { split(cell($0)) }, line: record.line))
        }
        return controls
    }

    static func yaml(_ text: String, file: String) throws -> [OwnControl] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw ControlRegisterError(file: file, line: yamlLine(error), "is not valid YAML: \(yamlProblem(error))")
        } catch {
            throw ControlRegisterError(file: file, "is not valid YAML")
        }
        guard let root else { throw ControlRegisterError(file: file, "is empty; expected a list of controls") }
        guard let items = root.sequence else {
            throw ControlRegisterError(file: file, line: line(root), "expected a list of controls (- id: … text: …)")
        }
        var controls: [OwnControl] = []
        for (index, item) in items.enumerated() {
            guard let mapping = item.mapping else {
                throw ControlRegisterError(file: file, line: line(item), "control \(index + 1) is not a mapping with id and text")
            }
            var fields: [String: Node] = [:]
            for (key, value) in mapping {
                guard let name = key.string?.lowercased() else { continue }
                fields[name] = value
            }
            func scalar(_ key: String) throws -> String {
                guard let node = fields[key] else {
                    throw ControlRegisterError(file: file, line: line(item), "control \(index + 1) has no \(key)")
                }
                guard let value = node.string else {
                    throw ControlRegisterError(file: file, line: line(node), "\(key) of control \(index + 1) must be text")
                }
                return value.trimmingCharacters(in: .whitespacesAndNewlines)
            }
            func list(_ keys: [String]) throws -> [String] {
                try keys.compactMap { fields[$0] }.flatMap { node -> [String] in
                    if let value = node.string { return split(value) }
                    if let sequence = node.sequence {
                        return try sequence.flatMap { entry -> [String] in
                            guard let value = entry.string else {
                                throw ControlRegisterError(file: file, line: line(entry), "a reference of control \(index + 1) must be text")
                            }
                            return split(value)
                        }
                    }
                    throw ControlRegisterError(file: file, line: line(node), "criteria and references must be text or a list of text")
                }
            }
            controls.append(OwnControl(id: try scalar("id"), text: try scalar("text").foldedWhitespace,
                                       criteria: try list(["criteria"]), references: try list(["references", "framework"]),
                                       line: line(item) ?? 0))
        }
        return controls
    }

    /// Every control has an id and a text, ids are unique, and there are not too many.
    static func check(_ controls: [OwnControl], file: String) throws {
        if controls.isEmpty { throw ControlRegisterError(file: file, "has no controls") }
        if controls.count > maxControls {
            throw ControlRegisterError(file: file, "has \(controls.count) controls; a register may have at most \(maxControls)")
        }
        var seen: [String: Int] = [:]
        for control in controls {
            if control.id.isEmpty { throw ControlRegisterError(file: file, line: control.line, "a control has no id") }
            if control.text.isEmpty { throw ControlRegisterError(file: file, line: control.line, "control \(control.id) has no text") }
            let key = control.id.lowercased()
            if let first = seen[key] {
                throw ControlRegisterError(file: file, line: control.line, "the id \(control.id) is used twice (first on line \(first))")
            }
            seen[key] = control.line
        }
    }

    /// "CC6.1; CC6.2", "CC6.1, CC6.2" or one per line: the entries, trimmed.
    static func split(_ cell: String) -> [String] {
        cell.split(whereSeparator: { $0 == ";" || $0 == "," || $0 == "\n" })
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    private static func line(_ node: Node) -> Int? { node.mark.map { $0.line } }

    private static func yamlLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    private static func yamlProblem(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): return problem
        default: return "\(error)"
        }
    }
}
