/// Which glyph each user-defined character code holds during one job. A line downloads only
/// the glyphs no code holds yet; when the codes run out, the line's glyphs are downloaded
/// again from the first code. Lines before it have printed by then (the printer executes the
/// stream in order), so redefining a code never changes what is already on the paper.
struct UserCharacterSlots {
    /// A glyph to download: the character and how many cells (codes) it spans.
    typealias Glyph = (scalar: Unicode.Scalar, cells: Int)

    private var held: [Unicode.Scalar: UInt8] = [:]
    private var next = Int(EscPos.userCharacterCodes.lowerBound)
    static let capacity = EscPos.userCharacterCodes.count

    /// The first code of each glyph's cells once `assign` has placed it.
    func code(_ scalar: Unicode.Scalar) -> UInt8? { held[scalar] }

    /// Places the distinct glyphs one line needs; returns those to download, under consecutive
    /// codes from `first`. nil when the line alone needs more codes than the printer has.
    mutating func assign(_ glyphs: [Glyph]) -> (first: UInt8, download: [Glyph])? {
        guard glyphs.reduce(0, { $0 + $1.cells }) <= UserCharacterSlots.capacity else { return nil }
        var missing = glyphs.filter { held[$0.scalar] == nil }
        let needed = missing.reduce(0) { $0 + $1.cells }
        if next + needed - 1 > Int(EscPos.userCharacterCodes.upperBound) {
            held.removeAll()
            next = Int(EscPos.userCharacterCodes.lowerBound)
            missing = glyphs
        }
        let first = UInt8(next)
        for g in missing {
            held[g.scalar] = UInt8(next)
            next += g.cells
        }
        return (first, missing)
    }
}
