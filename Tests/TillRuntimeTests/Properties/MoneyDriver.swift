import TillCore

/// Plays a generated case through a world, checking the invariants after every step. Returns
/// the first broken invariant, nil when all held.
struct MoneyDriver {
    let world: RuntimeWorld
    let testCase: MoneyCase
    var receipts: [String?] = []
    /// What each completed approval's prompt showed, by document number.
    var shownAmounts: [String: Money?] = [:]
    var invariants: MoneyInvariants

    init(_ world: RuntimeWorld, _ testCase: MoneyCase) {
        self.world = world
        self.testCase = testCase
        invariants = MoneyInvariants(config: testCase.config)
    }

    var config: RegisterConfig { testCase.config }

    mutating func run() -> String? {
        signIn(0)
        _ = world.send(.shiftOpenRequested(float: .zero(.cny)))
        for plan in testCase.sales { receipts.append(sell(plan)) }
        if let problem = invariants.check(world.committed, shown: shownAmounts) {
            return "after the sales: \(problem)"
        }
        for (i, step) in testCase.steps.enumerated() {
            if let problem = perform(step) { return "step \(i) \(step): \(problem)" }
            if let violation = world.outsideLedger.first {
                return "step \(i) \(step): the core planned a refund outside the ledger: \(violation.message.en)"
            }
            if let problem = invariants.check(world.committed, shown: shownAmounts) {
                return "after step \(i) \(step): \(problem)"
            }
        }
        return nil
    }

    mutating func signIn(_ person: Int) {
        settle()
        if world.state.user != nil { _ = world.send(.signOutRequested) }
        let (user, pin) = MoneyCase.people[person]
        _ = world.send(.signInRequested(code: user.code, pin: pin))
    }

    /// Cancels whatever is half done (an approval, then the activity).
    mutating func settle() {
        for _ in 0..<4 where world.state.pendingApproval != nil || world.state.activity != .idle {
            if world.state.confirmation != nil {
                // Cancelling a sale with lines asks first (issue 12): say yes.
                _ = world.send(.confirmed)
            } else if case .selling(let draft) = world.state.activity, !draft.tenders.isEmpty {
                _ = world.send(.tendered(.cash, amount: nil, reference: nil))
            } else {
                _ = world.send(.cancelled)
            }
        }
    }

    mutating func sell(_ plan: MoneyCase.SalePlan) -> String? {
        for line in plan.lines {
            let item = testCase.items[line.item].0
            _ = world.send(.codeEntered(item.sku, quantity: Quantity(thousandths: line.thousandths)))
            guard case .selling(let draft) = world.state.activity, let last = draft.lines.last else { continue }
            if let price = line.overrideMinor { _ = world.send(.priceOverridden(line: last.lineNo, Money(minor: price, currency: .cny))) }
            if let discount = line.discountMinor {
                let extended = (draft.lines.last?.extendedAmount.minor ?? 0)
                _ = world.send(.lineDiscounted(line: last.lineNo, Money(minor: min(discount, extended), currency: .cny)))
            }
        }
        var events: [RegisterEvent] = []
        for (tender, percent) in plan.tenders {
            guard case .selling(let draft) = world.state.activity else { break }
            let due = draft.due
            let part = percent >= 100 ? nil : Money(minor: max(1, due.minor * percent / 100), currency: .cny)
            switch tender {
            case .cash(let extra):
                let received = part ?? Money(minor: config.cashRounding.round(due).minor + extra, currency: .cny)
                events += world.send(.tendered(.cash, amount: received, reference: nil))
            case .card(let reference): events += world.send(.tendered(.card, amount: part, reference: reference))
            case .storeCredit(let reference): events += world.send(.tendered(.storeCredit, amount: part, reference: reference))
            }
        }
        if case .selling = world.state.activity { events += world.send(.tendered(.cash, amount: nil, reference: nil)) }
        settle()
        for case .saleCompleted(let receipt, _, _) in events { return receipt }
        return nil
    }

    /// Asks for the approval if the core wants one, changing the refund first when the case says.
    mutating func approve(_ approver: Int?, changing change: RegisterAction?) -> String? {
        guard let pending = world.state.pendingApproval else { return nil }
        if let change {
            let before = world.state.activity
            _ = world.send(change)
            if world.state.activity != before, world.state.pendingApproval != nil {
                return "a pending approval survived a change to what it approves"
            }
        }
        guard let approver, world.state.pendingApproval != nil else { return nil }
        let (user, pin) = MoneyCase.people[approver]
        let events = world.send(.approverPINEntered(code: user.code, pin: pin))
        for event in events {
            switch event {
            case .refundCompleted(let number, _, _), .postVoidCompleted(let number, _): shownAmounts[number] = pending.amount
            default: break
            }
        }
        return nil
    }

