import AssayCore
import AssayModel

/// One document of a vendor run and the top-level folder of the drop folder it came from.
public struct VendorInput: Sendable, Hashable {
    public var document: AssayDocument
    /// The vendor folder (first component below the drop folder); nil for a file directly in the
    /// drop folder or given on its own.
    public var folder: String?

    public init(document: AssayDocument, folder: String?) {
        self.document = document
        self.folder = folder
    }

    /// The organisation the document names, as written: the service organisation of a report,
    /// bridge letter or trust page, or the holder of a certificate.
    public var organization: String? {
        document.organization?.value.display
    }
}

/// Puts documents together by vendor: by their folder when they have one, otherwise by the
/// organisation they name with its name folded.
public struct VendorGrouper: Sendable {
    public struct Group: Sendable, Hashable {
        public var name: String
        public var grouping: VendorGrouping
        public var inputs: [VendorInput]
    }

    let folder: VendorNameFolder

    public init(folder: VendorNameFolder) {
        self.folder = folder
    }

    /// Groups in a stable order (by name, then how they were grouped); documents within a group by path.
    public func group(_ inputs: [VendorInput]) -> [Group] {
        var groups: [String: Group] = [:]
        for input in inputs.sorted(by: { $0.document.source.path < $1.document.source.path }) {
            let key: String
            let name: String
            let grouping: VendorGrouping
            if let vendorFolder = input.folder, !vendorFolder.isEmpty {
                key = "folder:\(vendorFolder)"
                name = vendorFolder
                grouping = .folder
            } else if let organization = input.organization, !folder.fold(organization).isEmpty {
                key = "organization:\(folder.fold(organization))"
                name = organization
                grouping = .organization
            } else {
                key = "unknown"
                name = "Unknown organisation"
                grouping = .unknown
            }
            groups[key, default: Group(name: name, grouping: grouping, inputs: [])].inputs.append(input)
        }
        return groups.values.sorted { ($0.name.lowercased(), $0.grouping.rawValue) < ($1.name.lowercased(), $1.grouping.rawValue) }
    }

    /// A file-name-safe slug: lower-case ASCII letters and digits joined by single hyphens.
    public static func slug(_ name: String) -> String {
        var out = ""
        var pendingHyphen = false
        for scalar in name.lowercased().unicodeScalars {
            if scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)) {
                if pendingHyphen && !out.isEmpty { out += "-" }
                pendingHyphen = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingHyphen = true
            }
        }
        return out.isEmpty ? "vendor" : String(out.prefix(80))
    }
}
