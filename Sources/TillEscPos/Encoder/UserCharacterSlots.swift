import TillGraphics

/// Which cell (the dots of one code) each user-defined character code holds during one job.
/// Codes hold cells, not characters: a wide glyph spans two cells under any two codes, and two
/// glyphs with an identical cell share its code. A line downloads only the cells no code holds
/// yet, into the codes whose cells are needed latest (or never again) in the rest of the job;
/// lines before it have printed by then (the printer executes the stream in order), so
/// redefining a code never changes what is already on the paper.
struct UserCharacterSlots {
    private var held: [Bitmap: UInt8] = [:]
    private var cellAt: [UInt8: Bitmap] = [:]
    static let capacity = EscPos.userCharacterCodes.count
    /// The order free codes are taken in: codes the job's own text prints least first, so
    /// text beside downloaded characters seldom needs the set switched off (ESC % 0).
    var preference: [UInt8] = Array(EscPos.userCharacterCodes)

    /// The code holding `cell`, if any.
    func code(_ cell: Bitmap) -> UInt8? { held[cell] }

    /// Places the distinct cells one line needs; returns those to download, by code, in code
    /// order. `nextUse` ranks held cells: the one used latest is replaced first. nil when the
    /// line alone needs more codes than the printer has.
    mutating func assign(_ cells: [Bitmap], nextUse: (Bitmap) -> Int) -> [(code: UInt8, cell: Bitmap)]? {
        var needed = Set<Bitmap>()
        var missing: [Bitmap] = []
        for c in cells where needed.insert(c).inserted && held[c] == nil { missing.append(c) }
        guard needed.count <= UserCharacterSlots.capacity else { return nil }
        guard !missing.isEmpty else { return [] }
        // Free codes first, then held cells this line does not need, latest next use first
        // (ties by code, so replaced codes tend to be consecutive: one ESC & for them).
        let free = preference.filter { cellAt[$0] == nil }
        let replaceable = cellAt.filter { !needed.contains($0.value) }
            .map { (code: $0.key, next: nextUse($0.value)) }
            .sorted { $0.next != $1.next ? $0.next > $1.next : $0.code < $1.code }
            .map(\.code)
        let codes = (free + replaceable).prefix(missing.count)
        guard codes.count == missing.count else { return nil }
        var placed: [(code: UInt8, cell: Bitmap)] = []
        for (code, cell) in zip(codes, missing) {
            if let old = cellAt[code] { held[old] = nil }
            held[cell] = code
            cellAt[code] = cell
            placed.append((code, cell))
        }
        return placed.sorted { $0.code < $1.code }
    }
}
