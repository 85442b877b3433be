/// What a refund or return being prepared gives back so far: the one sum the screen, the
/// customer display and the confirmation all show, so none can disagree with another.
extension RefundDraft {
    /// Each chosen line's pro rata refund value (see `ReturnableLine.refundValue`), summed.
    public func chosenTotal(_ currency: Currency) -> Money {
        source.lines.compactMap { line in quantities[line.line.lineNo].map { line.refundValue(for: $0).amount } }.sum(currency)
    }
}

extension BlindReturnDraft {
    /// Each line's amount at the policy's unit price, tax included.
    public var lineAmounts: [Money] {
        lines.map(\.refundLine.amount)
    }

    public func total(_ currency: Currency) -> Money { lineAmounts.sum(currency) }
}
