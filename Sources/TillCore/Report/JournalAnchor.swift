/// Where a journal's chain stood at one moment: how many entries it held and the hash of the last
/// one. Printed on every Z report and written to the export and to the anchor file outside the
/// journal, so that someone holding the journal file cannot cut its end off or rewrite it unseen:
/// `till journal verify --anchor COUNT:HASH` checks the journal against it.
public struct JournalAnchor: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The number of the last entry (entries are numbered 1, 2, … without gaps).
    public var count: Int64
    /// The keyed chain hash of entry `count` (64 lower-case hex digits).
    public var hash: String

    public init(count: Int64, hash: String) {
        self.count = count
        self.hash = hash
    }

    /// `COUNT:HASH`, as printed and as `--anchor` takes it.
    public var description: String { "\(count):\(hash)" }

    /// Parses `COUNT:HASH`; nil unless COUNT is a number ≥ 0 and HASH is 64 hex digits.
    public init?(parsing text: String) {
        let parts = text.trimmingSpaces.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 18, parts[0].allSatisfy({ ("0"..."9").contains($0) }),
              let count = Int64(parts[0]), parts[1].count == 64,
              parts[1].allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) })
        else { return nil }
        self.init(count: count, hash: parts[1].lowercased())
    }
}
