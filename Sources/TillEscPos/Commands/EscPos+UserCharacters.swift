import TillGraphics

/// User-defined characters: glyphs downloaded into the printer's RAM under ASCII codes, then
/// printed by those codes while the user-defined set is selected. ESC @ deletes them, so a job
/// downloads what it uses.
extension EscPos {
    /// The codes a job downloads glyphs under. The space (0x20) stays the printer's own, so
    /// padding prints as spaces whatever set is selected.
    public static let userCharacterCodes: ClosedRange<UInt8> = 0x21...0x7E

    /// ESC & y c1 c2 [x d1…d(y×x)]…: defines codes c1…c2, one cell each, `y` bytes (8 dots
    /// each) tall, column by column, top dot in the high bit.
    public static func defineUserCharacters(first: UInt8, cells: [Bitmap], heightBytes y: Int) -> [UInt8] {
        guard let last = cells.isEmpty ? nil : Int(first) + cells.count - 1, last <= 0x7E else { return [] }
        var out: [UInt8] = EscPosOpcodes.defineUserCharacters(UInt8(y), first, UInt8(last))
        for cell in cells {
            out.append(UInt8(min(255, cell.width)))
            for x in 0..<min(255, cell.width) {
                for k in 0..<y {
                    var v: UInt8 = 0
                    for bit in 0..<8 where cell[x, k * 8 + bit] { v |= 0x80 >> UInt8(bit) }
                    out.append(v)
                }
            }
        }
        return out
    }

    /// ESC % n: select (true) or cancel the user-defined character set.
    public static func userCharacterSet(_ on: Bool) -> [UInt8] { EscPosOpcodes.userCharacterSet(on ? 1 : 0) }

    /// ESC ? n: delete the user-defined character `n`.
    public static func cancelUserCharacter(_ code: UInt8) -> [UInt8] { EscPosOpcodes.cancelUserCharacter(code) }

    /// ESC J n: print the buffer and feed n motion units (dots on the common 203 dpi heads).
    public static func feedDots(_ n: UInt8) -> [UInt8] { EscPosOpcodes.feedDots(n) }
}
