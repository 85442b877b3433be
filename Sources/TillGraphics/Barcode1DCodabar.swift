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
