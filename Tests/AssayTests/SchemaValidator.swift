import Foundation

/// A small JSON Schema checker for the keywords `ContractSchema` uses (type, const, enum, required,
/// properties, additionalProperties, items, minimum, maximum, minItems, maxItems, pattern, $ref).
struct SchemaValidator {
    let root: [String: Any]

    func validate(_ value: Any, _ schema: [String: Any], path: String = "$") -> [String] {
        if let ref = schema["$ref"] as? String {
            let name = ref.replacingOccurrences(of: "#/$defs/", with: "")
            guard let defs = root["$defs"] as? [String: Any], let target = defs[name] as? [String: Any] else { return ["\(path): bad $ref \(ref)"] }
            return validate(value, target, path: path)
        }
        var problems: [String] = []
        if let types = schema["type"] {
            let allowed = (types as? [String]) ?? [(types as? String) ?? ""]
            if !allowed.contains(where: { matches(value, type: $0) }) { return ["\(path): not of type \(allowed)"] }
        }
        if let constant = schema["const"] as? String, (value as? String) != constant { problems.append("\(path): not \(constant)") }
        if let options = schema["enum"] as? [Any] {
            let ok = options.contains { option in
                if option is NSNull { return value is NSNull }
                return (option as? String) == (value as? String) && value is String
            }
            if !ok { problems.append("\(path): \(value) not in enum") }
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { problems.append("\(path): missing \(key)") }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, child) in object {
                if let sub = properties[key] as? [String: Any] {
                    problems += validate(child, sub, path: "\(path).\(key)")
                } else if let extra = schema["additionalProperties"] as? [String: Any] {
                    problems += validate(child, extra, path: "\(path).\(key)")
                } else if properties.isEmpty == false && schema["additionalProperties"] == nil && path == "$" {
                    problems.append("\(path): unexpected key \(key)")
                }
            }
        }
        if let array = value as? [Any] {
            if let items = schema["items"] as? [String: Any] {
                for (index, item) in array.enumerated() { problems += validate(item, items, path: "\(path)[\(index)]") }
            }
            if let min = schema["minItems"] as? Int, array.count < min { problems.append("\(path): fewer than \(min) items") }
            if let max = schema["maxItems"] as? Int, array.count > max { problems.append("\(path): more than \(max) items") }
        }
        if let number = value as? NSNumber, !(value is Bool) {
            if let min = schema["minimum"] as? Double, number.doubleValue < min { problems.append("\(path): below \(min)") }
            if let max = schema["maximum"] as? Double, number.doubleValue > max { problems.append("\(path): above \(max)") }
        }
        if let string = value as? String, let pattern = schema["pattern"] as? String,
           string.range(of: pattern, options: .regularExpression) == nil {
            problems.append("\(path): '\(string)' does not match \(pattern)")
        }
        return problems
    }

    private func matches(_ value: Any, type: String) -> Bool {
        switch type {
        case "null": return value is NSNull
        case "string": return value is String
        case "array": return value is [Any]
        case "object": return value is [String: Any]
        case "integer": if let n = value as? NSNumber { return n.doubleValue == n.doubleValue.rounded() && !(value is String) }; return false
        case "number": return value is NSNumber && !(value is String)
        case "boolean": return value is Bool
        default: return false
        }
    }
}
