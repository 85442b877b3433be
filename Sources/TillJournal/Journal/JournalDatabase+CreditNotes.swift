import GRDB
import TillCore

/// Credit notes as the journal has them: issued by refund and post-void tenders to store credit,
/// redeemed by sale tenders. The balance is always computed from those rows, never stored.
extension JournalDatabase {
    /// The credit note numbered `number` (canonical form), nil if none was ever issued.
    public func creditNote(_ number: String) throws -> CreditNote? {
        try read { db in try Self.creditNote(db, number: number) }
    }

    static func creditNote(_ db: Database, number: String) throws -> CreditNote? {
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT documentKind, currency, COALESCE(SUM(amountMinor), 0) AS total FROM tender
            WHERE tenderKind = 'storeCredit' AND tenderReference = ? GROUP BY documentKind, currency
            """), arguments: [number])
        var issued: Money? = nil, redeemed: Money? = nil
        for row in rows {
            let code: String = row["currency"]
            let currency = Currency.named(code) ?? Currency(code: code, minorDigits: 2, symbol: code + " ")
            let amount = Money(minor: row["total"], currency: currency)
            if row["documentKind"] == EntryKind.sale.rawValue {
                redeemed = amount
            } else {
                issued = amount + (issued ?? .zero(currency))
            }
        }
        guard let issued else { return nil }
        return CreditNote(number: number, issued: issued, redeemed: redeemed ?? .zero(issued.currency))
    }

    /// The highest credit note sequence its refunds issued on `till` (0 for none).
    static func highestCreditNote(_ db: Database, till: String) throws -> Int64 {
        let numbers = try String.fetchAll(db.cachedStatement(sql: """
            SELECT DISTINCT tenderReference FROM tender
            WHERE tenderKind = 'storeCredit' AND documentKind = 'refund' AND tenderReference LIKE ?
            """), arguments: ["C" + till + "-%"])
        return DocumentSequences.highestCreditNote(of: till, in: numbers)
    }
}
