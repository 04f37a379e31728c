import AssayCore
import AssayModel

/// Merges the CUECs of several reports into one to-do list: texts whose folded word sets agree at
/// least as much as the threshold (Jaccard index) are one item, which keeps the first wording met,
/// the criteria of all, and the evidence of each.
public struct CUECMerger: Sendable {
    public var threshold: Double

    public init(threshold: Double) {
        self.threshold = threshold
    }

    /// Merges the CUECs of `documents`, carrying each one's own-control matches when the document
    /// was matched to a control register (`--controls`).
    public func merge(documents: [AssayDocument]) -> [MergedCUEC] {
        var items: [(path: String, cuec: CUEC)] = []
        var ownControls: [[OwnControlMatch]?] = []
        for document in documents {
            for (index, cuec) in document.cuecs.enumerated() {
                items.append((document.source.path, cuec))
                ownControls.append(document.cuecReconciliation.map { $0.match(for: index)?.controls ?? [] })
            }
        }
        return merge(items, ownControls: ownControls)
    }

    /// `ownControls[i]` are the matches of `items[i]` (nil: not reconciled); one merged CUEC keeps
    /// every control any of its wordings matched, with the best score and its reason, best first.
    public func merge(_ items: [(path: String, cuec: CUEC)], ownControls: [[OwnControlMatch]?] = []) -> [MergedCUEC] {
        var merged: [MergedCUEC] = []
        var wordSets: [Set<String>] = []
        for (offset, (path, cuec)) in items.enumerated() {
            let matches = offset < ownControls.count ? ownControls[offset] : nil
            let words = Set(VendorNameFolder.words(cuec.text))
            let sources = cuec.evidence.isEmpty ? [VendorEvidence(path: path, page: 1, quote: "")] : cuec.evidence.map { VendorEvidence(path: path, $0) }
            if let index = wordSets.indices.first(where: { Self.similarity(wordSets[$0], words) >= threshold }) {
                for criterion in cuec.criteria where !merged[index].criteria.contains(criterion) { merged[index].criteria.append(criterion) }
                for source in sources where !merged[index].sources.contains(source) { merged[index].sources.append(source) }
                if let matches { merged[index].ownControls = Self.union(merged[index].ownControls ?? [], matches) }
                continue
            }
            merged.append(MergedCUEC(text: cuec.text, criteria: cuec.criteria, sources: sources,
                                     ownControls: matches.map { Self.union([], $0) }))
            wordSets.append(words)
        }
        return merged
    }

    /// Each control once, with its best score (and that match's reason), best first.
    static func union(_ a: [OwnControlMatch], _ b: [OwnControlMatch]) -> [OwnControlMatch] {
        var best: [String: OwnControlMatch] = [:]
        for match in a + b where (best[match.id]?.score ?? -1) < match.score { best[match.id] = match }
        return best.values.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }
    }

    /// Shared words over all words; two empty texts are the same.
    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
    }
}
