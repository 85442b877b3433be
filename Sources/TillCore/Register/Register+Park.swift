extension RegisterState {
    /// Puts the open sale aside: kept in the journal (a chained audit entry holding its lines),
    /// listed on this till until recalled. A sale with tenders taken cannot be parked: its
    /// money must be settled first.
    mutating func park(_ step: inout Step) {
        guard let user else { return step.refuse(.notSignedIn) }
        guard pendingApproval == nil else { return step.refuse(.busy(current: .approval)) }
        guard case .selling(let draft) = activity, draft.lines.contains(where: { !$0.voided }) else {
            return step.refuse(.nothingToPark)
        }
        guard draft.tenders.isEmpty else { return step.refuse(.tendersTaken(count: draft.tenders.count)) }
        let parkedSale = ParkedSale(reference: ParkedSale.reference(till: config.till, sequence: nextParkNumber),
                                    till: config.till, parkedAt: step.now, clerk: user.code, draft: draft)
        step.run(.record(.event(AuditEvent(kind: .saleParked, at: step.now, user: user.code,
                                           reference: parkedSale.reference, detail: Self.describe(draft),
                                           training: config.training, sale: draft, amount: parkedSale.total))))
        nextParkNumber += 1
        parked.append(parkedSale)
        finishActivity()
        step.emit(.saleParked(reference: parkedSale.reference, lines: parkedSale.lineCount, total: parkedSale.total))
    }

    /// Takes a parked sale back, lines exactly as parked. Only when nothing else is open; the
    /// journal refuses a second recall of the same sale (another session got it first).
    mutating func recall(_ raw: String, _ step: inout Step) {
        guard checkIdle(&step), checkShift(&step), let user else { return }
        let reference = raw.trimmingSpaces.uppercased()
        guard let index = parked.firstIndex(where: { $0.reference.uppercased() == reference }) else {
            return step.refuse(.parkedSaleNotFound(reference: raw.trimmingSpaces, parked: parked.map(\.reference)))
        }
        let sale = parked.remove(at: index)
        step.run(.record(.event(AuditEvent(kind: .saleRecalled, at: step.now, user: user.code, reference: sale.reference,
                                           training: config.training, amount: sale.total))))
        activity = .selling(sale.draft)
        step.emit(.saleRecalled(reference: sale.reference))
    }

    /// The journal's list replaces the one held: another session may have parked or recalled.
    mutating func parkedSalesLoaded(_ list: [ParkedSale], nextNumber: Int64, _ step: inout Step) {
        parked = list.filter { $0.till == config.till && $0.draft.currency == config.currency }
        nextParkNumber = max(nextNumber, 1)
        step.emit(.parkedSalesListed(parked))
    }
}
