import ArgumentParser

/// How `extract` prints its documents.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// One pretty-printed contract object (an array of them for several files).
    case json
    /// One compact contract object per line.
    case jsonl
    /// A short readable summary per document.
    case text
    /// A review memo in Markdown, to paste into a ticket.
    case md
}
