import AssayModel

/// Values read from OCR text are only as good as the recognition: their confidence is scaled by
/// the page's mean word confidence and kept below 0.85, since a misread letter in a name or a date
/// is not visible in the text itself.
enum OCRConfidence {
    static let ceiling = 0.85

    static func apply(to result: inout ExtractionResult, pages: [Page]) {
        var factor: [Int: Double] = [:]
        for page in pages where page.textLayer == .ocr { factor[page.number] = page.ocrConfidence ?? 0.5 }
        guard !factor.isEmpty else { return }
        func scaled(_ confidence: Double, _ evidence: [Evidence]) -> Double {
            let ocr = evidence.compactMap { factor[$0.page] }
            guard let worst = ocr.min() else { return confidence }
            return min(confidence * worst, ceiling)
        }
        for (name, field) in result.fields {
            result.fields[name] = Field(value: field.value, confidence: scaled(field.confidence, field.evidence), evidence: field.evidence)
        }
        for index in result.exceptions.indices {
            result.exceptions[index].confidence = Confidence.rounded(scaled(result.exceptions[index].confidence, result.exceptions[index].evidence))
        }
        for index in result.subserviceOrganizations.indices {
            let org = result.subserviceOrganizations[index]
            result.subserviceOrganizations[index].confidence = Confidence.rounded(scaled(org.confidence, org.evidence))
        }
        for index in result.cuecs.indices {
            result.cuecs[index].confidence = Confidence.rounded(scaled(result.cuecs[index].confidence, result.cuecs[index].evidence))
        }
        for index in result.claims.indices {
            result.claims[index].confidence = Confidence.rounded(scaled(result.claims[index].confidence, result.claims[index].evidence))
        }
    }
}
