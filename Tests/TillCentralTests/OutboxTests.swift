import Foundation
import Testing
@testable import TillCentral
import TillCore
import TillJournal
import TillPorts

/// The outbox sends a till's journal to the central journal in order, exactly once whatever is
/// lost on the way, and never sends what the till's own key does not vouch for.
@Suite struct OutboxTests {
    static let t0 = Timestamp(seconds: 1_790_000_000)
    static let tax = TaxClass(id: "STD", name: "Standard 13%", rateBasisPoints: 1300, inclusive: true)

    /// A few chained change entries: items and users.
    static func change(_ journal: JournalDatabase, _ rng: inout Seeded, _ n: Int) throws {
        if rng.int(0...1) == 0 {
            let item = CatalogItem(sku: "SKU\(n)", barcodes: [], name: "Item \(n) 茶", price: Money(minor: Int64(rng.int(1...9_999)), currency: .cny),
                                   taxClassID: tax.id)
            try journal.upsert(items: [item], by: nil)
        } else {
            try journal.addUser(User(code: "1\(100 + n)", name: "Clerk \(n)", role: .clerk), pin: "\(4000 + n)", by: nil)
        }
    }

    static func centralRows(_ database: TestDatabase, till: String) async throws -> [String] {
        try await database.texts("SELECT seq || ' ' || hash || ' ' || payload FROM central_entry WHERE till = '\(till)' ORDER BY seq")
    }

    static func localRows(_ journal: JournalDatabase) throws -> [String] {
        try journal.entries(after: 0, limit: 1_000_000).map { "\($0.seq) \($0.hash) \($0.payload)" }
    }

