import TillCore

/// One entry of a till's chained journal as it is sent to the central journal: the columns the
/// central database stores and indexes, the canonical payload, and the till's own chain link.
public struct OutgoingEntry: Sendable, Equatable {
    public var seq: Int64
    public var kind: String
    public var reference: String?
    /// The till named in the record (nil for catalog and user changes).
    public var till: String?
    public var shift: Int64?
    public var userCode: String?
    public var at: Int64
    public var totalMinor: Int64?
    public var currency: String?
    public var training: Bool
    public var payload: String
    public var prevHash: String
    public var hash: String

    public init(seq: Int64, kind: String, reference: String?, till: String?, shift: Int64?, userCode: String?, at: Int64,
                totalMinor: Int64?, currency: String?, training: Bool, payload: String, prevHash: String, hash: String) {
        self.seq = seq
        self.kind = kind
        self.reference = reference
        self.till = till
        self.shift = shift
        self.userCode = userCode
        self.at = at
        self.totalMinor = totalMinor
        self.currency = currency
        self.training = training
        self.payload = payload
        self.prevHash = prevHash
        self.hash = hash
    }
}

/// Where the outbox stands, kept in the till's own journal so it survives restarts.
public struct OutboxState: Sendable, Equatable {
    /// The last sequence the central journal acknowledged (0: none yet).
    public var acknowledged: Int64
    /// The last entry in the till's journal.
    public var head: Int64
    public var lastError: LocalizedText?
    public var lastRemedy: LocalizedText?
    public var lastAttempt: Timestamp?
    public var lastSuccess: Timestamp?

    public var pending: Int64 { max(0, head - acknowledged) }

    public init(acknowledged: Int64, head: Int64, lastError: LocalizedText? = nil, lastRemedy: LocalizedText? = nil,
                lastAttempt: Timestamp? = nil, lastSuccess: Timestamp? = nil) {
        self.acknowledged = acknowledged
        self.head = head
        self.lastError = lastError
        self.lastRemedy = lastRemedy
        self.lastAttempt = lastAttempt
        self.lastSuccess = lastSuccess
    }
}

/// A till's journal as the outbox reads it: entries in order after the acknowledged one, each
/// checked against the till's own chain key before it leaves, and the cursor. Synchronous like
/// the other stores (local SQLite); the outbox calls it from its own task, never the screen's.
public protocol ReplicationSource: AnyObject, Sendable {
    /// The key the central database verifies this till's entries with (derived from the
    /// journal key, which never leaves the till) and its id.
    func centralKey() -> (id: String, key: [UInt8])
    func outboxState() throws -> OutboxState
    /// Up to `limit` entries after `seq`, in order, stopping before the first one that does not
    /// verify against the till's chain; throws a `StoreFailure` when that is the first (an edited
    /// journal is never sent).
    func entries(after seq: Int64, limit: Int) throws -> [OutgoingEntry]
    /// Moves the cursor forward to `seq` (never back) and clears the last error.
    func acknowledge(through seq: Int64, at: Timestamp) throws
    /// Remembers why the last attempt failed, for `till central status`.
    func recordOutboxFailure(message: LocalizedText, remedy: LocalizedText, at: Timestamp) throws
}

/// The central catalog revision a till last applied, kept in its journal beside the outbox cursor.
public protocol PublicationCursor: AnyObject, Sendable {
    func pulledRevision() throws -> Int64
    func setPulledRevision(_ revision: Int64) throws
}