    mutating func perform(_ step: MoneyCase.Step) -> String? {
        switch step {
        case .refund(let user, let sale, let lines, let tender, let approver, let changeWhilePending):
            guard let receipt = receipts[sale % receipts.count] else { return nil }
            signIn(user)
            _ = world.send(.refundStarted)
            _ = world.send(.receiptEntered(receipt))
            guard case .refunding(let draft) = world.state.activity else { settle(); return nil }
            // A line of the case names the sale's n-th line (line numbers skip merged scans).
            let lineNos = lines.map { draft.source.lines.isEmpty ? $0.line : draft.source.lines[$0.line % draft.source.lines.count].line.lineNo }
            for ((_, quantity), lineNo) in zip(lines, lineNos) {
                let q: Quantity
                switch quantity {
                case .remaining: q = draft.source.line(lineNo)?.remainingQuantity ?? .one
                case .thousandths(let n) where draft.source.line(lineNo)?.line.weighed == true: q = Quantity(thousandths: n)
                case .thousandths(let n): q = Quantity(thousandths: max(1, n / 1000) * 1000)
                }
                _ = world.send(.refundQuantitySet(line: lineNo, q))
            }
            _ = world.send(.reasonChosen(code: "DAMAGED"))
            switch tender {
            case .original: break
            case .cash: _ = world.send(.refundTenderChosen(.cash, reference: nil))
            case .card(let reference): _ = world.send(.refundTenderChosen(.card, reference: reference))
            case .storeCredit: _ = world.send(.refundTenderChosen(.storeCredit, reference: nil))
            }
            _ = world.send(.confirmed)
            let change: RegisterAction? = changeWhilePending
                ? .refundQuantitySet(line: lineNos[0], draft.source.line(lineNos[0])?.remainingQuantity ?? .one) : nil
            let problem = approve(approver, changing: change)
            settle()
            return problem
        case .blindReturn(let user, let items, let tender, let approver):
            signIn(user)
            _ = world.send(.blindReturnStarted)
            guard case .blindReturn = world.state.activity else { settle(); return nil }
            for (item, thousandths) in items {
                _ = world.send(.codeEntered(testCase.items[item].0.sku, quantity: Quantity(thousandths: thousandths)))
            }
            _ = world.send(.reasonChosen(code: "DAMAGED"))
            _ = world.send(.refundTenderChosen(tender, reference: nil))
            _ = world.send(.confirmed)
            let problem = approve(approver, changing: nil)
            settle()
            return problem
        case .postVoid(let user, let sale, let approver):
            guard let receipt = receipts[sale] else { return nil }
            signIn(user)
            _ = world.send(.postVoidStarted)
            _ = world.send(.receiptEntered(receipt))
            _ = world.send(.reasonChosen(code: "MISTAKE"))
            _ = world.send(.confirmed)
            let problem = approve(approver, changing: nil)
            settle()
            return problem
        case .redeem(let item, let note, let percent, let misread):
            return redeem(item: item, note: note, percent: percent, misread: misread)
        case .xReport(let user):
            signIn(user)
            let role = MoneyCase.people[user].0.role
            for case .reportPrinted(.x, _, let net) in world.send(.reportRequested(.x)) {
                guard config.policy.permissions.allows(role, .xReport) else { return "a \(role) printed an X report" }
                let expected = world.state.shift.map { Ledgers(world.committed).totals($0).net }
                if net != expected { return "X report net \(net) but the records sum to \(String(describing: expected))" }
            }
            return nil
        }
    }
}

extension MoneyDriver {
    /// Sells one item and pays with a credit note some refund issued (none issued yet: the sale
    /// is paid in cash). A misread number must be refused as misread and take nothing.
    mutating func redeem(item: Int, note: Int, percent: Int64, misread: Bool) -> String? {
        signIn(0)
        let notes = Ledgers(world.committed).creditNotes
        _ = world.send(.codeEntered(testCase.items[item].0.sku, quantity: testCase.items[item].0.weighed ? Quantity(thousandths: 1000) : nil))
        guard case .selling(let draft) = world.state.activity, !notes.isEmpty else { settle(); return nil }
        var number = notes[note % notes.count]
        if misread, let digit = number.last?.wholeNumberValue { number = String(number.dropLast()) + String((digit + 1) % 10) }
        let amount = percent == 100 ? nil : Money(minor: max(1, draft.due.minor * percent / 100), currency: .cny)
        var events = world.send(.tendered(.storeCredit, amount: amount, reference: number))
        if misread {
            let refusedAsMisread = events.contains { if case .refused(.creditNote(.misread)) = $0 { return true } else { return false } }
            if !refusedAsMisread { return "misread credit note \(number) was not refused as misread: \(events)" }
        }
        if case .selling = world.state.activity { events += world.send(.tendered(.cash, amount: nil, reference: nil)) }
        for case .saleCompleted(let receipt, _, _) in events { receipts.append(receipt) }
        settle()
        return nil
    }
}
