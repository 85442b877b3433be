import GRDB
import TillCore

extension AppendGuards {
    /// A refund of a sale this journal does not hold (made at another till or shop): it must fit
    /// the central journal's ledger of the sale as it was reserved, and together with the refunds
    /// of that receipt this journal already holds never return more than the sale sold.
    static func checkForeignRefund(_ refund: RefundRecord, of foreign: CentralSale, _ db: Database) throws {
        guard let receipt = refund.originalReceipt else { return }
        // A training sale is never refunded for real (nor a real one in training).
        guard foreign.sale.training == refund.training else {
            throw JournalError.originalSaleNotFound(document: refund.number, receipt: receipt)
        }
        var own = refund
        own.foreignSale = nil
        if let violation = foreign.ledger().violation(of: own) {
            throw JournalError.refundBreaksLedger(refund: refund.number, receipt: receipt, violation: violation)
        }
        try checkReturnedQuantities(refund, receipt: receipt, db) { lineNo in
            foreign.sale.lines.first { $0.lineNo == lineNo && !$0.voided }?.quantity
        }
    }

    /// Per original line of `refund`: the line was sold (`sold` says how much; nil: not on the
    /// sale), and what this journal's refunds of `receipt` already returned plus what this one
    /// asks stays within it.
    static func checkReturnedQuantities(_ refund: RefundRecord, receipt: String, _ db: Database,
                                        sold: (Int) throws -> Quantity?) throws {
        // Sum per original line first: one refund may return the same line in two parts.
        var asked: [Int: Quantity] = [:]
        for line in refund.lines { asked[line.originalLineNo, default: .zero] = asked[line.originalLineNo, default: .zero] + line.quantity }
        for (lineNo, quantity) in asked.sorted(by: { $0.key < $1.key }) {
            guard let sold = try sold(lineNo) else {
                throw JournalError.refundLineNotOnSale(refund: refund.number, receipt: receipt, lineNo: lineNo)
            }
            let already = try Int64.fetchOne(db, cachedSQL: """
                SELECT COALESCE(SUM(quantityThousandths), 0) FROM refundLine WHERE originalReceipt = ? AND originalLineNo = ?
                """, arguments: [receipt, lineNo]) ?? 0
            if already + quantity.thousandths > sold.thousandths {
                throw JournalError.refundExceedsSold(refund: refund.number, receipt: receipt, lineNo: lineNo, sold: sold,
                                                     alreadyRefunded: Quantity(thousandths: already), asked: quantity)
            }
        }
    }
}
