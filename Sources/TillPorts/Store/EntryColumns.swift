import TillCore

/// The queryable columns of a journal entry, derived from its record. They are signed together with
/// the payload, and verification checks they still agree with it. In TillPorts so every store engine
/// (SQLite's journal, the PostgreSQL store) derives them alike.
public struct EntryColumns: Equatable, Sendable {
    public var kind: String
    public var reference: String?
    public var till: String?
    public var shift: Int64?
    public var userCode: String?
    public var userName: String?
    public var approverCode: String?
    public var at: Int64
    public var totalMinor: Int64?
    public var currency: String?
    public var training: Bool

    public init(_ record: JournalRecord) {
        switch record {
        case .sale(let s, _):
            self.init(kind: .sale, reference: s.receipt, till: s.till, shift: s.shift, user: s.clerk, approver: nil,
                      at: s.at, total: s.total, training: s.training)
        case .refund(let r, _):
            self.init(kind: .refund, reference: r.number, till: r.till, shift: r.shift, user: r.clerk,
                      approver: r.approver?.code, at: r.at, total: r.total, training: r.training)
        case .postVoid(let v, _):
            self.init(kind: .postVoid, reference: v.number, till: v.till, shift: v.shift, user: v.clerk,
                      approver: v.approver?.code, at: v.at, total: v.total, training: v.training)
        case .shiftOpened(let s):
            self.init(kind: .shiftOpened, reference: record.reference, till: s.till, shift: s.number, user: s.openedBy,
                      approver: nil, at: s.openedAt, total: s.openingFloat, training: false)
        case .zReport(let z, _):
            self.init(kind: .zReport, reference: z.number, till: z.totals.shift.till, shift: z.totals.shift.number,
                      user: z.by, approver: z.approver?.code, at: z.at, total: z.totals.net, training: false)
        case .event(let e):
            self.init(kind: EntryKind.event.rawValue, reference: e.reference, till: nil, shift: nil, userCode: e.user,
                      userName: nil, approverCode: e.approver, at: e.at.seconds, totalMinor: e.amount?.minor,
                      currency: e.amount?.currency.code,
                      training: e.training)
        }
    }

    private init(kind: EntryKind, reference: String?, till: String, shift: Int64, user: User, approver: String?,
                 at: Timestamp, total: Money, training: Bool) {
        self.init(kind: kind.rawValue, reference: reference, till: till, shift: shift, userCode: user.code,
                  userName: user.name, approverCode: approver, at: at.seconds, totalMinor: total.minor,
                  currency: total.currency.code, training: training)
    }

    public init(kind: String, reference: String?, till: String?, shift: Int64?, userCode: String?, userName: String?,
         approverCode: String?, at: Int64, totalMinor: Int64?, currency: String?, training: Bool) {
        self.kind = kind
        self.reference = reference
        self.till = till
        self.shift = shift
        self.userCode = userCode
        self.userName = userName
        self.approverCode = approverCode
        self.at = at
        self.totalMinor = totalMinor
        self.currency = currency
        self.training = training
    }
}

/// The `kind` column of a journal entry.
public enum EntryKind: String, CaseIterable, Sendable {
    case sale, refund, postVoid, shiftOpened, zReport, event
    // Changes (`JournalChange`): their payload is a `ChangeEntry`, not a `JournalRecord`.
    case user, unlock, taxClasses, catalog, printState, drillScore, configuration, keyEscrow

    public var isChange: Bool { documentKind == nil && self != .event }

    /// The document-number letter the entry's reference carries, for entries that issue one.
    public var documentKind: DocumentKind? {
        switch self {
        case .sale: return .sale
        case .refund: return .refund
        case .postVoid: return .postVoid
        case .shiftOpened: return .shift
        case .zReport: return .zReport
        case .event, .user, .unlock, .taxClasses, .catalog, .printState, .drillScore, .configuration, .keyEscrow: return nil
        }
    }
}
