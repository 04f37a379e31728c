import AssayCore
import AssayIngest
import AssayModel
import Foundation

/// What a worker does with its request, whether it was started as `assay worker` or forked from
/// the parent: put its limits on itself, read the document, and answer with the contract document
/// as one JSON line, followed by the HTML review page when the request asks for one (or, when the
/// request says how the document will be printed, `ok` or `failed` and the document so printed).
public enum WorkerJob {
    public static func perform(_ request: WorkerRequest, password: String?) -> Data {
        WorkerLimits.apply(maxMemoryMB: request.maxMemoryMB, cpuSeconds: request.cpuSeconds)
        WorkerProgress.installInWorker(cpuSeconds: request.cpuSeconds)
        WorkerTestHook.apply(path: request.path)
        let document = DocumentPipeline.extract(path: request.path, label: request.label,
                                                options: request.options(password: password))
        var output = Data()
        if let style = request.printAs {
            output.append(Data((document.isFailure ? "failed\n" : "ok\n").utf8))
            output.append(style.printedBytes(document))
            return output
        }
        output.append(Data(ContractJSON.string(document, pretty: false).utf8))
        output.append(UInt8(ascii: "\n"))
        if request.renderReport == true {
            // The review page follows the document line; the parent splits at the first newline.
            let pdf = document.source.mediaType == MediaType.pdf.rawValue
                ? try? InputFile.read(path: request.path, maxBytes: request.maxBytes) : nil
            output.append(Data(ReportPage.render(document, pdf: pdf, password: password).utf8))
        }
        return output
    }
}
