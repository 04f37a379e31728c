/// Where a document is parsed.
public enum Isolation: Sendable, Hashable {
    /// In the calling process: fastest, and right for documents you trust or already isolate.
    case none
    /// In a child process of the `assay` executable at `executable` (its hidden `worker` mode), under
    /// a wall-clock deadline, a memory cap and a CPU limit. A PDF that makes poppler loop, crash or
    /// exhaust memory then costs one error record (`timeout`, `too_large`, `crashed`) and nothing else.
    case worker(executable: String, limits: IsolationLimits = IsolationLimits())
}
