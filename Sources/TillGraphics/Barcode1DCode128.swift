/// Code 128 with the ESC/POS data conventions of GS k m=73: the data begins with a code-set
/// selection and may switch sets or insert function characters with two-byte escapes:
/// `{A` `{B` `{C` select a set, `{S` shifts one character between A and B, `{1`…`{4` are
/// FNC1…FNC4, `{{` is a literal '{'. In set C each data byte is a value 0–99 (two digits).
public enum Code128 {
    /// Bar/space widths of symbol values 0…106 (106 = stop, 7 elements).
    static let patterns: [String] = [
        "212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
        "221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
        "221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
        "212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
        "231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
        "231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
        "314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
        "112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
        "111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
        "214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
        "114131", "311141", "411131", "211412", "211214", "211232", "2331112",
    ]

    enum CodeSet { case a, b, c }

    static let shift = 98, codeC = 99, codeB = 100, codeA = 101, fnc1 = 102, stop = 106
    static func start(_ set: CodeSet) -> Int { set == .a ? 103 : set == .b ? 104 : 105 }

    /// Symbol values (start … check, stop) and the human-readable text for ESC/POS-form data.
    public static func symbols(escPosData data: [UInt8]) throws -> (values: [Int], text: String) {
        guard data.count >= 2, data[0] == 0x7B, [0x41, 0x42, 0x43].contains(data[1]) else {
            throw data.isEmpty ? BarcodeError.empty(.code128) : BarcodeError.code128MissingCodeSet
        }
        var set: CodeSet = data[1] == 0x41 ? .a : data[1] == 0x42 ? .b : .c
        var values = [start(set)]
        var text: [UInt8] = []
        var shiftNext = false
        var i = 2
        func value(of byte: UInt8, in set: CodeSet, at position: Int) throws -> Int {
            switch set {
            case .a:
                if byte < 0x20 { return Int(byte) + 64 }
                if byte < 0x60 { return Int(byte) - 0x20 }
            case .b:
                if byte >= 0x20 && byte < 0x80 { return Int(byte) - 0x20 }
            case .c:
                if byte < 100 { return Int(byte) }
            }
            throw BarcodeError.invalidCharacter(.code128, byte: byte, position: position)
        }
        while i < data.count {
            let b = data[i]
            if b == 0x7B {
                guard i + 1 < data.count else { throw BarcodeError.code128BadEscape(position: i) }
                let e = data[i + 1]
                switch e {
                case 0x41 where set != .a: values.append(codeA); set = .a
                case 0x42 where set != .b: values.append(codeB); set = .b
                case 0x43 where set != .c: values.append(codeC); set = .c
                case 0x41, 0x42, 0x43: break  // already in that set
                case 0x53 where set != .c: values.append(shift); shiftNext = true
                case 0x31: values.append(fnc1)
                case 0x32 where set != .c: values.append(97)
                case 0x33 where set != .c: values.append(96)
                case 0x34 where set != .c: values.append(set == .a ? 101 : 100)
                case 0x7B where set != .c: values.append(try value(of: 0x7B, in: set, at: i)); text.append(0x7B)
                default: throw BarcodeError.code128BadEscape(position: i)
                }
                i += 2
                continue
            }
            let effective: CodeSet = shiftNext ? (set == .a ? .b : .a) : set
            shiftNext = false
            let v = try value(of: b, in: effective, at: i)
            values.append(v)
            if effective == .c {
                text.append(0x30 + b / 10)
                text.append(0x30 + b % 10)
            } else if b >= 0x20 {
                text.append(b)
            }
            i += 1
        }
        var sum = values[0]
        for (k, v) in values.enumerated().dropFirst() { sum += k * v }
        values.append(sum % 103)
        values.append(stop)
        return (values, String(decoding: text, as: UTF8.self))
    }

    static func encode(escPosData data: [UInt8]) throws -> Barcode1D {
        let (values, text) = try symbols(escPosData: data)
        var m: [Bool] = []
        for v in values {
            Barcode1D.append(&m, widths: patterns[v].map { Int(String($0))! })
        }
        return Barcode1D(symbology: .code128, modules: m, text: text)
    }

    /// Code 128 for plain text (ASCII 0–127), with the fewest symbol characters
    /// (`Code128Sets.plan`, the package's one code set optimiser).
    public static func encode(text: [UInt8]) throws -> Barcode1D {
        guard !text.isEmpty else { throw BarcodeError.empty(.code128) }
        if let i = text.firstIndex(where: { $0 >= 0x80 }) { throw BarcodeError.invalidCharacter(.code128, byte: text[i], position: i) }
        guard let plan = Code128Sets.plan(text) else { throw BarcodeError.empty(.code128) }
        return try encode(escPosData: Code128Sets.escPosData(plan))
    }
}
