import TillCore

/// The rules a store re-checks in its write transaction, whatever the layers above did: a
/// document number used once; a sale's tenders settle its total; a refund only of a sale this
/// journal holds (or one reserved centrally), never of a voided one, never more of a line than
/// was sold, always within the sale's ledger (per tender, in total); one post-void, only of an
/// unrefunded sale, giving back exactly what each tender paid; one open shift per till and one Z
/// report per shift; credit notes never spent beyond what is left on them (+CreditNotes); price
/// changes only by or approved by someone who may make them (+PriceChanges); X and Z reports
/// only by or approved by someone who may print them (+Reports); parked sales recalled once,
/// drawer opens only with the permission or the one owed, one reconciliation per refund
/// (+Events). Pure given the facts: each engine reads them (`AppendFacts`) and every engine
/// calls these same functions, so none can drift from another. These are the only copies.
public enum AppendRules {
    /// A document's number is not used already.
    public static func checkDocumentNumber(_ record: JournalRecord, _ facts: some AppendFacts) throws {
        guard let reference = documentReference(record) else { return }
        if try facts.documentExists(reference) { throw AppendRefusal.documentNumberReused(reference: reference) }
    }

    /// The rules of the record's own kind (after the number and any engine-only rules).
    public static func checkKind(_ record: JournalRecord, _ facts: some AppendFacts) throws {
        // First: every rule below adds the record's amounts, which must not trap on a hostile one.
        if let why = record.amountProblem { throw AppendRefusal.amountsUncountable(reference: record.reference, why: why) }
        try checkCreditNotes(record, facts)
        switch record {
        case .sale(let sale, _):
            try checkSaleTenders(sale)
            try checkPriceChanges(sale, facts)
        case .refund(let refund, _): try checkRefund(refund, facts)
        case .postVoid(let void, _): try checkVoid(void, facts)
        case .shiftOpened(let shift):
            if let open = try facts.openShift(till: shift.till) { throw AppendRefusal.shiftAlreadyOpen(till: shift.till, shift: open) }
        case .zReport(let z, _):
            let shift = z.totals.shift
            if try facts.zReportExists(till: shift.till, shift: shift.number) {
                throw AppendRefusal.shiftAlreadyClosed(till: shift.till, shift: shift.number)
            }
            try checkZReportAuthority(z, facts)
        case .event(let event): try checkEvent(event, facts)
        }
    }

    /// The number a record stores as a document (an event stores none).
    public static func documentReference(_ record: JournalRecord) -> String? {
        if case .event = record { return nil }
        return record.reference
    }

    /// A sale's tenders settle exactly its total, each a positive amount, and its change is
    /// exactly what the tenders received beyond what they settled.
    public static func checkSaleTenders(_ sale: SaleRecord) throws {
        let currency = sale.totals.gross.currency
        // Checked: the record is not the core's until this passes.
        guard let paid = sale.tenders.map(\.amount).checkedSum(currency), let change = sale.tenders.map(\.change).checkedSum(currency),
              let total = sale.totals.gross.adding(sale.rounding) else {
            throw AppendRefusal.amountsUncountable(reference: sale.receipt, why: LocalizedText(en: "its tenders do not add up in \(currency.code)",
                                                                                              zh: "其付款无法以 \(currency.code) 合计"))
        }
        guard paid == total, change == sale.change, sale.tenders.allSatisfy({ $0.amount.minor >= 0 && $0.change.minor >= 0 }) else {
            throw AppendRefusal.saleTendersDoNotAddUp(receipt: sale.receipt, total: total, paid: paid)
        }
    }

