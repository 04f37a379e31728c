import AssayCore
import AssayIngest
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The lines a worker writes on its standard error to tell its parent about OCR work, and how the
/// parent reads them. They start with a control character no message of ours or poppler's starts
/// with, and never reach the user: the parent takes them out of the worker's stderr.
enum WorkerProgress {
    static let prefix = "\u{1F}assay-ocr "

    /// Seconds of wall clock each page that needs OCR adds to the deadline, per thread recognising:
    /// Tesseract took 2.5 s for a dense 300 dpi page with English and 5.1 s with four languages here.
    static let secondsPerOCRPage = 8.0
    /// The most OCR can add to one document's deadline.
    static let maxOCRSeconds = 3_000.0

    /// The extra wall-clock time `pages` pages on `threads` threads are allowed.
    static func allowance(pages: Int, threads: Int) -> Double {
        let rounds = (max(0, pages) + max(1, threads) - 1) / max(1, threads)
        return min(maxOCRSeconds, Double(rounds) * secondsPerOCRPage)
    }

    static func line(_ event: OCRProgress.Event) -> String {
        switch event {
        case .planned(let pages, let threads): return "\(prefix)planned \(pages) \(threads)\n"
        case .recognised(let done, let total): return "\(prefix)page \(done) \(total)\n"
        }
    }

    static func parse(_ line: Substring) -> OCRProgress.Event? {
        guard line.hasPrefix(prefix) else { return nil }
        let parts = line.dropFirst(prefix.count).split(separator: " ")
        guard parts.count == 3, let a = Int(parts[1]), let b = Int(parts[2]), a >= 0, b >= 0 else { return nil }
        switch parts[0] {
        case "planned": return .planned(pages: a, threads: b)
        case "page": return .recognised(done: a, total: b)
        default: return nil
        }
    }

    /// In the worker: sends OCR events to the parent and, when OCR is planned, raises the worker's
    /// own CPU-time limit by the same allowance the parent adds to its deadline (the hard limit was
    /// set with room for it).
    static func installInWorker(cpuSeconds: Int) {
        OCRProgress.install { event in
            if case .planned(let pages, let threads) = event {
                let extra = rlim_t(allowance(pages: pages, threads: threads) * Double(max(1, threads)))
                var cpu = rlimit()
                if getrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &cpu) == 0, cpu.rlim_cur != rlim_t.max {
                    cpu.rlim_cur = min(cpu.rlim_max, rlim_t(cpuSeconds) + extra)
                    _ = setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &cpu)
                }
            }
            let bytes = Array(line(event).utf8)
            bytes.withUnsafeBytes { raw in _ = write(2, raw.baseAddress, raw.count) }
        }
    }
}
