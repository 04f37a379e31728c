import AssayCore
import AssayModel
import Foundation

/// The part of the NIST OSCAL 1.1.2 assessment-results model that `assay export oscal` writes, with
/// the JSON names OSCAL uses (kebab-case). Optional members that are nil are left out of the JSON,
/// as OSCAL wants absent rather than null.
public enum OSCAL {
    public static let version = "1.1.2"
    /// The namespace of every prop Assay adds (OSCAL props outside NIST's own set must name one).
    public static let namespace = "https://assay.invalid/ns/oscal"

    public struct File: Codable, Sendable, Hashable {
        public var assessmentResults: AssessmentResults
        enum CodingKeys: String, CodingKey { case assessmentResults = "assessment-results" }
    }

    public struct AssessmentResults: Codable, Sendable, Hashable {
        public var uuid: String
        public var metadata: Metadata
        public var importAP: ImportAP
        public var results: [Result]
        public var backMatter: BackMatter?
        enum CodingKeys: String, CodingKey {
            case uuid, metadata, importAP = "import-ap", results, backMatter = "back-matter"
        }
    }

    public struct Metadata: Codable, Sendable, Hashable {
        public var title: String
        public var lastModified: String
        public var version: String
        public var oscalVersion: String
        public var props: [Prop]?
        enum CodingKeys: String, CodingKey {
            case title, lastModified = "last-modified", version, oscalVersion = "oscal-version", props
        }
    }

    public struct ImportAP: Codable, Sendable, Hashable {
        public var href: String
    }

    public struct Prop: Codable, Sendable, Hashable {
        public var name: String
        public var value: String
        public var ns: String?

        /// An Assay prop; the value is folded to one line, as OSCAL's string type allows no
        /// leading, trailing or line-breaking whitespace.
        public static func assay(_ name: String, _ value: String) -> Prop {
            Prop(name: name, value: value.foldedWhitespace, ns: OSCAL.namespace)
        }
    }

    public struct Result: Codable, Sendable, Hashable {
        public var uuid: String
        public var title: String
        public var description: String
        public var start: String
        public var props: [Prop]?
        public var reviewedControls: ReviewedControls
        public var observations: [Observation]?
        public var findings: [Finding]?
        enum CodingKeys: String, CodingKey {
            case uuid, title, description, start, props, reviewedControls = "reviewed-controls", observations, findings
        }
    }

    public struct ReviewedControls: Codable, Sendable, Hashable {
        public var controlSelections: [ControlSelection]
        enum CodingKeys: String, CodingKey { case controlSelections = "control-selections" }
    }

    public struct ControlSelection: Codable, Sendable, Hashable {
        public var description: String?
        public var includeAll: IncludeAll
        enum CodingKeys: String, CodingKey { case description, includeAll = "include-all" }
    }

    /// OSCAL's empty `include-all` object.
    public struct IncludeAll: Codable, Sendable, Hashable {}

    public struct Observation: Codable, Sendable, Hashable {
        public var uuid: String
        public var title: String
        public var description: String
        public var props: [Prop]
        public var methods: [String]
        public var relevantEvidence: [RelevantEvidence]
        public var collected: String
        enum CodingKeys: String, CodingKey {
            case uuid, title, description, props, methods, relevantEvidence = "relevant-evidence", collected
        }
    }

    public struct RelevantEvidence: Codable, Sendable, Hashable {
        public var href: String
        public var description: String
        public var props: [Prop]
    }

    public struct Finding: Codable, Sendable, Hashable {
        public var uuid: String
        public var title: String
        public var description: String
        public var props: [Prop]
        public var target: Target
        public var relatedObservations: [RelatedObservation]?
        enum CodingKeys: String, CodingKey {
            case uuid, title, description, props, target, relatedObservations = "related-observations"
        }
    }

    public struct Target: Codable, Sendable, Hashable {
        public var type: String
        public var targetID: String
        public var status: Status
        enum CodingKeys: String, CodingKey { case type, targetID = "target-id", status }
    }

    public struct Status: Codable, Sendable, Hashable {
        public var state: String
    }

    public struct RelatedObservation: Codable, Sendable, Hashable {
        public var observationUUID: String
        enum CodingKeys: String, CodingKey { case observationUUID = "observation-uuid" }
    }

    public struct BackMatter: Codable, Sendable, Hashable {
        public var resources: [Resource]
    }

    public struct Resource: Codable, Sendable, Hashable {
        public var uuid: String
        public var title: String
        public var props: [Prop]
        public var rlinks: [RLink]
    }

    public struct RLink: Codable, Sendable, Hashable {
        public var href: String
        public var mediaType: String?
        public var hashes: [Hash]
        enum CodingKeys: String, CodingKey { case href, mediaType = "media-type", hashes }
    }

    public struct Hash: Codable, Sendable, Hashable {
        public var algorithm: String
        public var value: String
    }
}
