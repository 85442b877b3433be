import Foundation
import Testing
import TillCentral
import TillCore
import TillPorts

/// The reservation ledger on real PostgreSQL against what a killed till, two tills sharing a
/// number and a hostile database leave behind: a refund number reserved again moves to its new
/// sale (the first sale is not blocked by a refund of another one); another refund under a
/// number already committed is refused by name; rows that do not read, or read as damaged
/// figures, make the sale refused as damaged, never checked without them (nor a trap).
@Suite struct CentralReservationIntegrityTests {
    static let tax = TaxClass(id: "STD", name: "Standard 13%", rateBasisPoints: 1300, inclusive: true)
    static let clerk = User(code: "1001", name: "Clerk", role: .clerk)
    static let t0 = Timestamp(seconds: 1_790_000_000)
    static let reason = ReasonCode(code: "DAMAGED", label: LocalizedText(en: "Damaged", zh: "损坏"), category: "quality")

    /// Sale `seq` of `till`: `quantity` teas at 10.00, paid in cash.
    static func sale(till: String, seq: Int64, quantity: Int64) -> SaleRecord {
        let item = CatalogItem(sku: "TEA", barcodes: [], name: "Tea 茶", price: Money(minor: 1000, currency: .cny), taxClassID: tax.id)
        let line = SaleLine(lineNo: 1, item: item, quantity: .each(quantity), taxClass: tax, barcode: nil)
        let totals = SaleTotals(lines: [line], currency: .cny)
        return SaleRecord(receipt: DocumentNumber(kind: .sale, till: till, sequence: seq).description, receiptCode: "C\(till)\(seq)",
                          till: till, shift: 1, at: t0, clerk: clerk, lines: [line], tenders: [Tender(kind: .cash, amount: totals.gross)],
                          totals: totals, rounding: .zero(.cny), change: .zero(.cny), training: false)
    }

    /// Refund `seq` of `till`: `quantity` teas of `sale` back in cash.
    static func refund(till: String, seq: Int64, of sale: SaleRecord, quantity: Int64, at: Timestamp = t0) -> RefundRecord {
        let line = sale.lines[0]
        let taxed = LineTax.compute(amount: Money(minor: 1000 * quantity, currency: .cny), taxClass: tax)
        return RefundRecord(number: DocumentNumber(kind: .refund, till: till, sequence: seq).description, till: till, shift: 1, at: at,
                            clerk: clerk, approver: nil, approvals: [], originalReceipt: sale.receipt, originalSoldAt: sale.at,
                            lines: [RefundLine(originalLineNo: 1, sku: line.sku, name: line.name, quantity: .each(quantity),
                                               unitPrice: line.unitPrice, amount: taxed.gross, tax: taxed.tax, weighed: false)],
                            tenders: [Tender(kind: .cash, amount: taxed.gross)], reason: reason, customerReference: nil,
                            rounding: .zero(.cny), training: false)
    }

    static func key(_ sale: SaleRecord) -> DocumentKey { DocumentKey(shop: .standard, number: DocumentNumber(parsing: sale.receipt)!) }

    /// Till `till`'s refund of its own sale (carried with the reservation: not replicated yet).
    static func own(_ sale: SaleRecord, _ refund: RefundRecord) -> RefundReservation {
        RefundReservation(sale: key(sale), shop: .standard, refund: refund, ownSale: sale)
    }

    /// Till `till`'s journal, signing its reservations with its own central key.
    static func journal(_ database: TestDatabase, till: String = "01") -> PostgresCentralJournal {
        // Not a test of the timeout: generous, so a loaded machine cannot turn an answer into "timed out".
        var settings = database.settings
        settings.shop = ShopCode.standard.description   // the shop the reservations name, and the till is enrolled in
        return PostgresCentralJournal(settings: settings, lookupTimeoutMs: 300_000, till: till, centralKey: ("test-\(till)", key(till)))
    }

    static func key(_ till: String) -> [UInt8] { Array("central key of till \(till)".utf8) }

