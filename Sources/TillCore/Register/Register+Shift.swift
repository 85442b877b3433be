extension RegisterState {
    mutating func openShift(float: Money, _ step: inout Step) {
        guard checkPermission(.manageShift, &step), let user else { return }
        if let shift { return step.refuse(.shiftAlreadyOpen(number: shift.number)) }
        guard float.minor >= 0 else { return step.refuse(.amountInvalid(text: float.plain)) }
        let record = ShiftRecord(number: sequences.nextShift, till: config.till, openedAt: step.now, openedBy: user,
                                 openingFloat: float)
        sequences.nextShift += 1
        shift = record
        clerkRefundedThisShift = .zero(config.currency)
        step.run(.record(.shiftOpened(record)))
        step.emit(.shiftOpened(record.number))
    }

    mutating func requestReport(_ kind: ReportKind, _ step: inout Step) {
        guard checkReportAuthority(kind, &step), checkShift(&step), let shift else { return }
        // A Z report closes the shift: nothing may be half done, nothing left parked.
        if kind == .z { guard checkIdle(&step), checkNothingParked(&step) else { return } }
        step.run(.loadShiftTotals(shift: shift.number, kind))
    }

    mutating func printReport(_ totals: ShiftTotals, _ kind: ReportKind, _ step: inout Step) {
        guard let user, let shift, totals.shift.number == shift.number else { return step.refuse(.noOpenShift) }
        let templates = config.templates
        switch kind {
        case .x:
            guard let signer = reportApprover(totals, .x, amount: totals.net, &step) else { return }
            let approver = reportApproval(by: signer)
            let slip = templates.shiftReport(totals, zNumber: nil, at: step.now, by: user, parked: parked, approver: approver)
            step.run(.record(.event(AuditEvent(kind: .xReportPrinted, at: step.now, user: user.code, approver: approver?.code,
                                               reference: slip.reference, training: config.training))))
            step.run(.print(slip))
            approval = nil
            step.emit(.reportPrinted(.x, reference: slip.reference, net: totals.net))
        case .z:
            // First the count (Register+ShiftClose); the totals are loaded again when it is confirmed.
            guard let close = closingShift, let count = close.count, let counted = close.counted else {
                closingShift = ShiftClose(totals: totals)
                return step.emit(.cashCountNeeded(expected: totals.cashExpected))
            }
            guard checkIdle(&step), checkNothingParked(&step) else { return }
            guard let signer = reportApprover(totals, .z, amount: counted, &step) else { return }
            closingShift = nil
            approval = nil
            let number = DocumentNumber(kind: .zReport, till: config.till, sequence: sequences.nextZ).description
            sequences.nextZ += 1
            let approver = reportApproval(by: signer)
            let record = ZReportRecord(number: number, at: step.now, by: user, totals: totals, count: count, counted: counted,
                                       approver: approver)
            let slip = templates.shiftReport(totals, zNumber: number, at: step.now, by: user, counted: counted, count: count,
                                             approver: approver)
            step.run(.record(.zReport(record, slip)))
            step.run(.print(slip))
            self.shift = nil
            clerkRefundedThisShift = .zero(config.currency)
            step.emit(.reportPrinted(.z, reference: number, net: totals.net))
        }
    }

    /// A Z report is refused while sales are parked on this till. Decided so because a parked
    /// sale left across the Z would be recalled into the next shift: its goods would sit outside
    /// any count, and an abandoned basket would never be cleared. The clerk recalls each one and
    /// completes it, or cancels it (which the journal keeps as any cancel: who, what, the total).
    func checkNothingParked(_ step: inout Step) -> Bool {
        guard !parked.isEmpty else { return true }
        step.refuse(.parkedSalesOpen(parked.map(ParkedSaleSummary.init)))
        return false
    }
}
