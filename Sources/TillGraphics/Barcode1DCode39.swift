/// Code 39: each character is 5 bars and 4 spaces, 3 of the 9 wide; characters separated by a
/// narrow space; '*' is the start/stop character. Wide = 3 modules here (ratio 3:1).
enum Code39 {
    static let alphabet: [UInt8] = Array("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%*".utf8)
    /// Element widths (1 narrow, 2 wide), bar first, in `alphabet` order.
    static let patterns: [String] = [
        "111221211", "211211112", "112211112", "212211111", "111221112", "211221111", "112221111", "111211212",
        "211211211", "112211211", "211112112", "112112112", "212112111", "111122112", "211122111", "112122111",
        "111112212", "211112211", "112112211", "111122211", "211111122", "112111122", "212111121", "111121122",
        "211121121", "112121121", "111111222", "211111221", "112111221", "111121221", "221111112", "122111112",
        "222111111", "121121112", "221121111", "122121111", "121111212", "221111211", "122111211", "121212111",
        "121211121", "121112121", "111212121", "121121211",
    ]

    static func encode(_ data: [UInt8]) throws -> Barcode1D {
        var body = data
        // ESC/POS printers accept the start/stop '*' in the data; it is never part of the text.
        if body.first == 0x2A { body.removeFirst() }
        if body.last == 0x2A { body.removeLast() }
        guard !body.isEmpty else { throw BarcodeError.empty(.code39) }
        var m: [Bool] = []
        func put(_ index: Int) {
            let widths = patterns[index].map { $0 == "2" ? 3 : 1 }
            Barcode1D.append(&m, widths: widths)
        }
        put(alphabet.count - 1)
        for (i, b) in body.enumerated() {
            guard let index = alphabet.firstIndex(of: b), b != 0x2A else {
                throw BarcodeError.invalidCharacter(.code39, byte: b, position: i)
            }
            m.append(false)
            put(index)
        }
        m.append(false)
        put(alphabet.count - 1)
        return Barcode1D(symbology: .code39, modules: m, text: String(decoding: body, as: UTF8.self))
    }
}

/// Interleaved 2 of 5: digit pairs, the first digit in the bars, the second in the spaces.
enum ITF {
    /// Five elements per digit, 'w' wide.
    static let patterns: [String] = ["nnwwn", "wnnnw", "nwnnw", "wwnnn", "nnwnw", "wnwnn", "nwwnn", "nnnww", "wnnwn", "nwnwn"]

    static func encode(_ data: [UInt8]) throws -> Barcode1D {
        guard !data.isEmpty else { throw BarcodeError.empty(.itf) }
        for (i, b) in data.enumerated() where !(b >= 0x30 && b <= 0x39) {
            throw BarcodeError.invalidCharacter(.itf, byte: b, position: i)
        }
        guard data.count % 2 == 0 else { throw BarcodeError.oddDigitCount(got: data.count) }
        var m: [Bool] = []
        Barcode1D.append(&m, widths: [1, 1, 1, 1])
        var i = 0
        while i < data.count {
            let bars = Array(patterns[Int(data[i] - 0x30)])
            let spaces = Array(patterns[Int(data[i + 1] - 0x30)])
            var widths: [Int] = []
            for k in 0..<5 {
                widths.append(bars[k] == "w" ? 3 : 1)
                widths.append(spaces[k] == "w" ? 3 : 1)
            }
            Barcode1D.append(&m, widths: widths)
            i += 2
        }
        Barcode1D.append(&m, widths: [3, 1, 1])
        return Barcode1D(symbology: .itf, modules: m, text: String(decoding: data, as: UTF8.self))
    }
}
