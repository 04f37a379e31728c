import AssayCore
import AssayModel
import Foundation

/// Reads the contract documents an `assay batch DIR --out BATCHOUT` run wrote — one
/// `BATCHOUT/<path below DIR>.json` per document — so that the vendor view needs no second extraction.
/// Other JSON files in the folder (anything that is not an `assay.document/v1` object) are skipped.
public enum VendorBatchReader {
    public static func read(_ folder: URL) throws -> [VendorInput] {
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else {
            throw CocoaError(.fileReadNoPermission, userInfo: [NSFilePathErrorKey: folder.path])
        }
        var inputs: [VendorInput] = []
        while let relative = walker.nextObject() as? String {
            guard relative.hasSuffix(".json"), !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(relative).path),
                  let document = try? ContractJSON.decodeDocument(data), document.schema == AssayDocument.schemaID else { continue }
            let parts = relative.split(separator: "/")
            inputs.append(VendorInput(document: document, folder: parts.count > 1 ? String(parts[0]) : nil))
        }
        return inputs.sorted { $0.document.source.path < $1.document.source.path }
    }
}
