import Foundation
import Testing
import TillCentral
import TillCore
import TillJournal
import TillPorts
import TillRuntime

/// Users published centrally sign in at every till, each till's copy its own chained entries;
/// users and items a newer revision drops stop signing in / selling there, as chained entries,
/// while old sales of a dropped item can still be refunded. Against real PostgreSQL.
@Suite struct UserPublicationTests {
    static let t0 = Timestamp(seconds: 1_790_000_000)
    static let vat = TaxClass(id: "VAT13", name: "VAT 13%", rateBasisPoints: 1300, inclusive: true)
    static let tea = CatalogItem(sku: "TEA", barcodes: ["6901234567892"], name: "Jasmine tea 茉莉花茶",
                                 price: Money(minor: 2500, currency: .cny), taxClassID: "VAT13")
    static let mug = CatalogItem(sku: "MUG", barcodes: ["4006381333931"], name: "Mug", price: Money(minor: 1000, currency: .cny),
                                 taxClassID: "VAT13")

    /// A till of the chain: its own in-memory SQLite journal (its own pepper), the chain user
    /// key, and the real runtime over it.
    final class Till {
        let journal: JournalDatabase
        let runtime: RegisterRuntime
        init(_ id: String, key: ChainUserKey?) throws {
            journal = try JournalDatabase.inMemory(pinHashRounds: 10, chainUserKey: key, clock: { UserPublicationTests.t0 })
            runtime = try RegisterRuntime(config: RegisterConfig(till: id), journal: journal, printer: PaperPrinter(),
                                          clock: { UserPublicationTests.t0 })
        }
        func send(_ actions: RegisterAction...) -> [RuntimeOutput] { actions.flatMap { runtime.send($0) } }
        func signIn(_ code: String, _ pin: String) -> [RuntimeOutput] {
            if runtime.state.user != nil { _ = send(.signOutRequested) }
            return send(.signInRequested(code: code, pin: pin))
        }
    }

    static func signedIn(_ out: [RuntimeOutput]) -> Bool { out.contains { if case .event(.signedIn) = $0 { true } else { false } } }
    static func refusals(_ out: [RuntimeOutput]) -> [Refusal] {
        out.compactMap { if case .event(.refused(let r)) = $0 { r } else { nil } }
    }

    static func users(_ csv: String, key: ChainUserKey, previous: [PublishedUser] = []) throws -> [PublishedUser] {
        try UserListReader(key: key, rounds: 10, pinPolicy: .standard).read(bytes: Array(csv.utf8), previous: previous)
    }

    static func publish(_ items: [CatalogItem], _ users: [PublishedUser]?, key: ChainUserKey, shop: String? = "01",
                        _ connection: CentralConnection) async throws -> Int64 {
        try await CatalogPublication.publish(taxClasses: [vat], items: items,
                                             users: users.map { CatalogPublication.UserList(users: $0, keyID: key.id, sign: { key.sign($0) }) },
                                             signer: CatalogPublication.Signer(keyID: key.id, sign: { key.sign($0) }),
                                             by: "9001", shop: shop, connection: connection)
    }

