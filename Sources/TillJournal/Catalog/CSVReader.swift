import TillCore

/// An RFC 4180 reader over UTF-8 bytes: quoted fields may hold commas, doubled quotes and line
/// breaks; rows end with LF, CRLF or a lone CR (each one line, as editors count them); a leading
/// byte-order mark is skipped. Works on bytes (not
/// Characters) so a million-row catalog parses in seconds.
///
/// A broken record never takes good rows with it: `resume(after:)` starts again at the line after
/// the one a broken record began on, so an unclosed quote on line 3 costs line 3, not the file.
struct CSVReader {
    struct Record {
        /// The physical line the record starts on (1 = the first line of the file).
        let line: Int
        /// The physical line it ends on (after a quoted line break, later than `line`).
        let lastLine: Int
        let fields: [String]
        /// Set when the record is broken; `fields` is then what could be read.
        let problem: CSVProblem?
        /// Where the line after `line` starts: where reading resumes if this record is refused.
        let nextLineOffset: Int

        var spansLines: Bool { lastLine > line }
    }

    private let bytes: [UInt8]
    private var index: Int
    private var line = 1

    init(bytes: [UInt8]) {
        self.bytes = bytes
        index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    private static let comma = UInt8(ascii: ","), quote = UInt8(ascii: "\""), cr: UInt8 = 13, lf: UInt8 = 10

    /// Reads on from the line after the one `record` started on: the lines a broken quote ran
    /// over are read again as rows of their own.
    mutating func resume(after record: Record) {
        index = min(record.nextLineOffset, bytes.count)
        line = record.line + 1
    }

    /// Whether the byte at `at` ends a line: an LF, or a CR not followed by an LF (CRLF ends at its LF).
    private func isLineEnd(_ at: Int) -> Bool {
        bytes[at] == Self.lf || (bytes[at] == Self.cr && (at + 1 >= bytes.count || bytes[at + 1] != Self.lf))
    }

    /// The next record, or nil at the end. Blank lines are skipped.
    mutating func next() -> Record? {
        while index < bytes.count, bytes[index] == Self.lf || bytes[index] == Self.cr {
            if isLineEnd(index) { line += 1 }
            index += 1
        }
        guard index < bytes.count else { return nil }
        let startLine = line
        let nextLineOffset = (index..<bytes.count).first(where: isLineEnd).map { $0 + 1 } ?? bytes.count
        var fields: [String] = []
        var problem: CSVProblem?
        var field: [UInt8] = []
        while true {
            field.removeAll(keepingCapacity: true)
            let fieldStart = index
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
                    if byte == Self.lf || byte == Self.cr, isLineEnd(index) { line += 1 }
                    field.append(byte)
                    index += 1
                }
                if !closed { problem = problem ?? .unclosedQuote(openedOnLine: startLine) }
                // After the closing quote only a separator or the end of the row may follow.
                if index < bytes.count, bytes[index] != Self.comma, bytes[index] != Self.lf, bytes[index] != Self.cr {
                    problem = problem ?? .textAfterClosingQuote
                    while index < bytes.count, bytes[index] != Self.comma, bytes[index] != Self.lf, bytes[index] != Self.cr {
                        field.append(bytes[index])
                        index += 1
                    }
                }
            } else {
                while index < bytes.count {
                    let byte = bytes[index]
                    if byte == Self.comma || byte == Self.lf || byte == Self.cr { break }
                    if byte == Self.quote { problem = problem ?? .quoteInUnquotedField }
                    field.append(byte)
                    index += 1
                }
            }
            if let text = String(validating: field, as: UTF8.self) {
                fields.append(text)
            } else {
                if problem == nil {
                    let bad = UTF8Check.firstInvalidByte(field) ?? 0
                    // The byte's offset in the file (0 = the first byte, a byte-order mark included),
                    // as `cmp` and hex editors count; a quoted field's opening quote is skipped.
                    let skipped = fieldStart < bytes.count && bytes[fieldStart] == Self.quote ? 1 : 0
                    problem = .invalidUTF8(byteOffset: fieldStart + skipped + bad)
                }
                fields.append(String(decoding: field, as: UTF8.self))
            }
            if index < bytes.count, bytes[index] == Self.comma {
                index += 1
                continue
            }
            // End of row: CRLF, LF, a lone CR, or the end of the file.
            let lastLine = line
            if index < bytes.count, bytes[index] == Self.cr { index += 1 }
            if index < bytes.count, bytes[index] == Self.lf { index += 1 }
            if index > 0, index <= bytes.count, isLineEnd(index - 1) { line += 1 }
            return Record(line: startLine, lastLine: lastLine, fields: fields, problem: problem, nextLineOffset: nextLineOffset)
        }
    }
}

/// Why a CSV record could not be read as written, in words a shop owner can act on.
public enum CSVProblem: Hashable, Sendable {
    /// A quoted field opened on this line is never closed (an odd number of quotes).
    case unclosedQuote(openedOnLine: Int)
    case textAfterClosingQuote
    case quoteInUnquotedField
    /// Not UTF-8 text; `byteOffset` counts from the file's first byte (0).
    case invalidUTF8(byteOffset: Int)

    public var message: LocalizedText {
        switch self {
        case .unclosedQuote(let line):
            return LocalizedText(en: "a quoted field opened on line \(line) is never closed (add the closing \" or remove the opening one)",
                                 zh: "第 \(line) 行开始的带引号字段没有结束引号（请补上结尾的 \"，或删去开头的引号）")
        case .textAfterClosingQuote:
            return LocalizedText(en: "text follows a closing quote (a quote inside a quoted field must be doubled: \"\")",
                                 zh: "结束引号后还有文字（带引号字段中的引号须写成两个：\"\"）")
        case .quoteInUnquotedField:
            return LocalizedText(en: "a quote appears inside a field that does not start with one (put the field in quotes and double the quote)",
                                 zh: "未加引号的字段中出现引号（请给该字段加引号，并把其中的引号写成两个）")
        case .invalidUTF8(let offset):
            return LocalizedText(en: "the text is not valid UTF-8 at byte \(offset) of the file (save the file as UTF-8)",
                                 zh: "文件第 \(offset) 字节处不是有效的 UTF-8 文本（请将文件另存为 UTF-8 编码）")
        }
    }
}

/// Where UTF-8 validation fails in a byte run.
enum UTF8Check {
    /// The index of the first byte that does not begin or continue a valid UTF-8 sequence.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            guard i + length <= bytes.count else { return i }
            if String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return i }
            i += length
        }
        return nil
    }
}