    /// Rows a hostile till (`07`, which holds its own key) writes beside a sale's honest ones: the
    /// database's signature trigger is switched off for the insert, then each row is signed with
    /// till 07's key, so the rows verify and only their content is hostile.
    static func hostileRows(_ database: TestDatabase, insert: String) async throws {
        _ = try await database.texts("""
            INSERT INTO central_till (shop, till, key_id, mac_key) VALUES ('0001', '07', 'test-07', '\\x\(key("07").map { String(format: "%02x", $0) }.joined())')
            ON CONFLICT DO NOTHING RETURNING till
            """)
        // One statement per call (the extended protocol takes no more); ALTER TABLE outlives the call.
        _ = try await database.texts("ALTER TABLE central_refund_reservation DISABLE TRIGGER USER")
        _ = try await database.texts(insert)
        _ = try await database.texts("""
            UPDATE central_refund_reservation r SET mac = encode(hmac(convert_to(central_reservation_signing_text(r), 'UTF8'), t.mac_key, 'sha256'), 'hex')
            FROM central_till t WHERE t.shop = r.shop AND t.till = r.till AND r.mac IS NULL RETURNING r.refund_key
            """)
        _ = try await database.texts("ALTER TABLE central_refund_reservation ENABLE TRIGGER USER")
    }

    /// Till 01 reserves a refund of sale A and is killed before it commits (or its release is
    /// lost); after a restart the same refund number is reserved for sale B. Sale A's goods are
    /// free again — all of them refundable elsewhere — and the refund counts against B only.
    @Test func aRefundNumberReservedAgainMovesToItsNewSale() async throws {
        guard let database = try await TestDatabase.make("resmove") else { return }
        defer { Task { await database.drop() } }
        let journal = Self.journal(database), tillTwo = Self.journal(database, till: "02")
        for seed in Seeded.seeds(count: 3, base: 0x5_7A1E) {
            var rng = Seeded(seed: seed)
            let base = Int64(seed % 1000) * 10
            let sold = Int64(rng.int(1...5)), takenA = Int64(rng.int(1...Int(sold))), takenB = Int64(rng.int(1...Int(sold)))
            let saleA = Self.sale(till: "01", seq: base + 1, quantity: sold), saleB = Self.sale(till: "01", seq: base + 2, quantity: sold)
            let first = Self.refund(till: "01", seq: base + 1, of: saleA, quantity: takenA)
            guard case .success = await journal.reserve(Self.own(saleA, first)) else { Issue.record("seed \(seed): first reserve"); continue }
            // Killed here. Restarted, the till's next refund has the same number, of sale B.
            let again = Self.refund(till: "01", seq: base + 1, of: saleB, quantity: takenB, at: Timestamp(seconds: Self.t0.seconds + 60))
            let moved = await journal.reserve(Self.own(saleB, again))
            guard case .success = moved else { Issue.record("seed \(seed): \(moved)"); continue }
            guard case .success(let a) = await journal.sale(Self.key(saleA)), case .success(let b) = await journal.sale(Self.key(saleB)) else {
                Issue.record("seed \(seed): look-ups failed"); continue
            }
            #expect(a.refunds.isEmpty, "seed \(seed): sale A still holds \(a.refunds.map(\.refund.originalReceipt))")
            #expect(b.refunds.map(\.refund) == [again], "seed \(seed)")
            // Another till may refund every tea of sale A.
            let all = Self.refund(till: "02", seq: base + 1, of: saleA, quantity: sold)
            let whole = await tillTwo.reserve(RefundReservation(sale: Self.key(saleA), shop: .standard, refund: all))
            guard case .success = whole else { Issue.record("seed \(seed): all of sale A refused: \(whole)"); continue }
        }
        await journal.close()
    }

