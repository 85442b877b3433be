import Foundation
import GRDB
import TillCore

/// The till's journal, catalog and users, in one SQLite database.
///
/// Every completed sale, refund and void is appended as one hash-chained entry in one atomic
/// transaction; slips' print states live beside the chain. Safe to share between threads (GRDB
/// serialises writes).
public final class JournalDatabase: Sendable {
    /// The database file; nil for an in-memory database.
    public let path: String?
    let writer: any DatabaseWriter
    let pinHasher: PinHasher
    /// Signs the chain (HMAC) and peppers PINs; from the key file, never stored in the journal.
    let key: JournalKey
    public let pinPolicy: PinPolicy
    /// The chain user key (`[central] users_key_file`): checks centrally published PINs and the
    /// signatures of published user lists. Nil on a till that takes no users from central.
    public let chainUserKey: ChainUserKey?
    /// The time of the changes the journal dates itself (users, catalog, settings, a pending
    /// print state): the same clock the runtime reads, so a history written at past times (demo
    /// data, a drill's setup) stays in order. The system clock unless the caller has its own.
    public let clock: @Sendable () -> Timestamp
    /// Where the chain's head is remembered outside the journal (nil: nowhere, in-memory tests).
    public let anchorStore: (any JournalAnchorStore)?

    /// The key file of a journal when none is configured: beside it, `journal.sqlite` → `journal.key`.
    public static func defaultKeyPath(forJournal path: String) -> String {
        (path as NSString).deletingPathExtension + ".key"
    }

    /// The anchor file of a journal, in its key file's folder and named after the journal
    /// (`journal.sqlite` → `journal.anchor`), so journals sharing a configured key file keep
    /// separate anchors.
    public static func anchorPath(forKey keyPath: String, journal path: String) -> String {
        let folder = (keyPath as NSString).deletingLastPathComponent
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension + ".anchor"
        return folder.isEmpty ? name : folder + "/" + name
    }

    /// Opens (creating if needed) the journal at `path`: creates missing folders (0700) and the
    /// file (0600), uses WAL with `synchronous = FULL` (a completed sale survives a power cut), and
    /// applies migrations. The key file (`keyFile`, default beside the journal) is created with a
    /// new key for a new journal; a journal that has entries needs its own key file back.
    public init(path: String, keyFile: String? = nil, pinHashRounds: Int = 210_000, pinPolicy: PinPolicy = .standard,
                chainUserKey: ChainUserKey? = nil, clock: @escaping @Sendable () -> Timestamp = { .systemNow }) throws {
        self.path = path
        self.chainUserKey = chainUserKey
        self.clock = clock
        self.pinPolicy = pinPolicy
        let keyPath = keyFile ?? Self.defaultKeyPath(forJournal: path)
        anchorStore = JournalAnchorFile(path: Self.anchorPath(forKey: keyPath, journal: path))
        try Self.prepareFolder(for: path)
        var config = Self.configuration()
        config.busyMode = .timeout(5) // the CLI may read while the till writes
        do {
            writer = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw Self.openError(error, path: path)
        }
        try Self.migrate(writer, path: path)
        key = try Self.adoptKey(writer, keyPath: keyPath, journalPath: path)
        pinHasher = PinHasher(rounds: pinHashRounds, pepper: key.pepper, chainKey: chainUserKey?.bytes)
    }

    /// An in-memory database for tests: fast, and gone when released; its key is made up.
    public static func inMemory(pinHashRounds: Int = 1_000, pinPolicy: PinPolicy = .standard, chainUserKey: ChainUserKey? = nil,
                                clock: @escaping @Sendable () -> Timestamp = { .systemNow }) throws -> JournalDatabase {
        try JournalDatabase(queue: DatabaseQueue(configuration: configuration()), pinHashRounds: pinHashRounds, pinPolicy: pinPolicy,
                            chainUserKey: chainUserKey, clock: clock)
    }

