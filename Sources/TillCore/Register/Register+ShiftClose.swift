/// End of shift: the Z report asks for the drawer's count, shows expected, counted and over/short,
/// and closes the shift only when confirmed. The count goes into the Z report's chained entry.
extension RegisterState {
    mutating func countCash(_ count: CashCount, _ step: inout Step) {
        guard var close = closingShift else { return step.refuse(.nothingInProgress) }
        guard pendingApproval == nil else { return step.refuse(.busy(current: .approval)) }
        let counted: Money
        switch count.amount(allowed: config.denominations, currency: config.currency) {
        case .success(let money): counted = money
        case .failure(let problem): return step.refuse(.cashCountInvalid(problem))
        }
        close.count = count
        close.counted = counted
        closingShift = close
        step.emit(.cashCountTaken(expected: close.totals.cashExpected, counted: counted,
                                  overShort: counted - close.totals.cashExpected))
    }

    /// Confirmed with a count: the totals are loaded again, so what closes is the shift as it is now.
    mutating func confirmShiftClose(_ step: inout Step) {
        guard let close = closingShift, close.counted != nil else {
            return step.refuse(.cashCountRequired(expected: closingShift?.totals.cashExpected ?? money(0)))
        }
        // Nothing half done closes with the shift: a sale begun during the count is finished or cancelled first.
        guard checkIdle(&step), let shift, checkReportAuthority(.z, &step) else { return }
        step.run(.loadShiftTotals(shift: shift.number, .z))
    }
}
