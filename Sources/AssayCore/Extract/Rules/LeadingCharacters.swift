import Foundation

/// The ASCII characters a match of a pattern anchored at the text's start (`^…`) can open with, read from
/// the pattern, so `LiteralGate` can turn away a text by its first byte ("^(?:CC\d|Control Objective)" cannot
/// match a line that opens with "T"). Read only where it is certain:
/// - the pattern opens with `^` and has no alternation outside a group (`^a|b` anchors only its first branch),
///   and `^` means the text's start (not each line's, as with `.anchorsMatchLines`);
/// - the first atom is an ASCII letter, digit or other literal character, `\d`, or a group (capturing,
///   `(?:` or named) each of whose branches opens that way, and it is not optional (`?`, `*`, `{0,…}`);
/// - anything else (a class, `.`, `\s`, `\b`, a look-around, inline flags) gives no set.
/// A case-insensitive pattern's letters stand for both cases; a text that opens with a non-ASCII
/// character is always let through (ICU folds some to ASCII letters, and `\d` matches other digits).
enum LeadingCharacters {
    /// Which of the 128 ASCII bytes a match may open with, or nil when the pattern does not say.
    static func read(_ pattern: String, options: NSRegularExpression.Options) -> [Bool]? {
        guard !options.contains(.anchorsMatchLines), !options.contains(.allowCommentsAndWhitespace),
              !options.contains(.ignoreMetacharacters) else { return nil }
        let scalars = Array(pattern.unicodeScalars)
        guard scalars.first == "^", !hasTopLevelAlternation(scalars) else { return nil }
        var index = 1
        guard let found = first(scalars, &index), !found.isEmpty else { return nil }
        var set = Array(repeating: false, count: 128)
        for byte in found {
            set[Int(byte)] = true
            if options.contains(.caseInsensitive), byte | 0x20 >= 0x61, byte | 0x20 <= 0x7A {
                set[Int(byte | 0x20)] = true
                set[Int(byte & ~0x20)] = true
            }
        }
        return set
    }

    /// The first characters of the sequence at `index` (moved past its first atom), or nil.
    private static func first(_ scalars: [Unicode.Scalar], _ index: inout Int) -> Set<UInt8>? {
        guard index < scalars.count else { return nil }
        let scalar = scalars[index]
        var found: Set<UInt8>
        switch scalar {
        case "(":
            var at = index + 1
            if at < scalars.count, scalars[at] == "?" {
                guard at + 1 < scalars.count else { return nil }
                if scalars[at + 1] == ":" {
                    at += 2
                } else if scalars[at + 1] == "<", at + 2 < scalars.count, scalars[at + 2].properties.isAlphabetic {
                    // A named group.
                    while at < scalars.count, scalars[at] != ">" { at += 1 }
                    at += 1
                } else {
                    return nil
                }
            }
            found = []
            // Each branch of the group opens the match.
            while true {
                guard let branch = first(scalars, &at) else { return nil }
                found.formUnion(branch)
                guard skipBranch(scalars, &at) else { return nil }
                if at < scalars.count, scalars[at] == "|" { at += 1; continue }
                guard at < scalars.count, scalars[at] == ")" else { return nil }
                index = at + 1
                break
            }
        case "\\":
            guard index + 1 < scalars.count, scalars[index + 1] == "d" else { return nil }
            found = Set((0x30...0x39).map { UInt8($0) })
            index += 2
        case ".", "[", "^", "$", "|", ")", "*", "+", "?", "{":
            return nil
        default:
            guard scalar.isASCII else { return nil }
            found = [UInt8(truncatingIfNeeded: scalar.value)]
            index += 1
        }
        return isOptionalQuantifier(scalars, index) ? nil : found
    }

    /// Whether the atom just read is made optional by the quantifier at `index`.
    private static func isOptionalQuantifier(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        guard index < scalars.count else { return false }
        switch scalars[index] {
        case "?", "*": return true
        case "{":
            var at = index + 1
            var digits = ""
            while at < scalars.count, ("0"..."9").contains(scalars[at]) { digits.unicodeScalars.append(scalars[at]); at += 1 }
            return digits.isEmpty || Int(digits) == 0
        default: return false
        }
    }

    /// Moves `index` to the `|` or `)` that ends the current branch (nested groups, classes and escapes
    /// skipped); false when the pattern ends first.
    private static func skipBranch(_ scalars: [Unicode.Scalar], _ index: inout Int) -> Bool {
        var depth = 0
        while index < scalars.count {
            switch scalars[index] {
            case "\\": index += 2; continue
            case "[":
                guard skipClass(scalars, &index) else { return false }
                continue
            case "(": depth += 1
            case ")":
                if depth == 0 { return true }
                depth -= 1
            case "|": if depth == 0 { return true }
            default: break
            }
            index += 1
        }
        return false
    }

    private static func skipClass(_ scalars: [Unicode.Scalar], _ index: inout Int) -> Bool {
        var depth = 0
        repeat {
            guard index < scalars.count else { return false }
            switch scalars[index] {
            case "\\": index += 2; continue
            case "[":
                depth += 1
                index += 1
                if index < scalars.count, scalars[index] == "^" { index += 1 }
                if index < scalars.count, scalars[index] == "]" { index += 1 }
                continue
            case "]": depth -= 1
            default: break
            }
            index += 1
        } while depth > 0
        return true
    }

    /// Whether a `|` stands outside every group (the patterns asked about have compiled, so they are well formed).
    private static func hasTopLevelAlternation(_ scalars: [Unicode.Scalar]) -> Bool {
        var index = 0
        while skipBranch(scalars, &index) {
            if scalars[index] == "|" { return true }
            index += 1
        }
        return false
    }
}