    @Test func publishedUsersSignInAtTwoTillsDroppedOnesCannotAndDroppedItemsAreRefusedButRefundable() async throws {
        guard let database = try await TestDatabase.make("users") else { return }
        defer { Task { await database.drop() } }
        let connection = CentralConnection(settings: database.settings)
        defer { Task { await connection.drop() } }
        let key = ChainUserKey.generate()
        let first = try Self.users("code,name,role,pin\n9001,Admin,admin,999999\n1001,Lin 林收银,clerk,1111\n2001,Wang,supervisor,222222\n",
                                   key: key)
        let revision1 = try await Self.publish([Self.tea, Self.mug], first, key: key, connection)
        let tills = try ["01", "02"].map { try Till($0, key: key) }
        for till in tills { try await CatalogPublication.pull(into: till.journal, shop: "01", connection: connection) }

        // What the central database holds gives nothing to sign in with: no PIN, no till's hash.
        let stored = try await database.texts("SELECT users FROM central_publication WHERE revision = \(revision1)").joined()
        #expect(!stored.contains("1111") && !stored.contains("222222") && stored.contains("pbkdf2-sha256-chain$"))
        #expect(!stored.contains("pepper"))

        // Signed in at both tills, each with its own journal's entries.
        for till in tills {
            #expect(Self.signedIn(till.signIn("1001", "1111")), "\(till.runtime.state.config.till)")
            #expect(try till.journal.users().map(\.code) == ["1001", "2001", "9001"])
        }
        let till = tills[0]
        _ = till.signIn("2001", "222222")
        _ = till.send(.shiftOpenRequested(float: Money(minor: 0, currency: .cny)))
        let sale = till.send(.codeEntered("4006381333931", quantity: nil), .tendered(.cash, amount: nil, reference: nil))
        #expect(sale.contains { if case .event(.saleCompleted(receipt: "S01-000001", _, _)) = $0 { true } else { false } })

        // Revision 2 drops the mug and the clerk; the supervisor keeps the PIN published before.
        let second = try Self.users("code,name,role,pin\n9001,Admin,admin,\n2001,Wang,supervisor,\n", key: key, previous: first)
        let revision2 = try await Self.publish([Self.tea], second, key: key, connection)
        for till in tills { try await CatalogPublication.pull(into: till.journal, shop: "01", connection: connection) }

        for till in tills {
            let refused = till.signIn("1001", "1111")
            #expect(!Self.signedIn(refused))
            // Answered exactly like a code nobody has.
            #expect(Self.refusals(refused).map(\.code) == ["wrong_pin"])
            #expect(try till.journal.users().map(\.code) == ["2001", "9001"])
            #expect(Self.signedIn(till.signIn("2001", "222222")))
        }
        _ = till.send(.shiftOpenRequested(float: Money(minor: 0, currency: .cny)))
        let scanned = till.send(.codeEntered("4006381333931", quantity: nil))
        let withdrawal = ItemWithdrawal(sku: "MUG", name: "Mug", revision: revision2, by: "9001")
        #expect(Self.refusals(scanned) == [.itemNoLongerSold(code: "4006381333931", withdrawal: withdrawal)])
        #expect(Refusal.itemNoLongerSold(code: "MUG", withdrawal: withdrawal).message(.en)
                == "Item MUG (Mug) is no longer sold (removed from the catalog by 9001 in revision \(revision2)).")
        #expect(try till.journal.searchItems("mug").isEmpty)
        // The old sale of it is still refunded, naming it.
        let refund = till.send(.refundStarted, .receiptEntered("S01-000001"), .refundQuantitySet(line: 1, .one),
                               .reasonChosen(code: "DAMAGED"), .confirmed)
        #expect(refund.contains { if case .event(.refundCompleted) = $0 { true } else { false } }, "\(refund)")
        #expect(try till.journal.sale(DocumentNumber(kind: .sale, till: "01", sequence: 1))?.sale.lines.first?.name == "Mug")

