import AssayModel
import Foundation

/// The scope statement: the text block under its heading ("Scope of certification", "Geltungsbereich"),
/// which ends where the type size changes or a Statement of Applicability reference follows; else a
/// block that opens the way scopes do ("… Management System for the design …").
struct CertificateScopeExtractor: CertificatePartExtractor {
    func extract(_ certificate: CertificateContext, into result: inout ExtractionResult) {
        let context = certificate.document
        let layouts = certificate.layouts
        let rules = certificate.rules
        let headings = rules.scopeHeadings.sorted { LabelText.compact($0).count > LabelText.compact($1).count }
        let soa = rules.soaPhrases.map(LabelText.compact)
        for layout in layouts {
            let segments = layout.segments
            for (index, segment) in segments.enumerated() {
                guard let rest = headings.lazy.compactMap({ LabelText.remainder(of: segment.text, after: $0) }).first else { continue }
                // A heading is short; a sentence that merely starts with "Scope" is not one.
                if !rest.isEmpty && rest.count < 20 { continue }
                var lines: [LayoutSegment] = []
                var words: [PlacedWord] = []
                if !rest.isEmpty {
                    let tail = Array(segment.words.suffix(rest.split(separator: " ").count))
                    words += tail
                    lines.append(LayoutSegment(words: tail))
                }
                var current = lines.last ?? segment
                var first = lines.isEmpty
                while true {
                    let limit = first ? 3 * max(current.height, 8) : 0.9 * max(current.height, 6)
                    let next = segments.enumerated().filter { $0.offset != index && $0.element.box.y0 >= current.box.y1 - 1 &&
                        $0.element.box.y0 - current.box.y1 < limit && !lines.contains($0.element) &&
                        (first ? ($0.element.box.x1 > segment.box.x0 && $0.element.box.x0 < segment.box.x1 + 150) : current.overlapsHorizontally($0.element)) }
                        .min { $0.element.box.y0 < $1.element.box.y0 }?.element
                    guard let next else { break }
                    if let reference = lines.first, abs(next.height - reference.height) > 0.15 * reference.height { break }
                    let compact = LabelText.compact(next.text)
                    // The SoA reference that follows a scope ends it; one the scope's sentence runs into belongs to it.
                    let endsSentence = lines.last.map { $0.text.hasSuffix(".") } ?? true
                    if endsSentence, soa.contains(where: { phrase in compact.range(of: phrase).map { compact.distance(from: compact.startIndex, to: $0.lowerBound) < 25 } ?? false }) { break }
                    lines.append(next)
                    words += next.words
                    current = next
                    first = false
                }
                let text = lines.map(\.text).joined(separator: " ").foldedWhitespace
                // A line that introduces a list ("The following site is part of …:") is not the scope.
                guard text.count >= 20, !text.hasSuffix(":") else { continue }
                result.set("scope", text, confidence: 0.9, evidence: context.evidence(words: words, limit: 1))
                return
            }
        }
        readUnheadedScope(context, layouts: layouts, rules: rules, into: &result)
    }

    /// A scope printed without a readable heading (the heading is drawn as a picture or on a curve)
    /// that opens the way scopes do: "Business Continuity Management System for the design …".
    /// Its lines run on in the same type size; read at a lower confidence than a headed scope.
    private func readUnheadedScope(_ context: DocumentContext, layouts: [PageLayout], rules: CertificateRules,
                                   into result: inout ExtractionResult) {
        guard result.fields["scope"] == nil, let pattern = rules.scopeOpening,
              let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { return }
        for layout in layouts {
            let segments = layout.segments
            for segment in segments {
                let ns = segment.text as NSString
                guard let match = regex.firstMatch(in: segment.text, range: NSRange(location: 0, length: ns.length)), match.range.location == 0 else { continue }
                var lines = [segment]
                var current = segment
                while let next = segments.filter({ !lines.contains($0) && $0.box.y0 >= current.box.y1 - 1 &&
                    $0.box.y0 - current.box.y1 < 0.9 * max(current.height, 6) && current.overlapsHorizontally($0) &&
                    abs($0.height - segment.height) <= 0.15 * segment.height }).min(by: { $0.box.y0 < $1.box.y0 }), lines.count < 12 {
                    lines.append(next)
                    current = next
                }
                let text = lines.map(\.text).joined(separator: " ").foldedWhitespace
                guard text.count >= 30 else { continue }
                result.set("scope", text, confidence: 0.75, evidence: context.evidence(words: segment.words, limit: 1))
                return
            }
        }
    }
}
