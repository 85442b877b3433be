/// Picks the profile for what a printer says it is (GS I 66 maker, GS I 67 model name).
extension ProfileLibrary {
    /// How well a profile matches a printer's own model name.
    public enum MatchQuality: Int, Comparable, Sendable {
        /// The model name is the profile's name (vendor left aside).
        case exact = 2
        /// The model name is part of the profile's name ("TSP143IV" in "Star TSP143IV (ESC/POS emulation)").
        case contained = 1

        public static func < (a: MatchQuality, b: MatchQuality) -> Bool { a.rawValue < b.rawValue }
    }

    /// The best profile for the printer's maker and model name, or nil when none names that
    /// model. A profile whose vendor disagrees with a given maker is never taken. Ties go to
    /// the better source (verified, then database, then assumed), then to the shorter name.
    public func identify(maker: String?, model: String?) -> (profile: PrinterProfile, quality: MatchQuality)? {
        guard let model, case let m = Self.normalized(model), m.count >= 2 else { return nil }
        let v = maker.map(Self.normalized) ?? ""
        var best: (PrinterProfile, MatchQuality)?
        func rank(_ p: PrinterProfile) -> Int { [.verified: 0, .database: 1, .assumed: 2][p.source ?? .assumed] ?? 2 }
        for p in profiles.values {
            let vendor = Self.normalized(p.vendor)
            if !v.isEmpty && !(vendor.hasPrefix(v) || v.hasPrefix(vendor)) { continue }
            var name = Self.normalized(p.name)
            if name.hasPrefix(vendor) && name.count > vendor.count { name.removeFirst(vendor.count) }
            let quality: MatchQuality
            if name == m { quality = .exact } else if name.contains(m) { quality = .contained } else { continue }
            if let (held, heldQuality) = best {
                if quality < heldQuality { continue }
                if quality == heldQuality
                    && (rank(p), p.name.count, p.id) >= (rank(held), held.name.count, held.id) { continue }
            }
            best = (p, quality)
        }
        return best
    }

    /// Lower-case letters and digits only ("+" spelt "plus"): "TM-T88VI", "tm t88vi" and
    /// "TMT88VI" agree; "TH230+" and "TH230" do not.
    static func normalized(_ text: String) -> String {
        String(text.lowercased().replacingOccurrences(of: "+", with: "plus").unicodeScalars
            .filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }.map(Character.init))
    }
}
