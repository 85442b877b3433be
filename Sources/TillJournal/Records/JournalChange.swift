import GRDB
import TillCore

/// A change to what the till works from (users, catalog, tax classes, print states, drill scores,
/// money settings), kept as a chained journal entry like a sale. The tables `user`, `taxClass`,
/// `catalogItem`, `barcode`, the print-state columns of `slip`, `drillAttempt` and
/// `moneyConfiguration` are projections of these entries: `verify` replays the changes and reports
/// any row that differs, so promoting a clerk or changing a price with sqlite3 is seen.
enum JournalChange: Hashable, Sendable, Codable {
    /// A user added, or changed (name, role or PIN). `pinHash` is peppered: useless without the key.
    case userSaved(User, pinHash: String)
    /// A user's wrong-PIN lock cleared.
    case userUnlocked(code: String)
    /// A user the newest central revision no longer lists: signs in no more (answered like an
    /// unknown code). History keeps the user; a later revision listing it again brings it back.
    case userRemoved(User, revision: Int64)
    case taxClassesSaved([TaxClass])
    /// Items added or replaced (with their barcodes): one entry per import batch.
    case itemsSaved([CatalogItem])
    /// Items the newest central revision no longer contains (as the till had them): not sold
    /// any more, still named on old receipts and refundable on them. Saving an item again sells it again.
    case itemsWithdrawn([CatalogItem], revision: Int64, by: String)
    case printStateSet(reference: String, state: PrintState)
    case drillScored(DrillAttempt)
    /// The money-relevant settings (limits, window, rounding, permissions…) as canonical JSON,
    /// recorded when they differ from the last recorded.
    case configurationSet(settings: String)
    /// Someone took an escrow copy of the key file (it changes no table; who and when is the point).
    case keyEscrowed

    /// The entry's `kind` column.
    var kind: EntryKind {
        switch self {
        case .userSaved: return .user
        case .userUnlocked: return .unlock
        case .userRemoved: return .user
        case .itemsWithdrawn: return .catalog
        case .taxClassesSaved: return .taxClasses
        case .itemsSaved: return .catalog
        case .printStateSet: return .printState
        case .drillScored: return .drillScore
        case .configurationSet: return .configuration
        case .keyEscrowed: return .keyEscrow
        }
    }

    /// The entry's `reference` column: what the change is about, when it is one thing.
    var reference: String? {
        switch self {
        case .userSaved(let user, _): return user.code
        case .userUnlocked(let code): return code
        case .userRemoved(let user, _): return user.code
        case .itemsWithdrawn(let items, _, _) where items.count == 1: return items[0].sku
        case .printStateSet(let reference, _): return reference
        case .drillScored(let attempt): return attempt.drill
        case .itemsSaved(let items) where items.count == 1: return items[0].sku
        case .taxClassesSaved, .itemsSaved, .itemsWithdrawn, .configurationSet, .keyEscrowed: return nil
        }
    }
}

/// The signed payload of a change entry: the change, who made it and when.
struct ChangeEntry: Hashable, Sendable, Codable {
    var change: JournalChange
    /// The user code that made the change; nil when the till set itself up (demo data, settings).
    var by: String?
    var at: Timestamp
}

extension EntryColumns {
    init(_ entry: ChangeEntry) {
        self.init(kind: entry.change.kind.rawValue, reference: entry.change.reference, till: nil, shift: nil,
                  userCode: entry.by, userName: nil, approverCode: nil, at: entry.at.seconds, totalMinor: nil,
                  currency: nil, training: false)
    }
}
