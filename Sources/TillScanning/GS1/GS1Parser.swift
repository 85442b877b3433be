/// Parses a GS1 element string: AIs back to back, a variable-length field ended by GS (0x1D,
/// what the scanner sends for FNC1) unless it is last. The symbology's leading FNC1 is not part
/// of the data (the scanner sends "]C1" for it, or a GS with AIM ids off: both are removed first).
public enum GS1Parser {
    public static let groupSeparator: Character = "\u{1D}"

    public enum Failure: Error, Hashable, Sendable {
        case unknownAI(at: Int, text: String)
        case tooShort(ai: String)
        case notNumeric(ai: String, data: String)
        case badDate(ai: String, data: String)
        case tooLong(ai: String, data: String)
        case empty
    }

    public static func parse(_ text: String) -> Result<[GS1Element], Failure> {
        var rest = Substring(text)
        while rest.first == groupSeparator { rest = rest.dropFirst() }
        guard !rest.isEmpty else { return .failure(.empty) }
        var elements: [GS1Element] = []
        var offset = 0
        while !rest.isEmpty {
            let head = rest.prefix(2)
            guard head.count == 2, let prefix = Int(head), String(head).isAllASCIIDigits,
                  let aiLength = GS1AI.aiLength(prefix: prefix), rest.count >= aiLength,
                  String(rest.prefix(aiLength)).isAllASCIIDigits else {
                return .failure(.unknownAI(at: offset, text: String(rest.prefix(4))))
            }
            let ai = String(rest.prefix(aiLength))
            rest = rest.dropFirst(aiLength)
            let data: String
            if let fixed = GS1AI.fixedDataLength(prefix: prefix) {
                guard rest.count >= fixed else { return .failure(.tooShort(ai: ai)) }
                data = String(rest.prefix(fixed))
                rest = rest.dropFirst(fixed)
                // A scanner may still send GS after a fixed field; it is harmless.
                if rest.first == groupSeparator { rest = rest.dropFirst() }
                guard data.isAllASCIIDigits else { return .failure(.notNumeric(ai: ai, data: data)) }
            } else {
                let end = rest.firstIndex(of: groupSeparator) ?? rest.endIndex
                data = String(rest[rest.startIndex..<end])
                rest = end == rest.endIndex ? rest[end...] : rest[rest.index(after: end)...]
                guard !data.isEmpty else { return .failure(.tooShort(ai: ai)) }
                guard data.count <= GS1AI.maximumDataLength(ai) else { return .failure(.tooLong(ai: ai, data: data)) }
            }
            let element = GS1Element(ai: ai, data: data)
            if ["11", "13", "15", "16", "17"].contains(ai), !validDate(data) {
                return .failure(.badDate(ai: ai, data: data))
            }
            elements.append(element)
            offset += aiLength + data.count
        }
        return .success(elements)
    }

    /// YYMMDD with a real month and a day of 00 (end of month) or 01…31.
    static func validDate(_ data: String) -> Bool {
        guard data.count == 6, data.isAllASCIIDigits else { return false }
        let d = data.digitValues
        let mm = d[2] * 10 + d[3], dd = d[4] * 10 + d[5]
        return (1...12).contains(mm) && dd <= 31
    }
}