    /// Till 02 commits refund R02-…; a second till configured as 02 by mistake reserves another
    /// refund under the same number: refused by name, not answered "reserved" unchecked (the
    /// same refund again stays answered, idempotently).
    @Test func anotherRefundUnderACommittedNumberIsRefusedByName() async throws {
        guard let database = try await TestDatabase.make("restaken") else { return }
        defer { Task { await database.drop() } }
        let journal = Self.journal(database), tillTwo = Self.journal(database, till: "02")
        for seed in Seeded.seeds(count: 3, base: 0x7A_CE) {
            var rng = Seeded(seed: seed)
            let base = Int64(seed % 1000) * 10
            let sale = Self.sale(till: "01", seq: base + 1, quantity: 9)
            // The sale reaches the central journal with till 01's own refund of it.
            guard case .success = await journal.reserve(Self.own(sale, Self.refund(till: "01", seq: base + 1, of: sale, quantity: 1))) else {
                Issue.record("seed \(seed): setup"); continue
            }
            let honest = RefundReservation(sale: Self.key(sale), shop: .standard,
                                           refund: Self.refund(till: "02", seq: base + 1, of: sale, quantity: Int64(rng.int(1...3))))
            guard case .success = await tillTwo.reserve(honest), case .success = await tillTwo.confirm(honest) else {
                Issue.record("seed \(seed): honest refund"); continue
            }
            guard case .success = await tillTwo.reserve(honest) else { Issue.record("seed \(seed): the same refund again was refused"); continue }
            let twin = RefundReservation(sale: Self.key(sale), shop: .standard,
                                         refund: Self.refund(till: "02", seq: base + 1, of: sale, quantity: Int64(rng.int(1...3)),
                                                             at: Timestamp(seconds: Self.t0.seconds + Int64(rng.int(1...999)))))
            let answer = await tillTwo.reserve(twin)
            guard case .failure(.refundNumberTaken(let number, let shop)) = answer else { Issue.record("seed \(seed): \(answer)"); continue }
            #expect(number == honest.refund.number && shop == .standard)
            let problem = CentralProblem.reservation(sale: Self.key(sale), ownShop: .standard, .refundNumberTaken(number: number, shop: shop),
                                                     utcOffsetSeconds: 0)
            #expect(problem.code == "central_refund_number_taken")
            #expect(problem.remedy.en.contains("[till] id") && problem.remedy.zh.contains("[till] id"))
            // The committed refund is still the one counted.
            guard case .success(let found) = await journal.sale(Self.key(sale)) else { Issue.record("seed \(seed): look-up"); continue }
            #expect(found.refunds.contains { $0.refund == honest.refund } && !found.refunds.contains { $0.refund == twin.refund }, "seed \(seed)")
        }
        await journal.close()
    }

    /// A second till numbered 01 by mistake refunds its own sale S01-…, which the central
    /// journal holds as the first till's (other goods, another time): refused as a number
    /// taken, not checked (and counted) against the other till's sale.
    @Test func anOwnSaleUnlikeTheOneRecordedUnderItsNumberIsRefusedByName() async throws {
        guard let database = try await TestDatabase.make("restwin") else { return }
        defer { Task { await database.drop() } }
        let journal = Self.journal(database)
        for seed in Seeded.seeds(count: 3, base: 0x7_0111) {
            var rng = Seeded(seed: seed)
            let base = Int64(seed % 1000) * 10
            let first = Self.sale(till: "01", seq: base + 1, quantity: Int64(rng.int(2...5)))
            let setup = await journal.reserve(Self.own(first, Self.refund(till: "01", seq: base + 1, of: first, quantity: 1)))
            guard case .success = setup else { Issue.record("seed \(seed): setup \(setup)"); continue }
            var twin = Self.sale(till: "01", seq: base + 1, quantity: Int64(rng.int(1...5)))
            twin.at = Timestamp(seconds: Self.t0.seconds + Int64(rng.int(1...86_400)))
            let answer = await journal.reserve(Self.own(twin, Self.refund(till: "01", seq: base + 5, of: twin, quantity: 1)))
            guard case .failure(.refundNumberTaken(let number, _)) = answer else { Issue.record("seed \(seed): \(answer)"); continue }
            #expect(number == first.receipt)
            // The till's own sale, unchanged, is still refundable.
            let again = await journal.reserve(Self.own(first, Self.refund(till: "01", seq: base + 2, of: first, quantity: 1)))
            guard case .success = again else { Issue.record("seed \(seed): own sale refused: \(again)"); continue }
        }
        await journal.close()
    }

