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

    /// Opens (creating if needed) the journal at `path`: creates missing folders, uses WAL with
    /// `synchronous = FULL` (a completed sale survives a power cut), and applies migrations.
    public init(path: String, pinHashRounds: Int = 210_000) throws {
        self.path = path
        self.pinHasher = PinHasher(rounds: pinHashRounds)
        try Self.prepareFolder(for: path)
        var config = Self.configuration()
        config.busyMode = .timeout(5) // the CLI may read while the till writes
        do {
            writer = try DatabasePool(path: path, configuration: config)
        } catch let error as DatabaseError {
            throw Self.openError(error, path: path)
        }
        try migrate(path: path)
    }

    /// An in-memory database for tests: fast, and gone when released.
    public static func inMemory(pinHashRounds: Int = 1_000) throws -> JournalDatabase {
        try JournalDatabase(queue: DatabaseQueue(configuration: configuration()), pinHashRounds: pinHashRounds)
    }

    private init(queue: DatabaseQueue, pinHashRounds: Int) throws {
        path = nil
        pinHasher = PinHasher(rounds: pinHashRounds)
        writer = queue
        try migrate(path: ":memory:")
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

    private func migrate(path: String) throws {
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
        if !folder.isEmpty, !files.fileExists(atPath: folder) {
            do {
                try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw JournalError.folderNotCreatable(folder: folder, cause: (error as NSError).localizedDescription)
            }
        }
        if files.fileExists(atPath: path) {
            if !files.isWritableFile(atPath: path) {
                throw JournalError.notWritable(path: path, cause: "the file is read-only for this user")
            }
        } else if !files.isWritableFile(atPath: folder.isEmpty ? "." : folder) {
            throw JournalError.notWritable(path: path, cause: "the folder \(folder.isEmpty ? "." : folder) is read-only for this user")
        }
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
