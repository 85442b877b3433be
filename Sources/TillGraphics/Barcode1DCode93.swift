/// Code 93: the 43 characters of Code 39 in nine-module patterns, with the C and K check
/// characters (mod 47) and a termination bar.
enum Code93 {
    static let alphabet = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%")
    static let patterns: [String] = [
        "100010100", "101001000", "101000100", "101000010", "100101000", "100100100", "100100010", "101010000",
        "100010010", "100001010", "110101000", "110100100", "110100010", "110010100", "110010010", "110001010",
        "101101000", "101100100", "101100010", "100110100", "100011010", "101011000", "101001100", "101000110",
        "100101100", "100010110", "110110100", "110110010", "110101100", "110100110", "110010110", "110011010",
        "101101100", "101100110", "100110110", "100111010", "100101110", "111010100", "111010010", "111001010",
        "101101110", "101110110", "110101110", "100100110", "111011010", "111010110", "100110010", "101011110",
    ]

    static func encode(_ data: [UInt8]) throws -> Barcode1D {
        guard !data.isEmpty else { throw BarcodeError.empty(.code93) }
        var values: [Int] = []
        for (i, b) in data.enumerated() {
            guard let v = alphabet.firstIndex(of: Character(UnicodeScalar(b))) else {
                throw BarcodeError.invalidCharacter(.code93, byte: b, position: i)
            }
            values.append(v)
        }
        func check(_ v: [Int], maxWeight: Int) -> Int {
            var sum = 0
            for (i, x) in v.reversed().enumerated() { sum += x * (i % maxWeight + 1) }
            return sum % 47
        }
        let c = check(values, maxWeight: 20)
        let k = check(values + [c], maxWeight: 15)
        var m: [Bool] = []
        for v in [47] + values + [c, k] + [47] { m += patterns[v].map { $0 == "1" } }
        m.append(true)  // termination bar
        return Barcode1D(symbology: .code93, modules: m, text: String(data.map { Character(UnicodeScalar($0)) }))
    }
}