    /// A row a hostile or broken client wrote beside a sale's honest ones (a reservation that
    /// does not read, an amount past Int64 sums, a negative quantity, another currency) refuses
    /// the sale as damaged at look-up and at reservation: never skipped (its goods would be free
    /// again), never a trap in the till's process.
    @Test func damagedRowsBesideASaleRefuseItAsDamaged() async throws {
        guard let database = try await TestDatabase.make("resdamage") else { return }
        defer { Task { await database.drop() } }
        let journal = Self.journal(database), tillTwo = Self.journal(database, till: "02")
        for seed in Seeded.seeds(count: 4, base: 0xDA_3A6E) {
            var rng = Seeded(seed: seed)
            let base = Int64(seed % 1000) * 10
            let sale = Self.sale(till: "01", seq: base + 1, quantity: 3)
            guard case .success = await journal.reserve(Self.own(sale, Self.refund(till: "01", seq: base + 1, of: sale, quantity: 1))) else {
                Issue.record("seed \(seed): setup"); continue
            }
            var hostile = RefundReservation(sale: Self.key(sale), shop: .standard, refund: Self.refund(till: "07", seq: base + 1, of: sale, quantity: 1))
            let kind = rng.int(0...3)
            var text: String
            switch kind {
            case 0: text = "{\"sale\": 12, \"refund\": [\"not a refund\"]}"
            case 1: hostile.refund.lines[0].amount.minor = Int64.max - Int64(rng.int(0...1000)); text = Self.json(hostile)
            case 2: hostile.refund.lines[0].quantity = Quantity(thousandths: -Int64(rng.int(1...99_999_999))); text = Self.json(hostile)
            default: hostile.refund.rounding = Money(minor: 0, currency: .eur); text = Self.json(hostile)
            }
            text = text.replacingOccurrences(of: "'", with: "''")
            try await Self.hostileRows(database, insert: """
                INSERT INTO central_refund_reservation (refund_key, sale_shop, sale_receipt, shop, till, reservation, state)
                VALUES ('0001-R07-\(base + 1)', '0001', '\(sale.receipt)', '0001', '07', '\(text)', 'reserved') RETURNING refund_key
                """)
            let lookedUp = await journal.sale(Self.key(sale))
            guard case .failure(.damaged(let what)) = lookedUp else { Issue.record("seed \(seed), kind \(kind): look-up \(lookedUp)"); continue }
            #expect(!what.en.isEmpty && !what.zh.isEmpty)
            let next = RefundReservation(sale: Self.key(sale), shop: .standard, refund: Self.refund(till: "02", seq: base + 1, of: sale, quantity: 2))
            let reserved = await tillTwo.reserve(next)
            guard case .failure(.damaged) = reserved else { Issue.record("seed \(seed), kind \(kind): reserve \(reserved)"); continue }
        }
        await journal.close()
    }

