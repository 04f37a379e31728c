import ArgumentParser
import AssayModel
import Foundation

/// The checks `batch` and `watch` share: a readable input folder, an output folder outside it,
/// and a sane number of jobs (the as-of date is checked by `ReadingOptions`).
enum DropFolderValidation {
    static func validate(directory: String, out: String, jobs: Int?) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("\(directory) is not a folder.")
        }
        if let jobs, jobs < 1 || jobs > 64 { throw ValidationError("--jobs must be between 1 and 64.") }
        let input = URL(fileURLWithPath: directory).standardizedFileURL.resolvingSymlinksInPath().path
        let output = URL(fileURLWithPath: out).standardizedFileURL.resolvingSymlinksInPath().path
        if output == input || (input + "/").hasPrefix(output + "/") {
            throw ValidationError("--out must not be the folder being read or a folder that contains it.")
        }
    }
}
