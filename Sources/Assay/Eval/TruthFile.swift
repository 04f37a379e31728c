import AssayCore
import AssayModel
import Foundation

/// A hand-written answer file (`NAME.truth.json`, format in corpus/README.md).
public struct TruthFile: Decodable, Sendable {
    public struct Kind: Decodable, Sendable {
        public var kind: DocumentKind
        public var type: ReportType?
    }

    public struct ExceptionTruth: Decodable, Sendable {
        public var control_id: String?
        public var criteria: [String]?
        public var deviation: String?
        public var page: Int?
        public var has_management_response: Bool?
        /// Items sampled and items that deviated, when the deviation's text gives them ("For 1 of 8 …").
        public var sample_size: Int?
        public var deviations: Int?
    }

    public struct SubserviceTruth: Decodable, Sendable {
        public var name: String
        public var method: SubserviceMethod?
    }

    public struct ClaimTruth: Decodable, Sendable {
        public var kind: DocumentKind
        public var type: ReportType?
        public var standard: String?
        public var period_end: String?
        public var expiry_date: String?
    }

    public var as_of: String?
    public var document: Kind?
    public var fields: [String: FieldValue]?
    public var exceptions: [ExceptionTruth]?
    public var subservice_organizations: [SubserviceTruth]?
    public var cuec_count: Int?
    public var claims: [ClaimTruth]?
    /// Tests of controls (Section IV): how many controls, and facts about a few of them.
    public var controls: ControlsTruth?
    /// Complementary subservice-organisation controls; present (even empty) when the answer states them.
    public var csocs: [CSOCTruth]?
    public var findings: [String]?
    public var error: String?

    /// Facts about the controls of Section IV (`controls[]`).
    public struct ControlsTruth: Decodable, Sendable {
        /// How many controls `controls[]` should hold.
        public var count: Int?
        /// How many of them are tested by inquiry alone.
        public var inquiry_only: Int?
        public var items: [ControlTruth]?
    }

    /// One control: found by its id, or else by the opening words of its text; each fact given is checked.
    public struct ControlTruth: Decodable, Sendable {
        public var control_id: String?
        public var text: String?
        /// The methods of all its tests together.
        public var methods: [TestMethod]?
        /// A sample size one of its tests prints.
        public var sample_size: Int?
        /// A result one of its tests has.
        public var result: TestResult?
    }

    public struct CSOCTruth: Decodable, Sendable {
        public var text: String
        public var subservice_organization: String?
        public var criteria: [String]?
    }
}
