/// Splits a CSV register into records, keeping the line each record starts on.
///
/// RFC 4180 as spreadsheets write it: a byte-order mark, CRLF or LF line ends, quoted fields that
/// hold commas, doubled quotes and line breaks. A register exported with a European locale
/// separates fields with semicolons: when the header line has a semicolon and no comma, the
/// semicolon is the separator.
enum RegisterCSV {
    struct Record: Equatable {
        var line: Int
        var fields: [String]
    }

    static func records(_ text: String, file: String) throws -> [Record] {
        var scalars = Substring(text).unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let firstLine = scalars.prefix { $0 != "\n" && $0 != "\r" }
        let separator: Unicode.Scalar = !firstLine.contains(",") && firstLine.contains(";") ? ";" : ","
        var records: [Record] = []
        var fields: [String] = []
        var field = String.UnicodeScalarView()
        var line = 1
        var recordLine = 1
        var quoteLine = 1
        var inQuotes = false
        var fieldWasQuoted = false
        var afterQuote = false
        var index = scalars.startIndex

        func endRecord() {
            fields.append(String(field))
            // A line with nothing on it is not a record.
            if !(fields.count == 1 && fields[0].isEmpty && !fieldWasQuoted) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = String.UnicodeScalarView()
            fieldWasQuoted = false
            afterQuote = false
        }

        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if inQuotes {
                if scalar == "\"" {
                    if index < scalars.endIndex, scalars[index] == "\"" {
                        field.append("\"")
                        index = scalars.index(after: index)
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    if scalar == "\r" {
                        if index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
                        line += 1
                        field.append("\n")
                    } else {
                        field.append(scalar)
                    }
                }
                continue
            }
            switch scalar {
            case separator:
                fields.append(String(field))
                field = String.UnicodeScalarView()
                fieldWasQuoted = false
                afterQuote = false
            case "\r", "\n":
                if scalar == "\r", index < scalars.endIndex, scalars[index] == "\n" { index = scalars.index(after: index) }
                endRecord()
                line += 1
                recordLine = line
            case "\"":
                if field.allSatisfy({ $0 == " " || $0 == "\t" }) && !afterQuote {
                    field = String.UnicodeScalarView()
                    inQuotes = true
                    fieldWasQuoted = true
                    quoteLine = line
                } else {
                    throw ControlRegisterError(file: file, line: line,
                                               "a quote inside an unquoted field (column \(fields.count + 1)); quote the whole field and double the quotes inside it")
                }
            default:
                if afterQuote {
                    if scalar == " " || scalar == "\t" { continue }
                    throw ControlRegisterError(file: file, line: line,
                                               "text after the closing quote of column \(fields.count + 1); double a quote that belongs to the text")
                }
                field.append(scalar)
            }
        }
        if inQuotes {
            throw ControlRegisterError(file: file, line: quoteLine, "a quoted field is never closed (a quote is missing)")
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return records
    }
}