    private init(queue: DatabaseQueue, pinHashRounds: Int, pinPolicy: PinPolicy, chainUserKey: ChainUserKey?,
                 clock: @escaping @Sendable () -> Timestamp) throws {
        path = nil
        self.clock = clock
        key = .generate()
        self.pinPolicy = pinPolicy
        self.chainUserKey = chainUserKey
        anchorStore = nil
        pinHasher = PinHasher(rounds: pinHashRounds, pepper: key.pepper, chainKey: chainUserKey?.bytes)
        writer = queue
        try Self.migrate(writer, path: ":memory:")
        try writer.write { db in try JournalMeta.set(.keyID, key.id, db) }
    }

    private static func configuration() -> Configuration {
        var config = Configuration()
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // FULL: the WAL is synced at every commit, so a committed sale is on the disk.
            try db.execute(sql: "PRAGMA synchronous = FULL")
        }
        return config
    }

    private static func migrate(_ writer: any DatabaseWriter, path: String) throws {
        let migrator = JournalMigrations.migrator
        do {
            try writer.write { db in
                let hasMigrations = try db.tableExists("grdb_migrations")
                if !hasMigrations, try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'") ?? 0 > 0 {
                    throw JournalError.notATillJournal(path: path)
                }
                if try migrator.hasBeenSuperseded(db) {
                    let known = Set(migrator.migrations)
                    let unknown = try migrator.appliedIdentifiers(db).subtracting(known).sorted()
                    throw JournalError.newerSchema(path: path, unknownMigrations: unknown)
                }
            }
            try migrator.migrate(writer)
        } catch let error as DatabaseError {
            throw Self.openError(error, path: path)
        }
    }

    private static func prepareFolder(for path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let files = FileManager.default
        try PrivateFiles.createFolder(folder)
        if files.fileExists(atPath: path) {
            if !files.isWritableFile(atPath: path) {
                throw JournalError.notWritable(path: path, cause: "the file is read-only for this user")
            }
        } else if !files.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
            throw JournalError.notWritable(path: path, cause: "the folder \(folder.isEmpty ? "." : folder) is read-only for this user")
        }
        // Created 0600 before SQLite opens it (its -wal and -shm files take the same mode); an
        // existing journal readable by others is tightened.
        try PrivateFiles.createOrTighten(path)
        for companion in [path + "-wal", path + "-shm"] where files.fileExists(atPath: companion) {
            try PrivateFiles.createOrTighten(companion)
        }
    }

    /// The journal's key: read from `keyPath`, or made for a journal that has never had entries.
    /// A journal with entries but no key file, a key file of another journal, or a journal from
    /// before the chain was keyed is refused with the remedy.
    private static func adoptKey(_ writer: any DatabaseWriter, keyPath: String, journalPath: String) throws -> JournalKey {
        let (recordedID, highest) = try writer.read { db in
            (try JournalMeta.get(.keyID, db), try highestSeq(db))
        }
        let stored = try JournalKey.load(path: keyPath)
        if recordedID == nil, highest > 0 { throw JournalError.unkeyedJournal(path: journalPath) }
        guard let key = stored ?? (recordedID == nil ? JournalKey.generate() : nil) else {
            throw JournalError.keyFileMissing(path: keyPath, journal: journalPath)
        }
        if let recordedID, recordedID != key.id { throw JournalError.keyFileMismatch(path: keyPath, journal: journalPath) }
        if stored == nil { try key.create(path: keyPath) }
        if recordedID == nil { try writer.write { db in try JournalMeta.set(.keyID, key.id, db) } }
        return key
    }

    /// The highest entry number ever used: the last entry's, or more if the tail was deleted
    /// (sqlite_sequence remembers).
    static func highestSeq(_ db: Database) throws -> Int64 {
        let last = try Int64.fetchOne(db, sql: "SELECT MAX(seq) FROM journalEntry") ?? 0
        let remembered = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'journalEntry'") ?? 0
        return max(last, remembered)
    }

    private static func openError(_ error: DatabaseError, path: String) -> JournalError {
        switch error.resultCode {
        case .SQLITE_NOTADB: return .notADatabase(path: path)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN, .SQLITE_IOERR:
            return .notWritable(path: path, cause: error.message ?? "\(error.resultCode)")
        default: return .cannotOpen(path: path, cause: error.message ?? "\(error.resultCode)")
        }
    }
}
