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
    public var findings: [String]?
    public var error: String?
}
