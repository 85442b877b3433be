/// The known name nearest to a misspelt one, for refusals that say what was probably meant
/// ("unknown key \"lable\": did you mean \"label\"?"). Case-insensitive edit distance.
public enum ClosestName {
    /// The nearest of `known` to `name`, or nil when `known` is empty. Ties go to the first listed.
    public static func to(_ name: String, in known: [String]) -> String? {
        let target = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in known {
            let d = distance(target, Array(candidate.lowercased()))
            if d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// Levenshtein distance, one row at a time (names are short; inputs are capped by the caller's parser).
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        for (i, ca) in a.enumerated() {
            var current = [i + 1] + Array(repeating: 0, count: b.count)
            for (j, cb) in b.enumerated() {
                current[j + 1] = Swift.min(previous[j + 1] + 1, current[j] + 1, previous[j] + (ca == cb ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// A data file's entry the till does not know, refused with the nearest valid name, in both
/// languages (keypad layouts, keyboard maps, display profiles).
public struct UnknownName: Error, Hashable, Sendable {
    /// Where it was met: "keypad pos-4x6.json, row 2, key 3".
    public var place: String
    public var name: String
    public var kind: LocalizedText
    public var closest: String?

    public init(place: String, name: String, kind: LocalizedText, known: [String]) {
        self.place = place
        self.name = name
        self.kind = kind
        self.closest = ClosestName.to(name, in: known)
    }

    public var message: LocalizedText {
        LocalizedText(en: "\(place): unknown \(kind.en) \"\(name)\".", zh: "\(place)：未知的\(kind.zh) “\(name)”。")
    }

    public var remedy: LocalizedText {
        guard let closest else { return LocalizedText(en: "Remove it.", zh: "请删除它。") }
        return LocalizedText(en: "Did you mean \"\(closest)\"? Correct it or remove it.", zh: "是否应为 “\(closest)”？请改正或删除。")
    }

    /// The first of `keys` not in `allowed`, as a refusal; nil when all are known.
    public static func check(_ keys: some Sequence<String>, allowed: [String], place: String,
                             kind: LocalizedText = LocalizedText(en: "key", zh: "键名")) -> UnknownName? {
        keys.sorted().first { !allowed.contains($0) }.map { UnknownName(place: place, name: $0, kind: kind, known: allowed) }
    }
}

/// A data file's entry the till does not know: a `Problem` (its message and remedy above, a stable code).
extension UnknownName: Problem {
    public var code: String { "unknown_name" }
}
