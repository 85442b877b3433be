import Foundation
import Testing
import TillCentral
import TillCore
import TillPorts

/// The PostgreSQL central journal's answers when there is nothing to find or nobody to ask:
/// always a typed value, never a hang or a throw. (Reservations, races and a stopped server with
/// real tills: TillCommandTests `CrossTillProcessTests`.)
@Suite struct PostgresCentralJournalTests {
    static let key = DocumentKey(shop: .standard, number: DocumentNumber(kind: .sale, till: "01", sequence: 6))

    @Test func aSilentServerIsToldAsOfflineNotAwaitedForever() async throws {
        let silent = try SilentListener()
        defer { silent.close() }
        let settings = CentralSettings(address: CentralAddress(endpoint: .tcp(host: "127.0.0.1", port: silent.port), user: "till", database: "till"))
        let journal = PostgresCentralJournal(settings: settings, lookupTimeoutMs: 500, till: "01", centralKey: ("k", [1]))
        guard case .failure(let failure) = await journal.sale(Self.key) else { Issue.record("a silent server answered"); return }
        #expect(failure.isOffline, "\(failure)")
    }

    @Test func aRefusedConnectionIsUnreachable() async throws {
        // A port just released: nothing listens there.
        let closed = try SilentListener()
        let port = closed.port
        closed.close()
        let settings = CentralSettings(address: CentralAddress(endpoint: .tcp(host: "127.0.0.1", port: port), user: "till", database: "till"))
        let journal = PostgresCentralJournal(settings: settings, lookupTimeoutMs: 2000, till: "01", centralKey: ("k", [1]))
        let sale = await journal.sale(Self.key)
        guard case .failure(let failure) = sale, case .unreachable = failure else {
            Issue.record("expected unreachable, got \(sale)"); return
        }
    }

    @Test func aFreshDatabaseHasNoSuchSaleAndNoConflicts() async throws {
        guard let database = try await TestDatabase.make("xtill") else { return }
        defer { Task { await database.drop() } }
        // Not a test of the timeout: generous, so a loaded machine cannot turn "no such sale" into "timed out".
        let journal = PostgresCentralJournal(settings: database.settings, lookupTimeoutMs: 300_000, till: "01", centralKey: ("k", [1]))
        let lookedUp = await journal.sale(Self.key)
        guard case .failure(.notFound) = lookedUp else { Issue.record("expected no such sale, got \(lookedUp)"); return }
        guard case .success(let conflicts) = await journal.conflicts() else { Issue.record("conflicts failed"); return }
        #expect(conflicts.isEmpty)
        #expect(try await database.texts("SELECT count(*)::text FROM central_refund_reservation") == ["0"])
        await journal.close()
    }
}