    static func checkRefund(_ refund: RefundRecord, _ facts: some AppendFacts) throws {
        guard let receipt = refund.originalReceipt else {
            // A return without receipt has no sale to count against, but must still add up.
            if let violation = refund.consistencyViolation {
                throw AppendRefusal.refundBreaksLedger(refund: refund.number, receipt: nil, violation: violation)
            }
            return
        }
        guard let lookup = try facts.sale(receipt) else {
            // A sale made elsewhere is checked against the central journal's ledger it was reserved under.
            guard let foreign = refund.foreignSale, foreign.sale.receipt == receipt else {
                throw AppendRefusal.originalSaleNotFound(document: refund.number, receipt: receipt)
            }
            return try checkForeignRefund(refund, of: foreign, facts)
        }
        if lookup.voided { throw AppendRefusal.refundOfVoidedSale(refund: refund.number, receipt: receipt) }
        try checkReturnedQuantities(refund, receipt: receipt, facts) { lineNo in
            lookup.sale.lines.first { $0.lineNo == lineNo && !$0.voided }?.quantity
        }
        // The sale's ledger, rebuilt from the stored records, with the core's own rule.
        let ledger = ReturnableSale(sale: lookup.sale, priorRefunds: lookup.refunds, voided: lookup.voided)
        if let violation = ledger.violation(of: refund) {
            throw AppendRefusal.refundBreaksLedger(refund: refund.number, receipt: receipt, violation: violation)
        }
    }

    /// A refund of a sale this journal does not hold (made at another till or shop): it must fit
    /// the central journal's ledger of the sale as it was reserved, and together with the refunds
    /// of that receipt this journal already holds never return more than the sale sold.
    static func checkForeignRefund(_ refund: RefundRecord, of foreign: CentralSale, _ facts: some AppendFacts) throws {
        guard let receipt = refund.originalReceipt else { return }
        // A training sale is never refunded for real (nor a real one in training).
        guard foreign.sale.training == refund.training else {
            throw AppendRefusal.originalSaleNotFound(document: refund.number, receipt: receipt)
        }
        var own = refund
        own.foreignSale = nil
        if let violation = foreign.ledger().violation(of: own) {
            throw AppendRefusal.refundBreaksLedger(refund: refund.number, receipt: receipt, violation: violation)
        }
        try checkReturnedQuantities(refund, receipt: receipt, facts) { lineNo in
            foreign.sale.lines.first { $0.lineNo == lineNo && !$0.voided }?.quantity
        }
    }

    /// Per original line of `refund`: the line was sold (`sold` says how much; nil: not on the
    /// sale), and what this journal's refunds of `receipt` already returned plus what this one
    /// asks stays within it.
    static func checkReturnedQuantities(_ refund: RefundRecord, receipt: String, _ facts: some AppendFacts,
                                        sold: (Int) -> Quantity?) throws {
        // Sum per original line first: one refund may return the same line in two parts.
        var asked: [Int: Int64] = [:]
        for line in refund.lines {
            let (sum, overflow) = asked[line.originalLineNo, default: 0].addingReportingOverflow(line.quantity.thousandths)
            asked[line.originalLineNo] = overflow ? .max : sum
        }
        for (lineNo, quantity) in asked.sorted(by: { $0.key < $1.key }) {
            guard let sold = sold(lineNo) else {
                throw AppendRefusal.refundLineNotOnSale(refund: refund.number, receipt: receipt, lineNo: lineNo)
            }
            let already = try facts.refunded(receipt: receipt, lineNo: lineNo)
            let (total, overflow) = already.thousandths.addingReportingOverflow(quantity)
            if overflow || total > sold.thousandths {
                throw AppendRefusal.refundExceedsSold(refund: refund.number, receipt: receipt, lineNo: lineNo, sold: sold,
                                                      alreadyRefunded: already, asked: Quantity(thousandths: quantity))
            }
        }
    }

    static func checkVoid(_ void: VoidRecord, _ facts: some AppendFacts) throws {
        let receipt = void.originalReceipt
        guard let lookup = try facts.sale(receipt) else {
            throw AppendRefusal.originalSaleNotFound(document: void.number, receipt: receipt)
        }
        if let earlier = try facts.voidNumber(of: receipt) {
            throw AppendRefusal.saleAlreadyVoided(receipt: receipt, voidNumber: earlier)
        }
        if !lookup.refunds.isEmpty { throw AppendRefusal.voidOfRefundedSale(void: void.number, receipt: receipt) }
        // A post-void gives back exactly what each tender paid, no more and no other.
        let sale = lookup.sale
        let paid = sale.tenders.map { Tender(kind: $0.kind, amount: $0.amount, reference: $0.reference) }
        if void.total != sale.total || void.tenders != paid {
            throw AppendRefusal.voidDiffersFromSale(void: void.number, receipt: receipt, paid: sale.total,
                                                    voided: void.tenders.map(\.amount).checkedSum(sale.total.currency) ?? void.total)
        }
    }
}
