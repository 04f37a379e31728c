import AssayCore
import AssayModel

/// Builds the vendor view from contract documents: groups them by vendor, then for each vendor its
/// timeline, consistency checks, findings, merged CUECs and questions.
public struct VendorAnalyzer: Sendable {
    let rules: VendorRules
    let names: VendorNameFolder
    /// Compares reports across vendors (report mills); `nil` when built without a rule book.
    let templates: TemplateMatcher?

    public init(rules: RuleBook) throws {
        self.rules = try VendorRules.load(rules)
        names = try VendorNameFolder(rules: rules)
        templates = try TemplateMatcher(rules: rules)
    }

    public init(rules: VendorRules, names: VendorNameFolder, templates: TemplateMatcher? = nil) {
        self.rules = rules
        self.names = names
        self.templates = templates
    }

    /// Today's date, the default as-of date (the same clock as document findings).
    public static func today() -> ISODate { FindingsMapper.today() }

    public func analyze(_ inputs: [VendorInput], asOf: ISODate) throws -> VendorView {
        var slugs = Set<String>()
        var vendors: [VendorRecord] = []
        let groups = VendorGrouper(folder: names).group(inputs)
        let matches = templates?.matches(groups.flatMap { group in
            group.inputs.map { TemplateMatcher.Report(vendor: group.name, document: $0.document) }
        }) ?? []
        for group in groups {
            var record = try analyze(group, asOf: asOf)
            var slug = record.slug
            var counter = 2
            while slugs.contains(slug) {
                slug = "\(record.slug)-\(counter)"
                counter += 1
            }
            slugs.insert(slug)
            record.slug = slug
            let paths = Set(group.inputs.map(\.document.source.path))
            record.templateMatches = matches.filter { paths.contains($0.path) }
            vendors.append(record)
        }
        return VendorView(asOf: asOf, vendors: vendors)
    }

    func analyze(_ group: VendorGrouper.Group, asOf: ISODate) throws -> VendorRecord {
        let inputs = group.inputs
        let timeline = CoverageTimeline(inputs: inputs, asOf: asOf, tolerances: rules.tolerances)
        let consistency = ConsistencyChecker(names: names).check(inputs)
        let claims = ClaimMatcher(inputs: inputs, periodToleranceDays: rules.tolerances.claimPeriodDays).claims()
        let findings = try VendorFindingRules(rules: rules, inputs: inputs, timeline: timeline, consistency: consistency,
                                              claims: claims, asOf: asOf).all()
        let documents = inputs.map(\.document)
        let cuecs = CUECMerger(threshold: rules.cuecSimilarity)
            .merge(documents: documents)
        return VendorRecord(
            name: group.name, slug: VendorGrouper.slug(group.name), groupedBy: group.grouping,
            documents: inputs.map { input in
                let document = input.document
                return VendorDocument(path: document.source.path, kind: document.document.kind, type: document.document.type,
                                      organization: input.organization, error: document.error?.code.rawValue,
                                      findings: document.findings.count)
            },
            timeline: timeline.spans, gaps: timeline.gaps, overlaps: timeline.overlaps, findings: findings,
            consistency: consistency, cuecs: cuecs,
            questions: QuestionList.build(vendorFindings: findings, documents: documents, timeline: timeline.spans,
                                         superseded: rules.supersededByLater),
            claims: claims,
            scopeDrift: ScopeDriftChecker(names: names).changes(inputs))
    }
}