        // Every withdrawal and removal is a chained entry naming who published it; history is whole.
        for till in tills {
            let verification = try till.journal.verify()
            #expect(verification.isIntact, "\(verification.problems)")
        }
        // A revision listing the mug again sells it again.
        let revision3 = try await Self.publish([Self.tea, Self.mug], nil, key: key, connection)
        try await CatalogPublication.pull(into: till.journal, shop: "01", connection: connection)
        #expect(try till.journal.itemForSale(code: "MUG") != nil)
        #expect(try till.journal.pulledRevision() == revision3)
        #expect(try till.journal.users().map(\.code) == ["2001", "9001"], "a revision without users leaves them as they were")
    }

    @Test func aListChangedCentrallyOrSignedWithAnotherKeyIsRefusedAndTheTillKeepsItsUsers() async throws {
        guard let database = try await TestDatabase.make("usersig") else { return }
        defer { Task { await database.drop() } }
        let connection = CentralConnection(settings: database.settings)
        defer { Task { await connection.drop() } }
        let key = ChainUserKey.generate()
        let users = try Self.users("code,name,role,pin\n2001,Wang,supervisor,222222\n1001,Lin,clerk,1111\n", key: key)
        _ = try await Self.publish([Self.tea], users, key: key, connection)
        let till = try Till("01", key: key)
        try await CatalogPublication.pull(into: till.journal, shop: "01", connection: connection)
        let head = try till.journal.outboxState().head

        // Someone with write access promotes the clerk: the signature no longer verifies.
        let tampered = try await Self.publish([Self.tea], users, key: key, connection)
        _ = try await database.texts("""
            UPDATE central_publication SET users = replace(users, '"clerk"', '"admin"')
            WHERE revision = (SELECT max(revision) FROM central_publication) RETURNING 'x'
            """)
        let journal = till.journal
        await #expect(throws: PublicationProblem.self) { try await CatalogPublication.pull(into: journal, shop: "01", connection: connection) }
        #expect(try till.journal.user(code: "1001")?.role == .clerk)
        #expect(try till.journal.pulledRevision() < tampered, "tried again at the next pull")

        // A till of another chain (another key), or with none, takes nothing and says why.
        for other in [try Till("02", key: ChainUserKey.generate()), try Till("03", key: nil)] {
            do {
                try await CatalogPublication.pull(into: other.journal, shop: "01", connection: connection)
                Issue.record("a list signed with another key was taken")
            } catch let problem as PublicationProblem {
                #expect(["central_users_other_key", "central_users_no_key"].contains(problem.code))
                #expect(!problem.remedy(.zh).isEmpty && !problem.message(.en).isEmpty)
            }
            #expect(try other.journal.users().isEmpty)
        }
        #expect(try till.journal.outboxState().head == head)
    }

    @Test func centralWinsForRoleAndALockOutStaysWithItsTill() async throws {
        guard let database = try await TestDatabase.make("userwins") else { return }
        defer { Task { await database.drop() } }
        let connection = CentralConnection(settings: database.settings)
        defer { Task { await connection.drop() } }
        let key = ChainUserKey.generate()
        let a = try Till("01", key: key), b = try Till("02", key: key)
        // Added locally at till 01 as a supervisor before the chain managed users.
        try a.journal.addUser(User(code: "1001", name: "Lin", role: .supervisor), pin: "654321")
        let users = try Self.users("code,name,role,pin\n2001,Wang,supervisor,222222\n1001,Lin,clerk,1111\n", key: key)
        _ = try await Self.publish([Self.tea], users, key: key, connection)
        try await CatalogPublication.pull(into: a.journal, shop: "01", connection: connection)
        try await CatalogPublication.pull(into: b.journal, shop: "01", connection: connection)
        // The central revision wins: role and PIN as published (the chain decides who may approve).
        #expect(try a.journal.user(code: "1001")?.role == .clerk)
        #expect(!Self.signedIn(a.signIn("1001", "654321")))
        #expect(Self.signedIn(a.signIn("1001", "1111")))

        // Five wrong PINs lock 2001 at till 01 only; a new revision changing 2001 does not unlock it.
        for _ in 0..<5 { _ = a.signIn("2001", "000000") }
        let renamed = try Self.users("code,name,role,pin\n2001,Wang Wei,supervisor,\n1001,Lin,clerk,\n", key: key, previous: users)
        _ = try await Self.publish([Self.tea], renamed, key: key, connection)
        try await CatalogPublication.pull(into: a.journal, shop: "01", connection: connection)
        try await CatalogPublication.pull(into: b.journal, shop: "01", connection: connection)
        #expect(Self.refusals(a.signIn("2001", "222222")).map(\.code) == ["locked_out"])
        #expect(Self.signedIn(b.signIn("2001", "222222")))
        #expect(try b.journal.user(code: "2001")?.name == "Wang Wei")
    }

    /// For generated sequences of publications (items, prices and users added, changed and
    /// dropped; some revisions without users), each till's items for sale and users equal the
    /// newest revision it pulled, whichever revisions it missed.
    @Test func eachTillEqualsTheNewestRevisionItPulled() async throws {
        let key = ChainUserKey.generate()
        let roles: [Role] = [.clerk, .supervisor, .trainer, .technician, .admin]
        for seed in Seeded.seeds(count: 3, base: 0x05E5_0000) {
            // A database per seed: one seed's chain-wide revisions are not another's.
            guard let database = try await TestDatabase.make("userprop") else { return }
            let connection = CentralConnection(settings: database.settings)
            defer { Task { await connection.drop(); await database.drop() } }
            var rng = Seeded(seed: seed)
            let shop = "S\(seed % 1000)"
            let tills = try (0..<2).map { _ in try Till("01", key: key) }
            var lastUsers: [PublishedUser] = [], pins: [String: String] = [:]
            for _ in 0..<rng.int(3...6) {
                let items = (0..<8).filter { _ in rng.int(0...2) > 0 }.map { n in
                    CatalogItem(sku: "I\(n)", barcodes: ["69\(n)\(rng.int(0...1))"], name: "Item \(n) 品\(rng.int(0...3))",
                                price: Money(minor: Int64(rng.int(1...50_000)), currency: .cny), taxClassID: "VAT13")
                }
                var users: [PublishedUser]?
                if rng.int(0...3) > 0 {
                    var rows = ["code,name,role,pin"]
                    for n in 0..<6 where n == 0 || rng.int(0...1) == 0 {
                        let code = "\(5000 + n)", role = n == 0 ? Role.supervisor : roles[rng.int(0...4)]
                        let keep = lastUsers.contains { $0.code == code } && rng.int(0...1) == 0
                        let pin = keep ? "" : String(repeating: String(rng.int(1...9)), count: 6)
                        if !keep { pins[code] = pin }
                        rows.append("\(code),User \(n) 人\(rng.int(0...2)),\(role.rawValue),\(pin)")
                    }
                    users = try Self.users(rows.joined(separator: "\n"), key: key, previous: lastUsers)
                    lastUsers = users ?? []
                }
                _ = try await Self.publish(items, users, key: key, shop: rng.int(0...1) == 0 ? shop : nil, connection)
                for (index, till) in tills.enumerated() where rng.int(0...2) > 0 {
                    try await CatalogPublication.pull(into: till.journal, shop: shop, connection: connection)
                    // The newest list published so far: a revision without users leaves the last one's.
                    let expected = lastUsers
                    let context = "seed \(seed) (TILL_PROPERTY_SEED=\(seed)), till \(index)"
                    #expect(try till.journal.catalogItems() == items.sorted { $0.sku < $1.sku }, "\(context)")
                    for item in items { #expect(try till.journal.itemForSale(code: item.sku)?.0 == item, "\(context): \(item.sku)") }
                    #expect(try till.journal.users().map { PublishedUser(code: $0.code, name: $0.name, role: $0.role, pinHash: "") }
                            == expected.map { PublishedUser(code: $0.code, name: $0.name, role: $0.role, pinHash: "") },
                            "\(context)")
                    for user in expected {
                        let result = try till.journal.authenticate(code: user.code, pin: pins[user.code] ?? "", now: Self.t0,
                                                                   policy: PinLockoutPolicy())
                        #expect((try? result.get())?.code == user.code, "\(context): \(user.code) signs in")
                    }
                    #expect(try till.journal.verify().isIntact, "\(context)")
                }
            }
        }
    }
}

/// A printer that always has paper (slips are not what these tests look at).
final class PaperPrinter: SlipPrinter {
    var name: String { "paper" }
    func print(_ slip: SlipDocument) -> PrintOutcome { .printed }
    func openDrawer() -> PrintOutcome { .printed }
    func currentState() -> PrinterState { .ready }
}
