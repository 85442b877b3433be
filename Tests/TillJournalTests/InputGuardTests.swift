import Foundation
import Testing
import TillCore
@testable import TillJournal

/// Issue 9: the journal refuses to store or sign text with control characters and entries dated
/// before the one they follow, whatever the layers above did.
@Suite struct InputGuardTests {
    @Test func aRecordWithANULIsRefusedAndNothingIsStored() throws {
        let journal = try JournalDatabase.inMemory()
        try journal.append(Fx.shift())
        var sale = Fx.saleRecord(1, lines: [Fx.line(1, sku: "A", each: 1, priceMinor: 500)], tender: .card)
        sale.tenders[0].reference = "T\u{0}X"
        #expect(throws: JournalError.textNotAllowed(character: "U+0000", text: "a journal record")) {
            try journal.append(.sale(sale, Fx.slip(.sale, sale.receipt)))
        }
        #expect(try journal.sale(DocumentNumber(kind: .sale, till: "01", sequence: 1)) == nil)
        #expect(try journal.verify().isIntact)
    }

    /// Random text with or without a forbidden character, in an audit event's fields: stored
    /// exactly when clean, and what is stored always verifies.
    @Test func generatedTextIsStoredExactlyWhenClean() throws {
        let journal = try JournalDatabase.inMemory()
        // $TILL_TEST_SEED repeats a run.
        var random = ProcessInfo.processInfo.environment["TILL_TEST_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        let seed = random
        func next(_ n: Int) -> Int {
            random ^= random << 13; random ^= random >> 7; random ^= random << 17
            return Int(random % UInt64(n))
        }
        let pieces = ["a", "茶", "é", "e\u{301}", "\u{200D}", " ", "\\", "\"", "\u{0}", "\u{1F}", "\u{7F}", "\u{9B}", "\u{202E}",
                      "\u{2067}", "\u{FEFF}", "\u{2028}", "\n", "\t", "\u{AD}", "👍"]
        var stored = 0
        for _ in 0..<400 {
            let text = (0..<next(6)).map { _ in pieces[next(pieces.count)] }.joined()
            let clean = InputText.firstForbidden(in: text) == nil
            let event = AuditEvent(kind: .refusal, at: Fx.t0, user: "1001", detail: text)
            do {
                try journal.append(.event(event))
                stored += 1
                #expect(clean, "seed \(seed): stored \(text.unicodeScalars.map { $0.value })")
            } catch let error as JournalError {
                #expect(!clean, "seed \(seed): refused clean text \(text.debugDescription): \(error)")
                guard case .textNotAllowed = error else { Issue.record("seed \(seed): \(error)"); return }
            }
        }
        #expect(stored > 0)
        #expect(try journal.verify().isIntact, "seed \(seed)")
    }

    @Test func entriesAreNeverDatedBeforeTheLastOne() throws {
        let journal = try JournalDatabase.inMemory()
        try journal.append(.event(AuditEvent(kind: .signedIn, at: Fx.t0, user: "1001")))
        try journal.append(.event(AuditEvent(kind: .signedOut, at: Fx.t0, user: "1001"))) // the same second is fine
        let earlier = Fx.t0.adding(seconds: -1)
        #expect(throws: JournalError.entryBeforeLast(at: earlier, last: Fx.t0)) {
            try journal.append(.event(AuditEvent(kind: .signedIn, at: earlier, user: "1001")))
        }
        #expect(throws: JournalError.self) {
            try journal.append(.event(AuditEvent(kind: .signedIn, at: Timestamp(seconds: Int64.max), user: "1001")))
        }
        #expect(JournalError.entryBeforeLast(at: earlier, last: Fx.t0).remedy(.en).contains("system clock"))
        #expect(try journal.lastEntryTime() == Fx.t0)
    }

    @Test func usersAndCatalogItemsWithControlCharactersOrHugePricesAreRefused() throws {
        let journal = try JournalDatabase.inMemory()
        #expect(throws: JournalError.self) { try journal.addUser(User(code: "10\u{0}1", name: "X", role: .clerk), pin: "1111") }
        #expect(throws: JournalError.self) { try journal.addUser(User(code: "1001", name: "X", role: .clerk), pin: "1\u{301}11") }
        #expect(try journal.users().isEmpty)
        try journal.upsert(taxClasses: [Fx.standard])
        #expect(throws: JournalError.self) { try journal.upsert(items: [Fx.item("A\u{202E}", 100)]) }
        #expect(throws: JournalError.self) { try journal.upsert(items: [Fx.item("A", ValueLimits.maximumAmountMinor + 1)]) }
    }

    @Test func aCatalogRowWithACombiningMarkIsRejectedAndTheRestIsKept() throws {
        let journal = try JournalDatabase.inMemory()
        try journal.upsert(taxClasses: [Fx.standard])
        let csv = """
        sku,barcodes,name,price,tax_class,returnable,weighed
        A,,Apple,1.00,STD,,
        B,,Bad price,1\u{301}.00,STD,,
        C,,Cup\u{0},2.00,STD,,
        D,,Dear,9999999999999.99,STD,,
        E,,Egg,3.00,STD,,

        """
        let summary = try CatalogImporter(database: journal, currency: .cny, batchSize: 10).importCSV(bytes: Array(csv.utf8))
        #expect(summary.imported == 2)
        #expect(summary.rejected.map(\.line) == [3, 4, 5])
        #expect(summary.rejected[1].problem == .controlCharacter(column: "name", character: "U+0000"))
        #expect(summary.rejected[2].text(.en).contains("over the maximum 999999999.99"))
        #expect(try journal.item(code: "E") != nil && journal.item(code: "A") != nil)
    }
}
