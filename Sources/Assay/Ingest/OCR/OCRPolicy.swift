import AssayModel

/// Decides which pages need OCR: those whose text layer is missing or is not text.
enum OCRPolicy {
    /// Fewer non-space characters than this is "no text" (a page number or a stray mark).
    static let minimumCharacters = 20

    static func needsOCR(_ page: Page, mode: OCRMode) -> Bool {
        switch mode {
        case .never: return false
        case .always: return true
        case .auto: return !hasUsableText(page)
        }
    }

    /// Documents up to this many pages may be certificates drawn as pictures.
    static let maximumPicturePages = 6
    /// A page whose largest image covers this share of it is a picture page.
    static let pictureShare = 0.6
    /// A picture page with more text than this is a document that merely has a background.
    static let maximumPictureCharacters = 2_500

    /// Whether a page with text might still hold words only in a picture (a certificate's labels,
    /// the issuer's name, the accreditation marks): a short document and a page with little text.
    static func mayBePicturePage(_ page: Page, documentPages: Int?) -> Bool {
        guard let documentPages, documentPages <= maximumPicturePages else { return false }
        let characters = page.lines.reduce(0) { $0 + $1.words.reduce(0) { $0 + $1.text.unicodeScalars.count } }
        return characters <= maximumPictureCharacters
    }

    static func hasUsableText(_ page: Page) -> Bool {
        let characters = page.lines.reduce(0) { $0 + $1.words.reduce(0) { $0 + $1.text.unicodeScalars.count } }
        if characters < minimumCharacters { return false }
        return !TextQuality.isGarbled(page.text)
    }
}

/// Text that is not text: broken font encodings and wrongly decrypted streams give mostly
/// replacement, control or private-use characters, or letters that never form words.
enum TextQuality {
    /// Vowels of Latin-script languages, as a table indexed by scalar value below U+0250.
    static let vowels: [Bool] = {
        var table = [Bool](repeating: false, count: 0x250)
        for scalar in "aeiouyAEIOUYäöüéèàáíóúâêîôûÄÖÜÉÈÀÁÍÓÚÂÊÎÔÛ".unicodeScalars { table[Int(scalar.value)] = true }
        return table
    }()

    static func isGarbled(_ text: String) -> Bool {
        var total = 0, bad = 0, letters = 0, vowels = 0
        for scalar in text.unicodeScalars where !scalar.isSpaceLike {
            total += 1
            let value = scalar.value
            if value == 0xFFFD || (value < 0x20) || (0xE000...0xF8FF).contains(value) || (0x7F...0x9F).contains(value) {
                bad += 1
            }
            if value < 0x250 && scalar.isLetterLike {
                letters += 1
                if Self.vowels[Int(value)] { vowels += 1 }
            }
        }
        guard total >= 20 else { return false }
        if Double(bad) / Double(total) > 0.3 { return true }
        // Latin-script prose has vowels in roughly a third of its letters; random glyph codes do not.
        if letters > 50 && Double(vowels) / Double(letters) < 0.12 { return true }
        return false
    }
}
