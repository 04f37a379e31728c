import AssayIngest
import Foundation

enum StandardInput {
    static func read(maxBytes: Int) throws -> Data {
        try InputFile.readStream(fd: 0, label: "standard input", maxBytes: maxBytes)
    }
}
