/// A post-void as the central journal checks it: a refund of everything left of the sale, under
/// the void's own number ("V01-000001"), reserved under the sale's row lock like any refund.
/// Granted only when no refund anywhere has taken any of the sale (the till's own journal knows
/// only its own refunds); once granted, every later refund of the sale elsewhere is refused,
/// naming the void, until the void's entry arrives and marks the sale voided.
extension RefundReservation {
    public init(voiding void: VoidRecord, of source: ReturnableSale, key: DocumentKey, ownSale: SaleRecord) {
        let currency = source.sale.total.currency
        let lines = source.lines.filter { $0.remainingQuantity.isPositive }.map { line in
            let value = line.refundValue(for: line.remainingQuantity)
            return RefundLine(originalLineNo: line.line.lineNo, sku: line.line.sku, name: line.line.name, quantity: line.remainingQuantity,
                              unitPrice: line.line.unitPrice, amount: value.amount, tax: value.tax, weighed: line.line.weighed)
        }
        let tenders = source.accounts.filter { $0.remaining.isPositive }.map {
            Tender(kind: $0.kind, amount: $0.remaining, reference: $0.reference)
        }
        // The tenders give back what is left of what was paid; the lines what is left of the goods:
        // the difference is the sale's cash rounding, as on a refund of the last of a sale.
        let rounding = tenders.map(\.amount).sum(currency) - lines.map(\.amount).sum(currency)
        let refund = RefundRecord(number: void.number, till: void.till, shift: void.shift, at: void.at, clerk: void.clerk,
                                  approver: void.approver, approvals: [], originalReceipt: void.originalReceipt,
                                  originalSoldAt: source.sale.at, lines: lines, tenders: tenders, reason: void.reason,
                                  customerReference: nil, rounding: rounding, training: void.training)
        self.init(sale: key, shop: key.shop, refund: refund, ownSale: ownSale)
    }
}
