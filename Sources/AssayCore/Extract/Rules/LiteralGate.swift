import Foundation

/// The words a regular expression cannot match without, read from its pattern, so a text that holds
/// none of them is answered without running the expression.
///
/// Most patterns are tried on every line of a report and miss on almost all of them, and ICU spends
/// one to three microseconds on a line even when it misses ("complementary subservice organization
/// controls" cannot match a line without "subservice"). The gate is a byte search, done where it
/// cannot change an answer:
/// - only words of two or more ASCII letters and digits that every match must contain are taken:
///   outside optional groups, lookarounds and quantified characters, and, for an alternation, one word
///   from each branch (the text must then hold one of them), the longest one a branch has;
/// - when every branch also needs a digit (`\d` outside optional parts), the text must hold one too;
/// - a pattern with inline flags, `\Q…\E` quoting or free-spacing is given no gate;
/// - a case-insensitive pattern is gated only on ASCII text: ICU folds some other characters to ASCII
///   letters ("ﬁ" to "fi", "ß" to "ss", the Kelvin sign to "k"), so any other text runs the expression.
struct LiteralGate: Sendable, Equatable {
    /// One of these must occur in the text (lowercased when `caseInsensitive`)…
    let words: [[UInt8]]
    /// … or, when set, a digit (some branch needs `\d` and no word).
    let digit: Bool
    /// … and, when set, a digit as well: every branch needs one ("\d+ of \d+" is no match without a digit).
    let requiresDigit: Bool
    let caseInsensitive: Bool
    /// For a pattern anchored at the text's start: the ASCII bytes a match may open with (`LeadingCharacters`).
    let leading: [Bool]?

    init?(pattern: String, options: NSRegularExpression.Options) {
        guard !options.contains(.allowCommentsAndWhitespace), !options.contains(.ignoreMetacharacters) else { return nil }
        let folding = options.contains(.caseInsensitive)
        caseInsensitive = folding
        leading = LeadingCharacters.read(pattern, options: options)
        var parser = Parser(Array(pattern.unicodeScalars))
        if let found = try? parser.alternation(depth: 0), parser.index == parser.scalars.count, !found.isEmpty {
            digit = found.contains(Parser.digit)
            requiresDigit = !parser.topLevelDigits.isEmpty && parser.topLevelDigits.allSatisfy { $0 }
            words = found.filter { $0 != Parser.digit }.map { word in Array((folding ? word.lowercased() : word).utf8) }
        } else {
            guard leading != nil else { return nil }
            digit = false
            requiresDigit = false
            words = []
        }
    }

