/// UPC-E: the zero-suppressed six-digit UPC, as GS k takes it: 6 digits (number system 0),
/// 7 (number system 0 or 1, then 6), or 8 (with the check digit, verified). The check digit
/// is the one of the UPC-A number the six digits stand for; it is encoded only through the
/// L/G parity of the six digits.
enum UPCE {
    /// For number system 0, by check digit: which of the six digits use the G (even) set.
    static let parity: [String] = [
        "GGGLLL", "GGLGLL", "GGLLGL", "GGLLLG", "GLGGLL",
        "GLLGGL", "GLLLGG", "GLGLGL", "GLGLLG", "GLLGLG",
    ]

    static func encode(_ data: [UInt8]) throws -> Barcode1D {
        guard !data.isEmpty else { throw BarcodeError.empty(.upcE) }
        guard [6, 7, 8].contains(data.count) else { throw BarcodeError.wrongLength(.upcE, got: data.count, allowed: [6, 7, 8]) }
        var digits: [Int] = []
        for (i, b) in data.enumerated() {
            guard b >= 0x30, b <= 0x39 else { throw BarcodeError.invalidCharacter(.upcE, byte: b, position: i) }
            digits.append(Int(b - 0x30))
        }
        if digits.count == 6 { digits.insert(0, at: 0) }
        let system = digits[0]
        guard system <= 1 else { throw BarcodeError.invalidCharacter(.upcE, byte: data[0], position: 0) }
        let six = Array(digits[1...6])
        let check = EANUPC.checkDigit(upcA(system: system, six))
        if digits.count == 8, digits[7] != check {
            throw BarcodeError.checkDigitMismatch(.upcE, given: digits[7], expected: check)
        }
        var pattern = Array(parity[check])
        if system == 1 { pattern = pattern.map { $0 == "G" ? "L" : "G" } }
        var m = EANUPC.startEnd
        for (i, d) in six.enumerated() { m += pattern[i] == "L" ? EANUPC.lCode(d) : EANUPC.gCode(d) }
        m += [false, true, false, true, false, true]
        return Barcode1D(symbology: .upcE, modules: m, text: ([system] + six + [check]).map(String.init).joined())
    }

    /// The eleven UPC-A digits (without check) that six UPC-E digits stand for.
    static func upcA(system: Int, _ d: [Int]) -> [Int] {
        switch d[5] {
        case 0, 1, 2: return [system, d[0], d[1], d[5], 0, 0, 0, 0, d[2], d[3], d[4]]
        case 3: return [system, d[0], d[1], d[2], 0, 0, 0, 0, 0, d[3], d[4]]
        case 4: return [system, d[0], d[1], d[2], d[3], 0, 0, 0, 0, 0, d[4]]
        default: return [system, d[0], d[1], d[2], d[3], d[4], 0, 0, 0, 0, d[5]]
        }
    }
}

/// Codabar (NW-7): digits and - $ : / . + between start and stop characters A–D, as GS k
/// takes it (the start and stop characters are part of the data). Seven elements per
/// character, wide ones three modules, characters one narrow space apart.
enum Codabar {
    static let patterns: [Character: String] = [
        "0": "0000011", "1": "0000110", "2": "0001001", "3": "1100000", "4": "0010010",
        "5": "1000010", "6": "0100001", "7": "0100100", "8": "0110000", "9": "1001000",
        "-": "0001100", "$": "0011000", ":": "1000101", "/": "1010001", ".": "1010100",
        "+": "0010101", "A": "0011010", "B": "0101001", "C": "0001011", "D": "0001110",
    ]

    static func encode(_ data: [UInt8]) throws -> Barcode1D {
        guard data.count >= 2 else {
            throw data.isEmpty ? BarcodeError.empty(.codabar) : BarcodeError.wrongLength(.codabar, got: data.count, allowed: [2])
        }
        let text = data.map { Character(UnicodeScalar($0 >= 0x61 && $0 <= 0x64 ? $0 - 0x20 : $0)) }
        let ends: Set<Character> = ["A", "B", "C", "D"]
        var m: [Bool] = []
        for (i, c) in text.enumerated() {
            let isEnd = i == 0 || i == text.count - 1
            guard let p = patterns[c], isEnd == ends.contains(c) else {
                throw BarcodeError.invalidCharacter(.codabar, byte: data[i], position: i)
            }
            if i > 0 { m.append(false) }
            Barcode1D.append(&m, widths: p.map { $0 == "1" ? 3 : 1 })
        }
        return Barcode1D(symbology: .codabar, modules: m, text: String(text))
    }
}

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
