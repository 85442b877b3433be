import GRDB

extension JournalDatabase {
    /// Database access for the public API: SQLite failures become `JournalError`s that name the
    /// journal file, the cause and a remedy (disk full, locked by another program, damaged), so the
    /// runtime and CLI never show a raw SQLite error. Typed `JournalError`s pass through unchanged.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.read(body) } catch let error as DatabaseError { throw storageError(error) }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.write(body) } catch let error as DatabaseError { throw storageError(error) }
    }

    func writeWithoutTransaction<T>(_ body: (Database) throws -> T) throws -> T {
        do { return try writer.writeWithoutTransaction(body) } catch let error as DatabaseError { throw storageError(error) }
    }

    private func storageError(_ error: DatabaseError) -> JournalError {
        let where_ = path ?? ":memory:"
        let cause = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_FULL: return .diskFull(path: where_)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: where_)
        case .SQLITE_CORRUPT, .SQLITE_NOTADB: return .damaged(path: where_, cause: cause)
        case .SQLITE_READONLY, .SQLITE_PERM, .SQLITE_CANTOPEN: return .notWritable(path: where_, cause: cause)
        default: return .storageFailed(path: where_, cause: cause)
        }
    }
}
