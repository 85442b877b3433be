/// A credit note as its chained journal entries have it: issued by refunds (and post-voids of
/// sales it paid) to store credit, redeemed by sales that tendered it. The balance is never kept
/// anywhere else: it is always the sum of those entries.
public struct CreditNote: Hashable, Sendable, Codable {
    public var number: String
    public var issued: Money
    public var redeemed: Money

    public init(number: String, issued: Money, redeemed: Money) {
        self.number = number
        self.issued = issued
        self.redeemed = redeemed
    }

    public var balance: Money { issued - redeemed }
}

extension Tender {
    /// True for a store-credit tender on credit note `number`.
    func isOnCreditNote(_ number: String) -> Bool { kind == .storeCredit && reference == number }
}

extension CreditNote {
    /// The note as `records` have it (nil when none of them issued it): what an in-memory journal
    /// answers. The SQLite journal sums the same tenders in SQL.
    public init?(number: String, records: [JournalRecord]) {
        var issuing: [Tender] = [], redeeming: [Tender] = []
        for record in records {
            switch record {
            case .sale(let sale, _): redeeming += sale.tenders.filter { $0.isOnCreditNote(number) }
            case .refund(let refund, _): issuing += refund.tenders.filter { $0.isOnCreditNote(number) }
            case .postVoid(let void, _): issuing += void.tenders.filter { $0.isOnCreditNote(number) }
            case .shiftOpened, .zReport, .event: break
            }
        }
        guard let currency = issuing.first?.amount.currency else { return nil }
        self.init(number: number, issued: issuing.map(\.amount).sum(currency), redeemed: redeeming.map(\.amount).sum(currency))
    }
}
