/// Whether the core's arithmetic may be trusted with a record it did not just make: one read back
/// from a journal or a file (which someone may have edited), or handed to the journal to append.
/// The core adds a record's amounts with `+` (a sale's total, a refund's ledger, a shift's net),
/// which traps on a mixed currency or an overflow; a record passing this check cannot make it:
///
/// - every amount is in the record's own currency;
/// - every amount a person enters (prices, discounts, tenders, floats) and every document total is
///   within `ValueLimits`, and so is every quantity (as the core itself guarantees);
/// - the magnitudes of all its amounts, a line's extended amount included, add up within Int64,
///   so no sum of any of them, in any order, can overflow.
///
/// nil when it passes; else what is wrong, in both languages, for a `JournalError` naming the entry.
extension JournalRecord {
    public var amountProblem: LocalizedText? {
        var check: AmountCheck
        switch self {
        case .sale(let sale, _):
            check = AmountCheck(sale.totals.gross.currency)
            for line in sale.lines {
                check.entered([line.unitPrice, line.discount] + (line.originalUnitPrice.map { [$0] } ?? []), "line \(line.lineNo)")
                check.quantity(line.quantity, "line \(line.lineNo)")
                if check.problem == nil { check.derived([line.extendedAmount], "line \(line.lineNo)") }
            }
            check.tenders(sale.tenders)
            check.totals([sale.totals.gross, sale.totals.tax, sale.rounding, sale.change], "sale")
            if check.problem == nil, let total = sale.totals.gross.adding(sale.rounding) { check.totals([total], "sale") }
        case .refund(let refund, _):
            check = AmountCheck(refund.rounding.currency)
            for line in refund.lines {
                check.entered([line.unitPrice], "line \(line.originalLineNo)")
                check.totals([line.amount, line.tax], "line \(line.originalLineNo)")
                check.quantity(line.quantity, "line \(line.originalLineNo)")
            }
            check.tenders(refund.tenders)
            check.totals([refund.rounding] + (refund.approvedAmount.map { [$0] } ?? []), "refund")
            if check.problem == nil, let total = refund.lines.map(\.amount).checkedSum(refund.rounding.currency)?.adding(refund.rounding) {
                check.totals([total], "refund")
            }
        case .postVoid(let void, _):
            check = AmountCheck(void.total.currency)
            check.tenders(void.tenders)
            check.totals([void.total, void.tax], "void")
        case .shiftOpened(let shift):
            check = AmountCheck(shift.openingFloat.currency)
            check.entered([shift.openingFloat], "opening float")
        case .zReport(let z, _):
            // A shift's totals may exceed one sale's bound; only their currency and their sum are checked.
            let totals = z.totals
            check = AmountCheck(totals.shift.openingFloat.currency)
            check.entered([totals.shift.openingFloat] + (z.counted.map { [$0] } ?? []), "Z report")
            var figures = [totals.sales.amount, totals.salesTax, totals.refunds.amount, totals.voids.amount]
            for tender in totals.tenders { figures += [tender.taken, tender.givenBack] + (tender.voided.map { [$0] } ?? []) }
            for clerk in totals.clerks { figures += [clerk.sales.amount, clerk.refunds.amount, clerk.voids.amount] }
            check.derived(figures, "Z report")
        case .event(let event):
            guard let amount = event.amount else { return nil }
            check = AmountCheck(amount.currency)
            check.derived([amount], "event")
        }
        return check.problem
    }
}

/// The running check behind `amountProblem`: the first thing found wrong is kept.
struct AmountCheck {
    let currency: Currency
    var magnitudes: UInt64 = 0
    var problem: LocalizedText?

    init(_ currency: Currency) { self.currency = currency }

    /// An amount someone entered or a document's total: within `ValueLimits`.
    mutating func entered(_ amounts: [Money], _ place: String) { totals(amounts, place) }

    mutating func totals(_ amounts: [Money], _ place: String) {
        derived(amounts, place)
        for amount in amounts where problem == nil && !ValueLimits.contains(amount: amount) {
            problem = LocalizedText(en: "\(place) has the amount \(amount.minor) minor units, beyond \(ValueLimits.maximumAmountMinor)",
                                    zh: "\(place) 的金额 \(amount.minor)（最小单位）超过 \(ValueLimits.maximumAmountMinor)")
        }
    }

    mutating func tenders(_ tenders: [Tender]) {
        for tender in tenders { entered([tender.amount] + (tender.received.map { [$0] } ?? []), "tender \(tender.kind.rawValue)") }
    }

    mutating func quantity(_ quantity: Quantity, _ place: String) {
        guard problem == nil, !ValueLimits.contains(quantity: quantity) else { return }
        problem = LocalizedText(en: "\(place) has the quantity \(quantity.thousandths)/1000, beyond \(ValueLimits.maximumQuantity)",
                                zh: "\(place) 的数量 \(quantity.thousandths)/1000 超过 \(ValueLimits.maximumQuantity)")
    }

    /// Any amount of the record: in its currency, and counted towards the sum of magnitudes.
    mutating func derived(_ amounts: [Money], _ place: String) {
        for amount in amounts where problem == nil {
            guard amount.currency == currency else {
                problem = LocalizedText(en: "\(place) is in \(amount.currency.code), the record in \(currency.code)",
                                        zh: "\(place) 的币种为 \(amount.currency.code)，而该记录为 \(currency.code)")
                return
            }
            let (sum, overflow) = magnitudes.addingReportingOverflow(amount.minor.magnitude)
            guard !overflow, sum <= UInt64(Int64.max) else {
                problem = LocalizedText(en: "its amounts add up beyond what the till can count", zh: "其金额合计超出收银台可计算的范围")
                return
            }
            magnitudes = sum
        }
    }
}
