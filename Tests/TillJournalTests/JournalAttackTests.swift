import Foundation
import Testing
import TillCore
@testable import TillJournal

/// Issue 11's attacks, each done as a dishonest person holding the journal file would: the real
/// sqlite3 tool (or a short script) on the file, then `verify()` must report it, by entry and kind.
@Suite struct JournalAttackTests {
    let path = Fx.tempPath()
    var keyPath: String { JournalDatabase.defaultKeyPath(forJournal: path) }
    var anchorPath: String { JournalDatabase.anchorPath(forKey: keyPath, journal: path) }

    /// Users, tax classes, items, a shift, two sales, a refund (slip printed), a drill score and
    /// money settings: every kind of change the chain holds.
    @discardableResult
    func makeJournal() throws -> JournalDatabase {
        let clock = FixtureClock()
        let db = try JournalDatabase(path: path, pinHashRounds: 1_000, clock: { clock.now })
        try db.addUser(Fx.clerk, pin: "1111")
        try db.addUser(Fx.supervisor, pin: "246810", by: nil)
        try db.upsert(taxClasses: [Fx.standard, Fx.reduced])
        var kettle = Fx.item("KETTLE", 19_900, barcodes: ["6901234567892"])
        kettle.returnable = true
        try db.upsert(items: [kettle, Fx.item("MUG-01", 1_500)], by: "2001")
        try db.append(Fx.shift())
        let sale = Fx.saleRecord(1, lines: [Fx.line(1, sku: "KETTLE", each: 2, priceMinor: 19_900)])
        try db.append(.sale(sale, Fx.slip(.sale, sale.receipt)))
        try db.append(Fx.sale(2, lines: [Fx.line(1, sku: "MUG-01", each: 1, priceMinor: 1_500)]))
        try db.append(Fx.refund(Fx.refundRecord(1, of: sale, lines: [(1, 1)])))
        clock.set(Fx.afterFixtures)  // the till's clock has moved on past the refund
        try db.setPrintState(reference: "R01-000001", .failed(cause: "paper out", at: Fx.afterFixtures))
        try db.record(DrillAttempt(trainee: "mei", drill: "01-full-refund", startedAt: Fx.t0, seconds: 40, keystrokes: 30,
                                   wrongAttempts: 0, refusals: [], score: 61, breakdown: ["score 61/100"]))
        try db.recordMoneySettings(["refund.per_refund_limit": "500.00"])
        try db.unlock(code: "1001", by: "2001")
        #expect(try db.verify() == .intact(entries: 12))
        return db
    }

    func verify(anchors: [JournalAnchor] = []) throws -> JournalVerification {
        try JournalDatabase(path: path, pinHashRounds: 1_000, clock: { Fx.afterFixtures }).verify(anchors: anchors)
    }

