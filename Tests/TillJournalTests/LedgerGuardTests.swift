import Testing
import TillCore
@testable import TillJournal

/// Records the core would never produce, built by hand, are refused by the journal's append
/// transaction with the ledger rule they break, and leave nothing behind.
@Suite struct LedgerGuardTests {
    func refund(_ seq: Int64, of sale: SaleRecord, line: Int = 1, amount: Int64, tax: Int64 = 0, paid: Int64,
                tender: TenderKind = .cash, approved: Int64? = nil) -> JournalRecord {
        let original = sale.lines.first { $0.lineNo == line }!
        let record = RefundRecord(number: Fx.number(.refund, seq), till: Fx.till, shift: 1, at: Fx.t0.adding(seconds: 600),
                                  clerk: Fx.clerk, approver: approved == nil ? nil : Fx.supervisor, approvals: [],
                                  originalReceipt: sale.receipt, originalSoldAt: sale.at,
                                  lines: [RefundLine(originalLineNo: line, sku: original.sku, name: original.name, quantity: .one,
                                                     unitPrice: original.unitPrice, amount: Fx.money(amount), tax: Fx.money(tax),
                                                     weighed: false)],
                                  tenders: [Tender(kind: tender, amount: Fx.money(paid))], reason: ReasonCode.refundDefaults[0],
                                  customerReference: nil, rounding: Fx.money(paid - amount), training: false,
                                  approvedAmount: approved.map(Fx.money))
        return Fx.refund(record)
    }

    func journalWithSale(_ sale: SaleRecord) throws -> JournalDatabase {
        let db = try JournalDatabase.inMemory(pinHashRounds: 1, clock: { Fx.t0 })  // the user entry dated with the fixtures
        // The supervisor who approves the fixtures' discounts (the journal re-checks who may).
        try db.addUser(Fx.supervisor, pin: "246810", by: nil)
        try db.append(Fx.shift())
        try db.append(.sale(sale, Fx.slip(.sale, sale.receipt)))
        return db
    }

    /// 3 at 3.34 = 10.02, paid 10.00 in cash (0.05 rounding).
    func roundedSale() -> SaleRecord {
        var sale = Fx.saleRecord(1, lines: [Fx.line(1, sku: "SOAP", each: 3, priceMinor: 334)])
        sale.rounding = Fx.money(-2)
        sale.tenders = [Tender(kind: .cash, amount: Fx.money(1000))]
        return sale
    }

    func refundCount(_ db: JournalDatabase, _ sale: SaleRecord) throws -> Int {
        try db.sale(DocumentNumber(parsing: sale.receipt)!)?.refunds.count ?? -1
    }

