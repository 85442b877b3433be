/// One way a sale was paid (a tender kind, and for cards and vouchers its reference), with what
/// it settled (net of change) and what refunds already drew from it.
public struct TenderAccount: Hashable, Sendable, Codable {
    public var kind: TenderKind
    public var reference: String?
    public var paid: Money
    public var refunded: Money

    public var remaining: Money { paid - refunded }

    /// The sale's accounts, in the order its tenders were taken (tenders of the same kind and
    /// reference together).
    static func accounts(of sale: SaleRecord) -> [TenderAccount] {
        var accounts: [TenderAccount] = []
        for tender in sale.tenders {
            if let i = accounts.firstIndex(where: { $0.kind == tender.kind && $0.reference == tender.reference }) {
                accounts[i].paid += tender.amount
            } else {
                accounts.append(TenderAccount(kind: tender.kind, reference: tender.reference, paid: tender.amount,
                                              refunded: .zero(tender.amount.currency)))
            }
        }
        return accounts
    }
}

/// A part of a refund's payout and the sale account it is taken back from. A payout to another
/// tender than the account's is a substitution (`TenderSubstitutionPolicy`).
public struct TenderDraw: Hashable, Sendable, Codable {
    /// Index into `ReturnableSale.accounts`.
    public var account: Int
    public var payout: Tender
}
