import GRDB
import TillCore

/// The queryable columns of a journal entry, derived from its record. They are signed together with
/// the payload, and verification checks they still agree with it.
struct EntryColumns: Equatable {
    var kind: String
    var reference: String?
    var till: String?
    var shift: Int64?
    var userCode: String?
    var userName: String?
    var approverCode: String?
    var at: Int64
    var totalMinor: Int64?
    var currency: String?
    var training: Bool

    init(_ record: JournalRecord) {
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

    init(kind: String, reference: String?, till: String?, shift: Int64?, userCode: String?, userName: String?,
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

    /// Column name and value, in the order they are stored and signed (after `seq`).
    var databaseValues: [(String, DatabaseValue)] {
        [("kind", kind.databaseValue), ("reference", reference.databaseValue), ("till", till.databaseValue),
         ("shift", shift.databaseValue), ("userCode", userCode.databaseValue), ("userName", userName.databaseValue),
         ("approverCode", approverCode.databaseValue), ("at", at.databaseValue),
         ("totalMinor", totalMinor.databaseValue), ("currency", currency.databaseValue),
         ("training", training.databaseValue)]
    }
}

/// The `kind` column of a journal entry.
enum EntryKind: String, CaseIterable {
    case sale, refund, postVoid, shiftOpened, zReport, event
    // Changes (`JournalChange`): their payload is a `ChangeEntry`, not a `JournalRecord`.
    case user, unlock, taxClasses, catalog, printState, drillScore, configuration, keyEscrow

    var isChange: Bool { documentKind == nil && self != .event }

    /// The document-number letter the entry's reference carries, for entries that issue one.
    var documentKind: DocumentKind? {
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