    @Test func everyEntryArrivesOnceInOrderWhateverAcknowledgementsAreLost() async throws {
        guard let database = try await TestDatabase.make("outbox") else { return }
        defer { Task { await database.drop() } }
        for seed in Seeded.seeds(count: 4, base: 0x0_B0C5) {
            var rng = Seeded(seed: seed)
            let journal = try JournalDatabase.inMemory(pinHashRounds: 1_000, clock: { Self.t0 })
            try journal.upsert(taxClasses: [Self.tax], by: nil)
            let till = String(format: "%02d", Int(seed % 90) + 10)
            let connection = CentralConnection(settings: database.settings)
            var n = 0
            for _ in 0..<rng.int(3...8) {
                for _ in 0..<rng.int(1...6) { n += 1; try Self.change(journal, &rng, n) }
                if rng.int(0...2) == 0 {
                    // The central journal stores a batch but the acknowledgement never reaches the till.
                    let state = try journal.outboxState()
                    let batch = try journal.entries(after: state.acknowledged, limit: rng.int(1...5))
                    let key = journal.centralKey()
                    _ = try await connection.run { db, logger in
                        try await CentralDatabase.prepare(db, logger: logger)
                        _ = try await CentralReceiver.enrol(shop: "01", till: till, key: key, db, logger: logger)
                        return try await CentralReceiver.receive(batch.map { CentralEntry(shop: "01", till: till, entry: $0, key: key.key) },
                                                                 db, logger: logger)
                    }
                }
                let outbox = Outbox(source: journal, connection: connection, till: till, batchSize: rng.int(1...7), clock: { Self.t0 })
                let report = try await outbox.pushPending()
                #expect(report.state.pending == 0 && report.state.acknowledged == report.state.head, "seed \(seed): \(report)")
            }
            #expect(try await Self.centralRows(database, till: till) == Self.localRows(journal),
                    "seed \(seed) (TILL_PROPERTY_SEED=\(seed)): central and local chains differ")
            // Pushing again sends nothing.
            let again = try await Outbox(source: journal, connection: connection, till: till, clock: { Self.t0 }).pushPending()
            #expect(again.stored == 0 && again.duplicates == 0)
            await connection.drop()
        }
        #expect(try await database.texts("SELECT count(*)::text FROM central_refusal") == ["0"])
    }

    /// Two journals that share a key and a till number: the second's different entry 1 is a
    /// fork, refused, reported, and the first's chain stays as it was.
    @Test func aForkIsRefusedAndReportedNeverStored() async throws {
        guard let database = try await TestDatabase.make("fork") else { return }
        defer { Task { await database.drop() } }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("till-fork-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let first = try JournalDatabase(path: folder + "/a.sqlite", keyFile: folder + "/shared.key", pinHashRounds: 1_000, clock: { Self.t0 })
        let second = try JournalDatabase(path: folder + "/b.sqlite", keyFile: folder + "/shared.key", pinHashRounds: 1_000, clock: { Self.t0 })
        try first.upsert(taxClasses: [Self.tax], by: nil)
        try second.upsert(taxClasses: [Self.tax, TaxClass(id: "RED", name: "Reduced 9%", rateBasisPoints: 900, inclusive: true)], by: nil)
        let connection = CentralConnection(settings: database.settings)
        try await Outbox(source: first, connection: connection, till: "05", clock: { Self.t0 }).pushPending()
        await #expect(throws: CentralFailure.self) {
            try await Outbox(source: second, connection: connection, till: "05", clock: { Self.t0 }).pushPending()
        }
        let state = try second.outboxState()
        #expect(state.acknowledged == 0)
        #expect(state.lastError?.en.contains("fork") == true && state.lastError?.zh.contains("分叉") == true, "\(String(describing: state.lastError))")
        #expect(state.lastRemedy?.en.isEmpty == false && state.lastRemedy?.zh.isEmpty == false)
        #expect(try await database.texts("SELECT problem FROM central_refusal") == ["fork"])
        #expect(try await Self.centralRows(database, till: "05") == Self.localRows(first))
        await connection.drop()
    }

    /// An entry edited in the SQLite file (without the key) is never sent.
    @Test func anEditedLocalEntryIsNotSent() async throws {
        guard let database = try await TestDatabase.make("edited") else { return }
        defer { Task { await database.drop() } }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("till-edit-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/journal.sqlite"
        do {
            let journal = try JournalDatabase(path: path, pinHashRounds: 1_000, clock: { Self.t0 })
            try journal.upsert(taxClasses: [Self.tax], by: nil)
            try journal.addUser(User(code: "1001", name: "Li Na", role: .clerk), pin: "1111", by: nil)
        }
        let edit = Process()
        edit.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        edit.arguments = [path, "UPDATE journalEntry SET payload = replace(payload, 'Li Na', 'Mallory') WHERE seq = 2"]
        try edit.run()
        edit.waitUntilExit()
        #expect(edit.terminationStatus == 0)
        let journal = try JournalDatabase(path: path, pinHashRounds: 1_000, clock: { Self.t0 })
        let connection = CentralConnection(settings: database.settings)
        await #expect(throws: CentralFailure.self) {
            try await Outbox(source: journal, connection: connection, till: "06", clock: { Self.t0 }).pushPending()
        }
        #expect(try journal.outboxState().acknowledged == 1)
        #expect(try await database.texts("SELECT seq::text FROM central_entry WHERE till = '06'") == ["1"])
        #expect(try journal.outboxState().lastError?.en.contains("does not verify against this till's key") == true)
        await connection.drop()
    }

    /// A server that accepts the connection and never answers gives a timeout that names the
    /// server and says sales go on, recorded for `till central status` — never a hang.
    @Test func aSilentServerTimesOutWithCauseAndRemedy() async throws {
        let silent = try SilentListener()
        defer { silent.close() }
        var settings = CentralSettings(address: CentralAddress(endpoint: .tcp(host: "127.0.0.1", port: silent.port), user: "till", database: "till"))
        settings.connectTimeoutSeconds = 1
        settings.queryTimeoutSeconds = 1
        let journal = try JournalDatabase.inMemory(pinHashRounds: 1_000, clock: { Self.t0 })
        try journal.upsert(taxClasses: [Self.tax], by: nil)
        let outbox = Outbox(source: journal, connection: CentralConnection(settings: settings), till: "07", clock: { Self.t0 })
        await #expect(throws: CentralFailure.self) { try await outbox.pushPending() }
        let state = try journal.outboxState()
        #expect(state.acknowledged == 0 && state.pending == 1)
        #expect(state.lastError?.en.contains("127.0.0.1:\(silent.port)") == true, "\(String(describing: state.lastError))")
        #expect(state.lastRemedy?.en.contains("Sales go on") == true && state.lastRemedy?.zh.contains("销售照常") == true)
    }
}