    /// Whether the expression may match `text`: false only when the text certainly holds none of the words.
    func mayMatch(_ text: String) -> Bool {
        let answer = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            if let leading {
                guard let first = bytes.first else { return false }
                if first < 0x80, !leading[Int(first)] { return false }
            }
            guard digit || !words.isEmpty else { return true }
            // `\d` also matches digits of other scripts, as a case-insensitive word matches folded letters.
            if caseInsensitive || digit || requiresDigit {
                var high: UInt8 = 0
                for byte in bytes { high |= byte }
                if high >= 0x80 { return true }
            }
            if digit || requiresDigit {
                let hasDigit = bytes.contains(where: { $0 &- 0x30 < 10 })
                if requiresDigit, !hasDigit { return false }
                if digit, hasDigit { return true }
            }
            return words.contains { Self.occurs($0, in: bytes, folding: caseInsensitive) }
        }
        return answer ?? true
    }

    private static func occurs(_ word: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, folding: Bool) -> Bool {
        let count = word.count
        guard count > 0, bytes.count >= count else { return false }
        // The first byte in either case, then the rest; setting bit 0x20 lowers an ASCII capital and leaves
        // lower-case letters and digits as they are.
        let first = word[0]
        let firstUpper = folding && first &- 0x61 < 26 ? first &- 0x20 : first
        return word.withUnsafeBufferPointer { word in
            var start = 0
            let last = bytes.count - count
            while start <= last {
                let byte = bytes[start]
                if byte == first || byte == firstUpper {
                    var offset = 1
                    while offset < count, (folding ? bytes[start + offset] | 0x20 : bytes[start + offset]) == word[offset] { offset += 1 }
                    if offset == count { return true }
                }
                start += 1
            }
            return false
        }
    }

    /// What the parser gives up on: a construct whose meaning for the words it does not follow.
    struct Unsupported: Error {}

    /// A recursive reading of the pattern that keeps, per branch, the required word sets it saw.
    struct Parser {
        /// Stands in a word list for "a digit" (`\d`): no word of letters and digits looks like it.
        static let digit = "\\d"
        let scalars: [Unicode.Scalar]
        var index = 0
        /// Per top-level branch: whether it needs a digit (a `\d` outside optional parts) besides its words.
        var topLevelDigits: [Bool] = []
        init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

        private var current: Unicode.Scalar? { index < scalars.count ? scalars[index] : nil }
        private func peek(_ offset: Int) -> Unicode.Scalar? { index + offset < scalars.count ? scalars[index + offset] : nil }

        /// Branches up to the `)` that closes the group (not consumed) or the end: the words one of
        /// which every match holds, or an empty list when some branch requires none.
        mutating func alternation(depth: Int) throws -> [String] {
            var branches: [[String]] = []
            var candidates: [[String]] = []
            var run = ""
            func endRun() {
                if run.count >= 2 { candidates.append([run]) }
                run = ""
            }
            func endBranch() {
                endRun()
                if depth == 0 { topLevelDigits.append(candidates.contains([Self.digit])) }
                // The most selective requirement: the longest shortest word, then the fewest words.
                let best = candidates.max { a, b in
                    let length = { (words: [String]) in words.map { $0 == Self.digit ? 1 : $0.count }.min() ?? 0 }
                    let (la, lb) = (length(a), length(b))
                    return la != lb ? la < lb : a.count > b.count
                }
                branches.append(best ?? [])
                candidates = []
            }
            while let scalar = current {
                switch scalar {
                case "|":
                    endBranch()
                    index += 1
                case ")":
                    guard depth > 0 else { throw Unsupported() }
                    endBranch()
                    return branches.contains(where: \.isEmpty) ? [] : Array(Set(branches.flatMap { $0 })).sorted()
                case "(":
                    endRun()
                    let (inner, isRequired) = try group(depth: depth)
                    if try !quantifier(), isRequired, !inner.isEmpty { candidates.append(inner) }
                case "[":
                    endRun()
                    try skipClass()
                    _ = try quantifier()
                case "\\":
                    endRun()
                    let isDigit = peek(1) == "d"
                    try skipEscape()
                    if try !quantifier(), isDigit { candidates.append([Self.digit]) }
                case ".", "^", "$":
                    endRun()
                    index += 1
                    _ = try quantifier()
                case "*", "+", "?":
                    // A quantifier with nothing before it: ICU rejects it, and the pattern is not read.
                    throw Unsupported()
                default:
                    index += 1
                    let isWordScalar = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))
                    if isQuantifier(at: index) {
                        // "controls?": the quantified character is no part of a required word.
                        endRun()
                        _ = try quantifier()
                    } else if isWordScalar {
                        run.unicodeScalars.append(scalar)
                    } else {
                        endRun()
                    }
                }
            }
            guard depth == 0 else { throw Unsupported() }
            endBranch()
            return branches.contains(where: \.isEmpty) ? [] : Array(Set(branches.flatMap { $0 })).sorted()
        }

        /// A group from its `(` to its `)`: its required words, and whether a match needs the group's
        /// text (a lookaround's does not).
        private mutating func group(depth: Int) throws -> ([String], Bool) {
            index += 1
            var isRequired = true
            if current == "?" {
                switch (peek(1), peek(2)) {
                case (":", _), (">", _):
                    index += 2
                case ("=", _), ("!", _):
                    index += 2
                    isRequired = false
                case ("<", "="), ("<", "!"):
                    index += 3
                    isRequired = false
                case ("<", let next?) where next.properties.isAlphabetic:
                    // A named group.
                    index += 2
                    try skip(past: ">")
                case ("#", _):
                    try skip(past: ")")
                    return ([], false)
                default:
                    // Inline flags ("(?i)", "(?x:"): they change how the words match.
                    throw Unsupported()
                }
            }
            let inner = try alternation(depth: depth + 1)
            guard current == ")" else { throw Unsupported() }
            index += 1
            return (inner, isRequired)
        }

        private mutating func skip(past end: Unicode.Scalar) throws {
            while let next = current, next != end { index += 1 }
            guard current == end else { throw Unsupported() }
            index += 1
        }

        private func isQuantifier(at position: Int) -> Bool {
            guard position < scalars.count else { return false }
            switch scalars[position] {
            case "*", "+", "?": return true
            case "{": return position + 1 < scalars.count && ("0"..."9").contains(scalars[position + 1])
            default: return false
            }
        }

        /// Consumes a quantifier (with its lazy or possessive mark) after an atom; true when it lets the
        /// atom be absent (`?`, `*`, `{0,…}`).
        private mutating func quantifier() throws -> Bool {
            guard isQuantifier(at: index), let scalar = current else { return false }
            var optional = false
            switch scalar {
            case "*", "?":
                optional = true
                index += 1
            case "+":
                index += 1
            default:
                index += 1
                var minimum = ""
                while let digit = current, ("0"..."9").contains(digit) { minimum.unicodeScalars.append(digit); index += 1 }
                try skip(past: "}")
                optional = Int(minimum) == 0
            }
            if current == "?" || current == "+" { index += 1 }
            return optional
        }

        /// A character class, nested classes and escapes included.
        private mutating func skipClass() throws {
            var depth = 0
            repeat {
                guard let scalar = current else { throw Unsupported() }
                switch scalar {
                case "\\":
                    index += 2
                    continue
                case "[":
                    depth += 1
                    index += 1
                    // A "]" first in a class, or after "^", is a character of it.
                    if current == "^" { index += 1 }
                    if current == "]" { index += 1 }
                    continue
                case "]":
                    depth -= 1
                default:
                    break
                }
                index += 1
            } while depth > 0
        }

        /// An escape: a class (`\s`, `\p{L}`), an assertion (`\b`), a back reference or a quoted character.
        private mutating func skipEscape() throws {
            index += 1
            guard let scalar = current else { throw Unsupported() }
            index += 1
            if scalar == "Q" || scalar == "E" { throw Unsupported() }
            if "pPNx".unicodeScalars.contains(scalar), current == "{" {
                try skip(past: "}")
                return
            }
            switch scalar {
            case "p", "P":
                // A one-letter property without braces ("\pL").
                index += 1
            case "k" where current == "<":
                try skip(past: ">")
            case "x":
                index += 2
            case "u":
                index += 4
            case "U":
                index += 8
            case "c":
                index += 1
            default:
                break
            }
            guard index <= scalars.count else { throw Unsupported() }
        }
    }
}

/// The gate of each expression, read from its pattern the first time it is asked for. The expressions
/// are kept with their gates, so an identifier is never reused by another expression while it is cached.
enum LiteralGates {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var gates: [ObjectIdentifier: (expression: NSRegularExpression, gate: LiteralGate?)] = [:]

    static func gate(for expression: NSRegularExpression) -> LiteralGate? {
        let key = ObjectIdentifier(expression)
        if let known = lock.withLock({ gates[key] }) { return known.gate }
        let gate = LiteralGate(pattern: expression.pattern, options: expression.options)
        lock.withLock { gates[key] = (expression, gate) }
        return gate
    }

    /// Every expression asked about so far (for tests that check the gates against real text).
    static var known: [NSRegularExpression] { lock.withLock { gates.values.map(\.expression) } }

    /// Whether `expression` may match `text` (false only when the text holds none of its required words).
    static func mayMatch(_ expression: NSRegularExpression, _ text: String) -> Bool {
        gate(for: expression)?.mayMatch(text) ?? true
    }
}
