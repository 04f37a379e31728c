import AssayModel

/// Builds text lines on a nominal character grid for inputs that carry no geometry (HTML, plain
/// text): one unit a character across, one unit a line down.
enum GridLines {
    static func lines(_ texts: [String]) -> [TextLine] {
        texts.enumerated().map { index, text in
            let y = Double(index)
            var words: [Word] = []
            var column = 0
            for piece in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == " " || $0 == "\t" }) {
                if !piece.isEmpty {
                    let width = piece.count
                    let box = Box(x0: Double(column), y0: y, x1: Double(column + width), y1: y + 1)
                    words.append(Word(text: String(piece), box: box))
                }
                column += piece.count + 1
            }
            let box = Box(x0: 0, y0: y, x1: Double(text.count), y1: y + 1)
            return TextLine(text: text, box: box, words: words)
        }
    }
}
