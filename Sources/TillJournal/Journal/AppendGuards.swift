import GRDB
import TillCore

/// Money rules the journal enforces again inside the append transaction, so that a bug or a race
/// in the layers above can never refund twice, refund more than a sale's ledger has left (per
/// line, per tender, in total, the last refund exactly the remainder), void twice or otherwise
/// than the sale was paid, or reuse a document number.
enum AppendGuards {
    static func check(_ record: JournalRecord, _ db: Database) throws {
        let columns = EntryColumns(record)
        if EntryKind(rawValue: columns.kind)?.documentKind != nil, let reference = columns.reference,
           try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM document WHERE reference = ?", arguments: [reference]) != nil {
            throw JournalError.documentNumberReused(reference: reference)
        }
        try checkCreditNotes(record, db)
        switch record {
        case .refund(let refund, _): try checkRefund(refund, db)
        case .postVoid(let void, _): try checkVoid(void, db)
        case .shiftOpened(let shift): try checkShiftOpen(shift, db)
        case .zReport(let z, _):
            let shift = z.totals.shift
            if try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM zReport WHERE till = ? AND shift = ?",
                                 arguments: [shift.till, shift.number]) != nil {
                throw JournalError.shiftAlreadyClosed(till: shift.till, shift: shift.number)
            }
            var named = [z.by.code: z.by.role]
            if let approver = z.approver { named[approver.code] = approver.role }
            try checkReportAuthority(.z, signer: z.by.code, approver: z.approver?.code, shift: shift.number, namedRoles: named, db)
        case .sale(let sale, _):
            try checkSaleTenders(sale)
            try checkPriceChanges(sale, db)
        case .event(let event):
            try checkParkEvent(event, db)
            try checkDrawerEvent(event, db)
            try checkReconciliationEvent(event, db)
            // A training X names no roles; its signer is checked when the journal knows them.
            if event.kind == .xReportPrinted, try !event.training || event.user.flatMap({ try role(of: $0, db) }) != nil {
                try checkReportAuthority(.x, signer: event.user, approver: event.approver,
                                         shift: event.reference.flatMap(ShiftReportReference.shift), db)
            }
        }
    }

    private static func checkRefund(_ refund: RefundRecord, _ db: Database) throws {
        guard let receipt = refund.originalReceipt else {
            // A return without receipt has no sale to count against, but must still add up.
            if let violation = refund.consistencyViolation {
                throw JournalError.refundBreaksLedger(refund: refund.number, receipt: nil, violation: violation)
            }
            return
        }
        guard try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM document WHERE reference = ? AND kind = 'S'",
                                arguments: [receipt]) != nil else {
            // A sale made elsewhere is checked against the central journal's ledger it was reserved under.
            guard let foreign = refund.foreignSale, foreign.sale.receipt == receipt else {
                throw JournalError.originalSaleNotFound(document: refund.number, receipt: receipt)
            }
            return try checkForeignRefund(refund, of: foreign, db)
        }
        if try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM postVoid WHERE originalReceipt = ?", arguments: [receipt]) != nil {
            throw JournalError.refundOfVoidedSale(refund: refund.number, receipt: receipt)
        }
        try checkReturnedQuantities(refund, receipt: receipt, db) { lineNo in
            try Int64.fetchOne(db, cachedSQL: """
                SELECT quantityThousandths FROM saleLine WHERE receipt = ? AND lineNo = ? AND voided = 0
                """, arguments: [receipt, lineNo]).map(Quantity.init(thousandths:))
        }
        // The sale's ledger, rebuilt from the signed records, with the core's own rule.
        guard let lookup = try JournalDatabase.saleLookup(db, receipt: receipt) else {
            throw JournalError.originalSaleNotFound(document: refund.number, receipt: receipt)
        }
        let ledger = ReturnableSale(sale: lookup.sale, priorRefunds: lookup.refunds, voided: lookup.voided)
        if let violation = ledger.violation(of: refund) {
            throw JournalError.refundBreaksLedger(refund: refund.number, receipt: receipt, violation: violation)
        }
    }

    private static func checkVoid(_ void: VoidRecord, _ db: Database) throws {
        let receipt = void.originalReceipt
        guard try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM document WHERE reference = ? AND kind = 'S'",
                                arguments: [receipt]) != nil else {
            throw JournalError.originalSaleNotFound(document: void.number, receipt: receipt)
        }
        if let earlier = try String.fetchOne(db, cachedSQL: "SELECT number FROM postVoid WHERE originalReceipt = ?",
                                             arguments: [receipt]) {
            throw JournalError.saleAlreadyVoided(receipt: receipt, voidNumber: earlier)
        }
        if try Bool.fetchOne(db, cachedSQL: "SELECT 1 FROM refund WHERE originalReceipt = ?", arguments: [receipt]) != nil {
            throw JournalError.voidOfRefundedSale(void: void.number, receipt: receipt)
        }
        // A post-void gives back exactly what each tender paid, no more and no other.
        if let sale = try JournalDatabase.saleLookup(db, receipt: receipt)?.sale {
            let paid = sale.tenders.map { Tender(kind: $0.kind, amount: $0.amount, reference: $0.reference) }
            if void.total != sale.total || void.tenders != paid {
                throw JournalError.voidDiffersFromSale(void: void.number, receipt: receipt, paid: sale.total,
                                                       voided: void.tenders.map(\.amount).checkedSum(sale.total.currency) ?? void.total)
            }
        }
    }

    private static func checkShiftOpen(_ shift: ShiftRecord, _ db: Database) throws {
        if let open = try Int64.fetchOne(db, cachedSQL: """
            SELECT s.number FROM shift s
            WHERE s.till = ? AND NOT EXISTS (SELECT 1 FROM zReport z WHERE z.till = s.till AND z.shift = s.number)
            """, arguments: [shift.till]) {
            throw JournalError.shiftAlreadyOpen(till: shift.till, shift: open)
        }
    }
}
