/// An RFC 4180 reader over UTF-8 bytes: quoted fields may hold commas, doubled quotes and line
/// breaks; rows end with LF or CRLF; a leading byte-order mark is skipped. Works on bytes (not
/// Characters) so a million-row catalog parses in seconds.
struct CSVReader {
    struct Record {
        /// The physical line the record starts on (1 = the first line of the file).
        let line: Int
        let fields: [String]
        /// Set when the record's quoting is broken; `fields` is then what could be read.
        let problem: String?
    }

    private let bytes: [UInt8]
    private var index: Int
    private var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr: UInt8 = 13, lf: UInt8 = 10

    /// The next record, or nil at the end. Blank lines are skipped.
    mutating func next() -> Record? {
        while index < bytes.count, bytes[index] == Self.lf || bytes[index] == Self.cr {
            if bytes[index] == Self.lf { line += 1 }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let startLine = line
        var fields: [String] = []
        var problem: String?
        var field: [UInt8] = []
        while true {
            field.removeAll(keepingCapacity: true)
            if index < bytes.count, bytes[index] == Self.quote {
                index += 1
                var closed = false
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == Self.quote {
                        if index + 1 < bytes.count, bytes[index + 1] == Self.quote {
                            field.append(Self.quote)
                            index += 2
                            continue
                        }
                        index += 1
                        closed = true
                        break
                    }
                    if byte == Self.lf { line += 1 }
                    field.append(byte)
                    index += 1
                }
                if !closed { problem = problem ?? "a quoted field is not closed before the end of the file" }
                // After the closing quote only a separator or the end of the row may follow.
                if index < bytes.count, bytes[index] != Self.comma, bytes[index] != Self.lf, bytes[index] != Self.cr {
                    problem = problem ?? "text follows a closing quote (a quote inside a field must be doubled)"
                    while index < bytes.count, bytes[index] != Self.comma, bytes[index] != Self.lf, bytes[index] != Self.cr {
                        field.append(bytes[index])
                        index += 1
                    }
                }
            } else {
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == Self.comma || byte == Self.lf || byte == Self.cr { break }
                    if byte == Self.quote { problem = problem ?? "a quote appears inside an unquoted field" }
                    field.append(byte)
                    index += 1
                }
            }
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                problem = problem ?? "a field is not valid UTF-8 text (save the file as UTF-8)"
                fields.append(String(decoding: field, as: UTF8.self))
            }
            if index < bytes.count, bytes[index] == Self.comma {
                index += 1
                continue
            }
            // End of row: CRLF, LF, a lone CR, or the end of the file.
            if index < bytes.count, bytes[index] == Self.cr { index += 1 }
            if index < bytes.count, bytes[index] == Self.lf {
                index += 1
                line += 1
            }
            return Record(line: startLine, fields: fields, problem: problem)
        }
    }
}
