import Foundation
import Testing

/// Refund reservations are signed by their till's central key (step v9): with real `till exec`
/// processes on a real PostgreSQL, a genuine reservation holds the goods it took; the database
/// refuses a row written, edited, released or deleted by plain SQL; and when an owner of the
/// tables turns the check off to release goods or forge a hold, every till reading the row
/// refuses it (`central_reservation_forged`, naming the row), nothing is kept locally, and the
/// genuine rows work again once the forgery is gone.
@Suite(.serialized) struct SignedReservationProcessTests {
    typealias Chain = CrossTillProcessTests.Chain

    /// How a refund ended: completed, or refused for a central reason.
    static func outcome(_ result: TillProcess.Result) -> [String: Any]? {
        let codes = CrossTillProcessTests.centralCodes.union(["central_reservation_forged"])
        return events(result.lines).first {
            $0["event"] as? String == "refundCompleted" || ($0["event"] as? String == "refused" && codes.contains($0["code"] as? String ?? ""))
        }
    }

    /// Runs `query` as the tills' role; its exit status (psql's 0 when the statement was taken).
    static func attempt(_ chain: Chain, _ query: String) throws -> Int32 {
        try CentralReplicationProcessTests.shell("/usr/bin/psql", ["-h", chain.cluster, "-U", "till", "-d", "till", "-v", "ON_ERROR_STOP=1",
                                                                  "-tAc", query]).status
    }

    @Test func aForgedOrEditedReservationIsRefusedAndAGenuineOneHoldsItsGoods() throws {
        guard CrossTillProcessTests.available else { return }
        let chain = try Chain()
        let (one, two) = (chain.tills[0], chain.tills[1])
        let receipt = try CrossTillProcessTests.sell(one, quantity: 3)
        let refundAt = { (till: TillProcess, quantity: Int) in
            Self.outcome(try till.run(["exec"], stdin: CrossTillProcessTests.refundScript(receipt, quantity: quantity)))
        }

        // Genuine: till 02 refunds one mug; its signed row holds it.
        #expect(try refundAt(two, 1)?["event"] as? String == "refundCompleted")
        // Confirmed by the till (a second signed version) or by its entry, if till 02 sent it first.
        let row = "SELECT state || ' ' || (mac IS NOT NULL) FROM central_refund_reservation WHERE sale_receipt = '\(receipt)'"
        #expect(try chain.sql(row) == "confirmed true")
        let key = try chain.sql("SELECT refund_key FROM central_refund_reservation WHERE sale_receipt = '\(receipt)'")

        // Plain SQL cannot release, delete, forge or re-sign a reservation: the database refuses each.
        for query in [
            "UPDATE central_refund_reservation SET state = 'released', version = version + 1 WHERE refund_key = '\(key)'",
            "UPDATE central_refund_reservation SET reservation = replace(reservation, '\"1\"', '\"0\"') WHERE refund_key = '\(key)'",
            "DELETE FROM central_refund_reservation WHERE refund_key = '\(key)'",
            "TRUNCATE central_refund_reservation",
            """
            INSERT INTO central_refund_reservation (refund_key, sale_shop, sale_receipt, shop, till, reservation, state, version, mac)
            SELECT '0001-R02-000099', sale_shop, sale_receipt, shop, till, reservation, 'reserved', 1, mac
            FROM central_refund_reservation WHERE refund_key = '\(key)'
            """,
        ] {
            #expect(try Self.attempt(chain, query) != 0, "taken: \(query)")
        }
        #expect(try chain.sql(row) == "confirmed true")

        // An owner of the tables turns the check off and releases the mug: every reader refuses the
        // row (whether or not till 02 has sent its refund yet).
        let unchecked = "ALTER TABLE central_refund_reservation DISABLE TRIGGER USER; "
        #expect(try Self.attempt(chain, unchecked + "UPDATE central_refund_reservation SET state = 'released' WHERE refund_key = '\(key)'") == 0)
        let released = try refundAt(one, 3)
        #expect(released?["code"] as? String == "central_reservation_forged", "three mugs after one was refunded: \(String(describing: released))")
        #expect((released?["message"] as? String ?? "").contains(key), "the refusal names the row: \(String(describing: released))")
        #expect(try chain.localRefunds(one) == "0", "nothing kept at till 01")

        // Back as it was, the genuine row verifies again; a forged hold beside it is refused by name.
        #expect(try Self.attempt(chain, unchecked + """
            UPDATE central_refund_reservation SET state = 'confirmed' WHERE refund_key = '\(key)';
            INSERT INTO central_refund_reservation (refund_key, sale_shop, sale_receipt, shop, till, reservation, state, version, mac)
            SELECT '0001-R02-000099', sale_shop, sale_receipt, shop, till, reservation, 'reserved', 1, mac
            FROM central_refund_reservation WHERE refund_key = '\(key)'
            """) == 0)
        let forged = try refundAt(one, 1)
        #expect(forged?["code"] as? String == "central_reservation_forged", "\(String(describing: forged))")
        #expect((forged?["message"] as? String ?? "").contains("0001-R02-000099"), "\(String(describing: forged))")
        #expect(try chain.localRefunds(one) == "0")

        // The forgery removed and the check back on: the two mugs left are refundable, and only they
        // (one now, then two more are refused). Not the last one: its tax is the sale's remainder.
        #expect(try Self.attempt(chain, "DELETE FROM central_refund_reservation WHERE refund_key = '0001-R02-000099'; "
                                     + "ALTER TABLE central_refund_reservation ENABLE TRIGGER USER") == 0)
        let genuine = try one.run(["exec"], stdin: CrossTillProcessTests.refundScript(receipt, quantity: 1))
        #expect(Self.outcome(genuine)?["event"] as? String == "refundCompleted", "\(genuine.stdout) \(genuine.stderr)")
        #expect(try refundAt(one, 2)?["event"] as? String != "refundCompleted", "only one mug is left")
        #expect(try chain.localRefunds(one) == "1")
    }
}