    /// Till 01 post-voids its sale while till 02 refunds one of its teas, on two connections at
    /// once: the void is reserved as a refund of everything left (`RefundReservation(voiding:)`),
    /// so exactly one of the two is granted and the other is told who took the goods.
    @Test func aVoidAndARefundAtTheSameMomentExactlyOneIsGranted() async throws {
        guard let database = try await TestDatabase.make("resvoid") else { return }
        defer { Task { await database.drop() } }
        let one = Self.journal(database), two = Self.journal(database, till: "02")
        for seed in Seeded.seeds(count: 6, base: 0x70_1D) {
            var rng = Seeded(seed: seed)
            let base = Int64(seed % 1000) * 10
            let sale = Self.sale(till: "01", seq: base + 1, quantity: Int64(rng.int(1...5)))
            // The sale reaches the central journal (carried by a refund reservation till 01 then dropped).
            let carrier = Self.own(sale, Self.refund(till: "01", seq: base + 1, of: sale, quantity: 1))
            guard case .success = await one.reserve(carrier), case .success = await one.release(carrier) else {
                Issue.record("seed \(seed): setup"); continue
            }
            let void = VoidRecord(number: DocumentNumber(kind: .postVoid, till: "01", sequence: base + 1).description, till: "01",
                                  shift: 1, at: Self.t0, clerk: Self.clerk, approver: nil, originalReceipt: sale.receipt, reason: Self.reason,
                                  tenders: sale.tenders, total: sale.total, tax: sale.totals.tax, training: false)
            let voiding = RefundReservation(voiding: void, of: ReturnableSale(sale: sale, priorRefunds: [], voided: false),
                                            key: Self.key(sale), ownSale: sale)
            let refund = RefundReservation(sale: Self.key(sale), shop: .standard,
                                           refund: Self.refund(till: "02", seq: base + 1, of: sale, quantity: 1))
            async let voided = one.reserve(voiding)
            async let refunded = two.reserve(refund)
            let answers = [await voided, await refunded]
            let granted = answers.filter { if case .success = $0 { true } else { false } }.count
            #expect(granted == 1, "seed \(seed): \(answers)")
            for answer in answers {
                guard case .failure(let failure) = answer else { continue }
                guard case .alreadyReturned(let conflict) = failure else { Issue.record("seed \(seed): \(failure)"); continue }
                #expect(conflict.refund == void.number || conflict.refund == refund.refund.number, "seed \(seed)")
            }
        }
        await one.close()
        await two.close()
    }

    /// An enormous answer: one reservation row of megabytes (a valid one, with a huge item
    /// name), or more refund rows than any sale has. Refused as damaged, not fetched and
    /// computed on for as long as the look-up's deadline allows.
    @Test func anEnormousLedgerIsRefusedAsDamaged() async throws {
        guard let database = try await TestDatabase.make("reshuge") else { return }
        defer { Task { await database.drop() } }
        let journal = Self.journal(database)
        for (n, many) in [(1, false), (2, true)] {
            let sale = Self.sale(till: "01", seq: Int64(n), quantity: 3)
            guard case .success = await journal.reserve(Self.own(sale, Self.refund(till: "01", seq: Int64(n), of: sale, quantity: 1))) else {
                Issue.record("setup"); continue
            }
            if many {
                // The honest row repeated as 10,000 other refunds (numbers R01-1…).
                let number = DocumentNumber(kind: .refund, till: "01", sequence: Int64(n)).description
                try await Self.hostileRows(database, insert: """
                    INSERT INTO central_refund_reservation (refund_key, sale_shop, sale_receipt, shop, till, reservation, state)
                    SELECT shop || '-R01-' || i, sale_shop, sale_receipt, shop, till,
                           replace(reservation, '"number":"\(number)"', '"number":"R01-' || i || '"'), 'reserved'
                    FROM central_refund_reservation, generate_series(1, \(CentralSale.maximumRefunds)) AS i
                    WHERE sale_receipt = '\(sale.receipt)' RETURNING 1
                    """)
            } else {
                var huge = RefundReservation(sale: Self.key(sale), shop: .standard, refund: Self.refund(till: "07", seq: 1, of: sale, quantity: 1))
                huge.refund.lines[0].name = String(repeating: "茶", count: 1_500_000)
                try await Self.hostileRows(database, insert: """
                    INSERT INTO central_refund_reservation (refund_key, sale_shop, sale_receipt, shop, till, reservation, state)
                    VALUES ('0001-R07-000001', '0001', '\(sale.receipt)', '0001', '07', '\(Self.json(huge))', 'reserved') RETURNING 1
                    """)
            }
            let lookedUp = await journal.sale(Self.key(sale))
            guard case .failure(.damaged(let what)) = lookedUp else {
                Issue.record("many \(many): \(String(describing: lookedUp).prefix(300))"); continue
            }
            #expect(what.en.contains(many ? "refunds" : "4 MiB"), "\(what.en)")
        }
        await journal.close()
    }

    static func json<T: Encodable>(_ value: T) -> String {
        (try? JSONEncoder().encode(value)).map { String(decoding: $0, as: UTF8.self) } ?? "null"
    }
}
