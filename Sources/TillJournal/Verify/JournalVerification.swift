import TillCore

/// The outcome of `JournalDatabase.verify()`: how many entries were walked and EVERY problem
/// found, in journal order (entries first, then table rows, then anchors).
public struct JournalVerification: Hashable, Sendable {
    public var entries: Int
    public var problems: [JournalFinding]

    public init(entries: Int, problems: [JournalFinding]) {
        self.entries = entries
        self.problems = problems
    }

    /// Every entry is where it was written, unchanged, every table agrees with the chain, and the
    /// chain reaches every anchor given.
    public static func intact(entries: Int) -> JournalVerification { JournalVerification(entries: entries, problems: []) }

    public var isIntact: Bool { problems.isEmpty }
}

/// One problem: the entry it concerns (nil for a table row no entry made), its document number
/// when known, what kind of tampering it looks like, and what was seen, in English and Chinese.
public struct JournalFinding: Hashable, Sendable {
    public var seq: Int64?
    public var reference: String?
    public var problem: JournalProblem
    public var detail: LocalizedText

    public init(seq: Int64?, reference: String?, problem: JournalProblem, detail: LocalizedText) {
        self.seq = seq
        self.reference = reference
        self.problem = problem
        self.detail = detail
    }

    /// "entry #20 (R01-000003) was changed after it was written: …", or in Chinese.
    public func text(_ language: Language) -> String {
        let ref = reference.map { " (\($0))" } ?? ""
        switch language {
        case .zh:
            let what = seq.map { "第 \($0) 条记录\(ref)" } ?? "无对应记录的行\(ref)"
            return "\(what)\(problem.words.zh)：\(detail.zh)"
        default:
            let what = seq.map { "entry #\($0)\(ref)" } ?? "a row no entry recorded\(ref)"
            return "\(what) \(problem.words.en): \(detail.en)"
        }
    }
}

public enum JournalProblem: String, Hashable, Sendable, CaseIterable {
    /// An entry's content no longer matches its keyed hash (edited, or the chain re-hashed without the key).
    case edited
    /// An entry that was never appended by the till: its link duplicates another's, or nothing
    /// else in the journal knows it.
    case inserted
    /// An entry is missing: a gap in the sequence numbers, or a broken link.
    case deleted
    /// A query table (saleLine, tender, refundLine, …) or an entry's columns disagree with the
    /// signed payload.
    case projectionMismatch
    /// A state table (users, catalog, tax classes, print states, drill scores, money settings)
    /// differs from what the chain's changes leave, or has a row no change made.
    case tableChanged
    /// Entries at the end are missing: the journal is behind an anchor (cut off, or wiped).
    case truncated
    /// The entry an anchor names has another hash: the chain was rewritten since.
    case anchorMismatch

    /// The kind in plain words, completing "entry #N …".
    public var words: LocalizedText {
        switch self {
        case .edited: return LocalizedText(en: "was changed after it was written (its signature no longer matches)",
                                           zh: "写入后被修改（签名不符）")
        case .inserted: return LocalizedText(en: "was put in by someone other than the till", zh: "不是收银台写入的（被插入）")
        case .deleted: return LocalizedText(en: "is missing (deleted)", zh: "缺失（被删除）")
        case .projectionMismatch: return LocalizedText(en: "has table rows that differ from what it recorded",
                                                       zh: "的明细表与其签名记录不符")
        case .tableChanged: return LocalizedText(en: "is contradicted by a table changed outside the journal",
                                                 zh: "的内容被日志之外修改的表格推翻")
        case .truncated: return LocalizedText(en: "is missing from the end of the journal (cut off or wiped)",
                                              zh: "从日志末尾缺失（被截断或清空）")
        case .anchorMismatch: return LocalizedText(en: "does not match the anchor (the chain was rewritten)",
                                                   zh: "与锚点不符（哈希链被重写）")
        }
    }
}
