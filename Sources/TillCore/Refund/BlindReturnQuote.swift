/// What a return without receipt gives back, computed in one place: the core records exactly
/// this, and the screen and customer display show exactly this (lines, amount, cash rounding).
public struct BlindReturnQuote: Hashable, Sendable {
    /// The refund lines at the policy's unit prices, tax included.
    public var lines: [RefundLine]
    /// The lines' total, before cash rounding: what the limits are checked against.
    public var amount: Money
    /// The tender paid out and what cash rounding took off it.
    public var tenderKind: TenderKind
    public var tenders: [Tender]
    public var rounding: Money
    /// What the customer is given back.
    public var paid: Money { amount + rounding }
}

extension BlindReturnDraft.Line {
    /// This line as the refund records it.
    public var refundLine: RefundLine {
        let tax = LineTax.compute(amount: unitPrice.scaled(by: quantity.thousandths, over: 1000), taxClass: taxClass)
        return RefundLine(originalLineNo: 0, sku: item.sku, name: item.name, quantity: quantity,
                          unitPrice: unitPrice, amount: tax.gross, tax: tax.tax, weighed: item.weighed)
    }
}

extension RegisterState {
    /// The quote for a return without receipt as it stands, in the tender chosen (or the
    /// policy's first, or store credit).
    public func blindReturnQuote(_ draft: BlindReturnDraft) -> BlindReturnQuote {
        let lines = draft.lines.map(\.refundLine)
        let amount = lines.map(\.amount).sum(config.currency)
        let tenderKind = draft.tender ?? config.policy.blindReturn.tenders.first ?? .storeCredit
        let payout = settleCash([Tender(kind: tenderKind, amount: amount)])
        return BlindReturnQuote(lines: lines, amount: amount, tenderKind: tenderKind, tenders: payout.tenders,
                                rounding: payout.rounding)
    }
}
