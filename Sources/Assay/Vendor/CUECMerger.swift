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

    public func merge(_ items: [(path: String, cuec: CUEC)]) -> [MergedCUEC] {
        var merged: [MergedCUEC] = []
        var wordSets: [Set<String>] = []
        for (path, cuec) in items {
            let words = Set(VendorNameFolder.words(cuec.text))
            let sources = cuec.evidence.isEmpty ? [VendorEvidence(path: path, page: 1, quote: "")] : cuec.evidence.map { VendorEvidence(path: path, $0) }
            if let index = wordSets.indices.first(where: { Self.similarity(wordSets[$0], words) >= threshold }) {
                for criterion in cuec.criteria where !merged[index].criteria.contains(criterion) { merged[index].criteria.append(criterion) }
                for source in sources where !merged[index].sources.contains(source) { merged[index].sources.append(source) }
                continue
            }
            merged.append(MergedCUEC(text: cuec.text, criteria: cuec.criteria, sources: sources))
            wordSets.append(words)
        }
        return merged
    }

    /// Shared words over all words; two empty texts are the same.
    static func similarity(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
    }
}