    @Test func cashRoundedRefundsCannotPayOutMoreThanTheSaleTook() throws {
        let sale = roundedSale()
        let db = try journalWithSale(sale)
        try db.append(refund(1, of: sale, amount: 334, paid: 335))
        try db.append(refund(2, of: sale, amount: 334, paid: 335))
        #expect(throws: JournalError.refused(.refundBreaksLedger(refund: "R01-000003", receipt: sale.receipt,
                                                        violation: .exceedsPaid(asked: Fx.money(5), remaining: Fx.money(330))))) {
            try db.append(refund(3, of: sale, amount: 334, paid: 335))
        }
        #expect(throws: JournalError.refused(.refundBreaksLedger(refund: "R01-000003", receipt: sale.receipt,
                                                        violation: .lastRefundNotRemainder(paid: Fx.money(325), remainder: Fx.money(330))))) {
            try db.append(refund(3, of: sale, amount: 334, paid: 325))
        }
        #expect(try refundCount(db, sale) == 2)
        try db.append(refund(3, of: sale, amount: 334, paid: 330))
        #expect(try refundCount(db, sale) == 3)
    }

    @Test func aLineGivesBackAtMostWhatWasPaidForItAfterItsDiscount() throws {
        var sale = Fx.saleRecord(1, lines: [{
            var l = Fx.line(1, sku: "BAG", each: 1, priceMinor: 5000)
            l.discount = Fx.money(2000)
            l.approvedBy = Fx.supervisor.code
            return l
        }()])
        sale.tenders = [Tender(kind: .cash, amount: Fx.money(3000))]
        sale.totals = SaleTotals(lines: sale.lines, currency: Fx.cny)
        let db = try journalWithSale(sale)
        #expect(throws: JournalError.refused(.refundBreaksLedger(refund: "R01-000001", receipt: sale.receipt,
                                                        violation: .lineAmountExceedsRemaining(lineNo: 1, asked: Fx.money(5000),
                                                                                               remaining: Fx.money(3000))))) {
            try db.append(refund(1, of: sale, amount: 5000, paid: 5000))
        }
        #expect(try refundCount(db, sale) == 0)
    }

    @Test func anApprovalMustCoverExactlyTheAmountPaid() throws {
        let sale = roundedSale()
        let db = try journalWithSale(sale)
        #expect(throws: JournalError.refused(.refundBreaksLedger(refund: "R01-000001", receipt: sale.receipt,
                                                        violation: .approvedAmountDiffers(approved: Fx.money(300), paid: Fx.money(335))))) {
            try db.append(refund(1, of: sale, amount: 334, paid: 335, approved: 300))
        }
    }

    @Test func aReturnWithoutReceiptMustAddUpAndAVoidGivesBackWhatWasPaid() throws {
        let sale = roundedSale()
        let db = try journalWithSale(sale)
        let blind = RefundRecord(number: "R01-000001", till: Fx.till, shift: 1, at: Fx.t0, clerk: Fx.clerk, approver: nil,
                                 approvals: [], originalReceipt: nil, originalSoldAt: nil,
                                 lines: [RefundLine(originalLineNo: 0, sku: "SOAP", name: "Soap", quantity: .one, unitPrice: Fx.money(334),
                                                    amount: Fx.money(334), tax: Fx.money(0), weighed: false)],
                                 tenders: [Tender(kind: .cash, amount: Fx.money(9999))], reason: ReasonCode.refundDefaults[0],
                                 customerReference: nil, rounding: Fx.money(0), training: false)
        #expect(throws: JournalError.refused(.refundBreaksLedger(refund: "R01-000001", receipt: nil,
                                                        violation: .tendersDoNotAddUp(tenders: Fx.money(9999), total: Fx.money(334))))) {
            try db.append(Fx.refund(blind))
        }
        guard case .postVoid(var void, let slip) = Fx.void(1, of: sale) else { return }
        void.tenders = [Tender(kind: .card, amount: Fx.money(1000))]
        #expect(throws: JournalError.refused(.voidDiffersFromSale(void: void.number, receipt: sale.receipt, paid: Fx.money(1000),
                                                         voided: Fx.money(1000)))) {
            try db.append(.postVoid(void, slip))
        }
    }

    @Test func theLowestPriceForAReturnWithoutReceiptIsTheNetUnitPricePaid() throws {
        let db = try JournalDatabase.inMemory(pinHashRounds: 1, clock: { Fx.t0 })
        try db.addUser(Fx.supervisor, pin: "246810", by: nil)
        try db.append(Fx.shift())
        // 50.00 less a 20.00 line discount (approved by the supervisor): 30.00 was paid for it.
        var bag = Fx.line(1, sku: "BAG", each: 1, priceMinor: 5000)
        bag.discount = Fx.money(2000)
        bag.approvedBy = Fx.supervisor.code
        try db.append(.sale(Fx.saleRecord(1, lines: [bag]), Fx.slip(.sale, "S01-000001")))
        #expect(try db.lowestUnitPrice(sku: "BAG", since: Fx.t0) == Fx.money(3000))
        // 3 at 10.00 less 1.00: 9.666… a unit, rounded down so three never give back more than 29.00.
        var cups = Fx.line(1, sku: "CUP", each: 3, priceMinor: 1000)
        cups.discount = Fx.money(100)
        cups.approvedBy = Fx.supervisor.code
        try db.append(.sale(Fx.saleRecord(2, lines: [cups]), Fx.slip(.sale, "S01-000002")))
        #expect(try db.lowestUnitPrice(sku: "CUP", since: Fx.t0) == Fx.money(966))
        #expect(JournalDatabase.netUnitPrice(unit: 100, discount: Int64.max, thousandths: 1) == 0)
    }
}