    func expectFound(_ result: JournalVerification, _ problem: JournalProblem, seq: Int64?, mentioning words: [String],
                     sourceLocation: SourceLocation = #_sourceLocation) {
        let texts = result.problems.map { $0.text(.en) }
        #expect(result.problems.contains { finding in
            finding.problem == problem && finding.seq == seq && words.allSatisfy { finding.detail.en.contains($0) }
                && !finding.detail.zh.isEmpty
        }, "\(texts)", sourceLocation: sourceLocation)
    }

    @Test func promotedClerkIsFound() throws {
        try makeJournal()
        try Fx.sqlite3(path, "UPDATE user SET role = 'supervisor' WHERE code = '1001'")
        let result = try verify()
        #expect(result.problems.count == 1)
        expectFound(result, .tableChanged, seq: 1, mentioning: ["user \"1001\"", "role", "\"supervisor\"", "\"clerk\""])
        #expect(result.problems[0].text(.en).hasPrefix("entry #1 (1001) is contradicted by a table changed outside the journal"))
        #expect(result.problems[0].text(.zh).hasPrefix("第 1 条记录 (1001)"))
    }

    @Test func aPromotedClerkOrSwappedPinHashGainsNothingAtTheTill() throws {
        try makeJournal()
        let lockout = PinLockoutPolicy(maxAttempts: 5, lockSeconds: 300)
        // Promote the clerk and give him the supervisor's PIN hash (so the supervisor's PIN opens his code).
        try Fx.sqlite3(path, """
            UPDATE user SET role = 'admin', pinHash = (SELECT pinHash FROM user WHERE code = '2001') WHERE code = '1001';
            INSERT INTO user (code, name, role, pinHash) SELECT '6666', 'Me', 'admin', pinHash FROM user WHERE code = '2001';
            """)
        let db = try JournalDatabase(path: path, pinHashRounds: 1_000, clock: { Fx.afterFixtures })
        #expect(try db.authenticate(code: "1001", pin: "1111", now: Fx.t0, policy: lockout) == .success(Fx.clerk))
        #expect(try db.authenticate(code: "1001", pin: "246810", now: Fx.t0, policy: lockout) == .failure(.wrongPIN(attemptsLeft: 4)))
        #expect(try db.authenticate(code: "6666", pin: "246810", now: Fx.t0, policy: lockout) == .failure(.wrongPIN(attemptsLeft: 4)))
        // A forged user entry (not signed with the key) counts for nothing either.
        try Fx.sqlite3(path, "UPDATE journalEntry SET payload = replace(payload, '\"clerk\"', '\"admin\"') WHERE seq = 1")
        #expect(try db.authenticate(code: "1001", pin: "1111", now: Fx.t0, policy: lockout) == .failure(.wrongPIN(attemptsLeft: 3)))
    }

    @Test func changedPinHashIsFound() throws {
        try makeJournal()
        try Fx.sqlite3(path, "UPDATE user SET pinHash = (SELECT pinHash FROM user WHERE code = '2001') WHERE code = '1001'")
        expectFound(try verify(), .tableChanged, seq: 1, mentioning: ["user \"1001\"", "pinHash"])
    }

    @Test func addedAndDeletedUsersAreFound() throws {
        try makeJournal()
        try Fx.sqlite3(path, """
            INSERT INTO user (code, name, role, pinHash) SELECT '6666', 'Me', 'admin', pinHash FROM user WHERE code = '1001';
            DELETE FROM user WHERE code = '2001';
            """)
        let result = try verify()
        expectFound(result, .tableChanged, seq: nil, mentioning: ["user \"6666\"", "added outside the journal"])
        expectFound(result, .tableChanged, seq: 2, mentioning: ["user \"2001\"", "deleted outside the journal"])
    }

    @Test func priceReturnableAndTaxRateChangesAreEachFound() throws {
        try makeJournal()
        try Fx.sqlite3(path, """
            UPDATE catalogItem SET priceMinor = 100 WHERE sku = 'KETTLE';
            UPDATE catalogItem SET returnable = 0 WHERE sku = 'MUG-01';
            UPDATE taxClass SET rateBasisPoints = 0 WHERE id = 'STD';
            UPDATE barcode SET sku = 'MUG-01';
            """)
        let result = try verify()
        #expect(result.problems.count == 4, "\(result.problems.map { $0.text(.en) })")
        expectFound(result, .tableChanged, seq: 4, mentioning: ["catalogItem \"KETTLE\"", "priceMinor is 100", "recorded 19900"])
        expectFound(result, .tableChanged, seq: 4, mentioning: ["catalogItem \"MUG-01\"", "returnable is 0", "recorded 1"])
        expectFound(result, .tableChanged, seq: 3, mentioning: ["taxClass \"STD\"", "rateBasisPoints is 0", "recorded 1300"])
        expectFound(result, .tableChanged, seq: 4, mentioning: ["barcode \"6901234567892\"", "sku"])
    }

    @Test func hiddenUnprintedRefundAndForcedReprintAreFound() throws {
        try makeJournal()
        // Hide the refund whose slip failed; make a printed-looking sale slip look never printed.
        try Fx.sqlite3(path, """
            UPDATE slip SET printState = 'printed', printCause = NULL WHERE reference = 'R01-000001';
            UPDATE slip SET printState = 'failed', attempts = 1 WHERE reference = 'S01-000002';
            """)
        let result = try verify()
        expectFound(result, .tableChanged, seq: 9, mentioning: ["slip \"R01-000001\"", "printState is \"printed\"", "recorded \"failed\""])
        expectFound(result, .tableChanged, seq: 9, mentioning: ["slip \"R01-000001\"", "printCause"])
        expectFound(result, .tableChanged, seq: 7, mentioning: ["slip \"S01-000002\"", "printState is \"failed\""])
        expectFound(result, .tableChanged, seq: 7, mentioning: ["slip \"S01-000002\"", "attempts is 1"])
    }

    @Test func aSlipMarkedPrintedOrFailedWithSqliteIsReprintedForWhatReallyHappened() throws {
        try makeJournal()
        try Fx.sqlite3(path, """
            UPDATE slip SET printState = 'printed', printCause = NULL, attempts = 0 WHERE reference = 'R01-000001';
            UPDATE slip SET printState = 'failed', printCause = 'jam' WHERE reference = 'S01-000001';
            """)
        let db = try JournalDatabase(path: path, pinHashRounds: 1_000, clock: { Fx.afterFixtures })
        let refund = try #require(try db.slip(reference: "R01-000001"))
        #expect(refund.printState == .failed(cause: "paper out", at: Fx.afterFixtures) && refund.attempts == 1)
        #expect(try db.slip(reference: "S01-000001")?.printState == .pending)
    }

    @Test func drillScoreAndMoneySettingsChangesAreFound() throws {
        try makeJournal()
        try Fx.sqlite3(path, """
            UPDATE drillAttempt SET score = 100;
            UPDATE moneyConfiguration SET settings = replace(settings, '500.00', '50000.00');
            """)
        let result = try verify()
        expectFound(result, .tableChanged, seq: 10, mentioning: ["drillAttempt 10", "score is 100", "recorded 61"])
        expectFound(result, .tableChanged, seq: 11, mentioning: ["moneyConfiguration 1", "settings"])
    }

    @Test func everyProblemIsReportedNotOnlyTheFirst() throws {
        try makeJournal()
        try Fx.sqlite3(path, """
            UPDATE journalEntry SET totalMinor = 1 WHERE seq = 6;
            UPDATE user SET role = 'admin' WHERE code = '1001';
            UPDATE catalogItem SET priceMinor = 1 WHERE sku = 'MUG-01';
            DELETE FROM journalEntry WHERE seq = 8;
            """)
        let result = try verify()
        expectFound(result, .edited, seq: 6, mentioning: ["keyed hash"])
        expectFound(result, .deleted, seq: 8, mentioning: ["missing"])
        expectFound(result, .tableChanged, seq: 1, mentioning: ["role"])
        expectFound(result, .tableChanged, seq: 4, mentioning: ["priceMinor"])
    }

    @Test func tailCutWithSequenceResetIsFoundAndTheTillRefusesToTrade() throws {
        try makeJournal()
        let anchor = try #require(try JournalAnchorFile(path: anchorPath).load())
        #expect(anchor.count == 12)
        // Cut the refund and everything after it, its rows too, and make SQLite forget.
        try Fx.sqlite3(path, """
            DELETE FROM journalEntry WHERE seq >= 8; DELETE FROM refund; DELETE FROM refundLine;
            DELETE FROM tender WHERE entrySeq >= 8; DELETE FROM slip WHERE entrySeq >= 8; DELETE FROM document WHERE entrySeq >= 8;
            UPDATE sqlite_sequence SET seq = 7 WHERE name = 'journalEntry';
            """)
        let result = try verify()
        expectFound(result, .truncated, seq: 8, mentioning: ["entries 8…12 are missing"])
        let db = try JournalDatabase(path: path, pinHashRounds: 1_000, clock: { Fx.afterFixtures })
        #expect(throws: JournalError.behindAnchor(path: path, entries: 7, anchor: anchor)) { try db.ensureNotBehindAnchor() }
        // Numbers are never reissued: the next refund cannot be written.
        let sale = Fx.saleRecord(1, lines: [Fx.line(1, sku: "KETTLE", each: 2, priceMinor: 19_900)])
        #expect(throws: JournalError.behindAnchor(path: path, entries: 7, anchor: anchor)) {
            try db.append(Fx.refund(Fx.refundRecord(1, of: sale, lines: [(1, 1)])))
        }
        // The anchor file deleted too: the paper anchor (Z report, export) still tells.
        try FileManager.default.removeItem(atPath: anchorPath)
        expectFound(try verify(anchors: [anchor]), .truncated, seq: 8, mentioning: ["entries 8…12 are missing"])
    }

    @Test func absurdEntryNumbersAreReportedNotATrap() throws {
        try makeJournal()
        try Fx.sqlite3(path, """
            UPDATE journalEntry SET seq = 9223372036854775807 WHERE seq = 12;
            UPDATE journalEntry SET seq = -9223372036854775807 WHERE seq = 1;
            UPDATE sqlite_sequence SET seq = 9223372036854775807;
            """)
        let result = try verify()
        #expect(result.problems.contains { $0.problem == .deleted })
        let db = try JournalDatabase(path: path, pinHashRounds: 1_000, clock: { Fx.afterFixtures })
        #expect(throws: JournalError.unreadableEntry(seq: .max, cause: "the entry numbers are at their limit (sqlite_sequence was changed)")) {
            try db.append(.event(AuditEvent(kind: .signedIn, at: Fx.afterFixtures, user: "1001")))
        }
    }

    @Test func wipedJournalIsFoundWithTheMissingRange() throws {
        try makeJournal()
        try Fx.sqlite3(path, """
            DELETE FROM journalEntry; DELETE FROM saleLine; DELETE FROM tender; DELETE FROM refund; DELETE FROM refundLine;
            DELETE FROM shift; DELETE FROM slip; DELETE FROM document; DELETE FROM user; DELETE FROM catalogItem;
            DELETE FROM barcode; DELETE FROM taxClass; DELETE FROM drillAttempt; DELETE FROM moneyConfiguration;
            DELETE FROM sqlite_sequence;
            """)
        let result = try verify()
        #expect(result.entries == 0)
        expectFound(result, .truncated, seq: 1, mentioning: ["entries 1…12 are missing"])
    }

    @Test func aChainRehashedWithoutTheKeyFailsAtEveryEntry() throws {
        try makeJournal()
        try Fx.sqlite3(path, "UPDATE journalEntry SET totalMinor = 100, payload = replace(payload, '39800', '100') WHERE seq = 6")
        // The issue's ~20-line re-hasher, as a tamperer without the key file would write it: the
        // signing text recomputed for every entry with a key of his own (SHA-256 of nothing).
        let script = """
        import sqlite3, hmac, hashlib, sys
        cols = ["seq","kind","reference","till","shift","userCode","userName","approverCode","at","totalMinor",
                "currency","training","payload","prevHash"]
        def canon(v):
            if v is None: return "N"
            if isinstance(v, int): return "I%d" % v
            if isinstance(v, float): return "R%r" % v
            return "T%d:%s" % (len(v.encode()), v)
        db = sqlite3.connect(sys.argv[1])
        guess = hashlib.sha256(b"").digest()
        prev = "0" * 64
        for row in db.execute("SELECT %s FROM journalEntry ORDER BY seq" % ",".join(cols)).fetchall():
            row = list(row); row[13] = prev
            text = "".join("%s=%s\\n" % (c, canon(v)) for c, v in zip(cols, row))
            h = hmac.new(guess, text.encode(), hashlib.sha256).hexdigest()
            db.execute("UPDATE journalEntry SET prevHash = ?, hash = ? WHERE seq = ?", (prev, h, row[0]))
            prev = h
        db.commit()
        """
        let scriptPath = (path as NSString).deletingLastPathComponent + "/rehash.py"
        try script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3") // Debian's (Scripts/apt-packages.txt)
        process.arguments = [scriptPath, path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        try FileManager.default.removeItem(atPath: anchorPath) // he removes the anchor as well
        let result = try verify()
        #expect(result.problems.filter { $0.problem == .edited }.count == 12, "\(result.problems.map { $0.text(.en) })")
    }

    @Test func aWrongOrMissingKeyFileIsNamedNotMistakenForTampering() throws {
        try makeJournal()
        let saved = try String(contentsOfFile: keyPath, encoding: .utf8)
        try FileManager.default.removeItem(atPath: keyPath)
        #expect(throws: JournalError.keyFileMissing(path: keyPath, journal: path)) { try verify() }
        try JournalKey.generate().create(path: keyPath)
        #expect(throws: JournalError.keyFileMismatch(path: keyPath, journal: path)) { try verify() }
        try FileManager.default.removeItem(atPath: keyPath)
        try saved.write(toFile: keyPath, atomically: true, encoding: .utf8) // an escrow copy restored (mode tightened on load)
        #expect(try verify().isIntact)
        #expect(try permissions(keyPath) == 0o600)
    }

    @Test func aJournalFromBeforeTheKeyedChainIsRefusedWithARemedy() throws {
        try makeJournal()
        try Fx.sqlite3(path, "DELETE FROM journalMeta")
        #expect(throws: JournalError.unkeyedJournal(path: path)) { try verify() }
        #expect(!JournalError.unkeyedJournal(path: path).remedy.zh.isEmpty)
    }

    func permissions(_ path: String) throws -> mode_t {
        var info = stat()
        guard stat(path, &info) == 0 else { throw JournalError.fileNotReadable(path: path, cause: "stat") }
        return info.st_mode & 0o777
    }

    @Test func keyFileJournalAndFolderAreForTheTillsUserOnly() throws {
        try makeJournal()
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try permissions(folder) == 0o700)
        for file in [path, path + "-wal", keyPath, anchorPath] where FileManager.default.fileExists(atPath: file) {
            #expect(try permissions(file) == 0o600, "\(file)")
        }
        guard geteuid() == 0 else { return } // opening as another user needs root to switch
        func readAsNobody(_ file: String) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=nobody", "--regid=nogroup", "--clear-groups", "/bin/cat", file]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        #expect(try readAsNobody(keyPath) != 0)
        // Even with the folder opened up, the files themselves stay closed to others.
        _ = chmod(folder, 0o755)
        defer { _ = chmod(folder, 0o700) }
        #expect(try readAsNobody("/etc/hostname") == 0) // the switch itself works
        for file in [path, keyPath, anchorPath] { #expect(try readAsNobody(file) != 0, "\(file)") }
    }

    @Test func anExistingWorldReadableJournalIsTightenedOnOpen() throws {
        try makeJournal()
        _ = chmod(path, 0o644)
        _ = try JournalDatabase(path: path, pinHashRounds: 1_000, clock: { Fx.afterFixtures })
        #expect(try permissions(path) == 0o600)
    }

    @Test func aZReportPrintsTheAnchorOfTheChainBeforeIt() throws {
        let db = try makeJournal()
        let head = try #require(try db.head())
        let totals = try #require(try db.shiftTotals(shift: 1, till: Fx.till))
        #expect(totals.journalHead == head)
        let slip = SlipTemplates(shop: ShopInfo(name: "Shop"), language: .en, utcOffsetSeconds: 0)
            .shiftReport(totals, zNumber: "Z01-000001", at: Fx.afterFixtures, by: Fx.supervisor)
        let text = PlainTextSlipRenderer.render(slip).joined(separator: "\n")
        #expect(text.contains(String(head.hash.prefix(32))) && text.contains(String(head.hash.dropFirst(32))), "\(text)")
        #expect(text.contains("Journal entries") && text.contains("12"))
        #expect(try verify(anchors: [head]).isIntact)
        #expect(JournalAnchor(parsing: head.description) == head)
    }
}
