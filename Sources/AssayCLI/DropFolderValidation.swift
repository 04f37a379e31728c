import ArgumentParser
import AssayModel
import Foundation

/// The checks `batch` and `watch` share: a readable input folder, an output folder outside it,
/// a sane number of jobs and a well-formed as-of date.
enum DropFolderValidation {
    static func validate(directory: String, out: String, jobs: Int?, asOf: String?) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(directory) is not a folder.")
        }
        if let jobs, jobs < 1 || jobs > 64 { throw ValidationError("--jobs must be between 1 and 64.") }
        if let asOf, !ISODate.isValid(asOf) { throw ValidationError("--as-of must be a date written YYYY-MM-DD.") }
        let input = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        let output = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath().path
        if output == input || (input + "/").hasPrefix(output + "/") {
            throw ValidationError("--out must not be the folder being read or a folder that contains it.")
        }
    }
}
