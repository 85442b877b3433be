import TillCore

/// Turns a key into the actions to send to the core, or a change of the screen's own state.
/// No rule lives here: anything that can be refused is sent and the core's answer is shown.
public enum KeyInterpreter {
    public static func handle(_ key: ScreenKey, ui: inout ScreenState, state: RegisterState) -> [RegisterAction] {
        if key == .resize { return [] }
        switch key {
        case .mouse, .programmed: break  // flashed below, once the key they land on is known
        default: ui.flash = KeypadAction(key: key, keymap: ui.keymap)
        }
        let actions: [RegisterAction]
        if let command = ui.keymap.command(for: key) {
            actions = run(command, ui: &ui, state: state)
        } else {
            switch key {
            case .character(let c):
                if ui.input.count < 64, !c.isNewline { ui.input.append(c) }
                return []
            case .backspace:
                if !ui.input.isEmpty { ui.input.removeLast() }
                return []
            case .up, .down, .pageUp, .pageDown:
                move(key, ui: &ui, state: state)
                return []
            case .enter:
                actions = enter(ui: &ui, state: state)
            case .mouse(let column, let row):
                guard let action = SideColumn.action(at: column, row, state: state, ui: ui) else { return [] }
                ui.flash = action
                return press(action, ui: &ui, state: state)
            case .programmed(let n):
                guard ui.programmedKeys.indices.contains(n) else { return [] }
                ui.flash = ui.programmedKeys[n]
                return press(ui.programmedKeys[n], ui: &ui, state: state)
            default:
                return []
            }
        }
        // A new action replaces the last message: what is shown is the answer to it.
        if !actions.isEmpty { ui.message = nil }
        return actions
    }

    // MARK: - Keypad

    /// A key of the on-screen keypad or a programmable keyboard: carried out as the keyboard
    /// key it stands for (digits typed, ENTER as Enter, CASH as the cash key's command), a
    /// quick key as its SKU typed and entered.
    public static func press(_ action: KeypadAction, ui: inout ScreenState, state: RegisterState) -> [RegisterAction] {
        var actions: [RegisterAction]
        switch action {
        case .text(let text):
            for c in text where ui.input.count < 64 { ui.input.append(c) }
            return []
        case .clear:
            ui.input = ""
            ui.pendingQuantity = nil
            return []
        case .enter:
            actions = enter(ui: &ui, state: state)
        case .subtotal:
            guard case .selling(let draft) = state.activity else { ui.message = .info(ScreenText.noSale); return [] }
            ui.message = .info(ScreenText.subtotalNow(draft.totals.gross, due: draft.due))
            return []
        case .priceCheck:
            // A question to the catalog, not an action of the core: the screen's runner asks it.
            let code = ui.input.trimmingSpaces
            ui.input = ""
            if code.isEmpty { ui.message = .info(ScreenText.priceCheckHow) } else { ui.priceCheck = code }
            return []
        case .command(let command):
            actions = run(command, ui: &ui, state: state)
        case .page(let page):
            ui.keypadPage = page
            return []
        case .item(let sku):
            ui.input = sku
            actions = enter(ui: &ui, state: state)
        }
        if !actions.isEmpty { ui.message = nil }
        return actions
    }

    // MARK: - Commands

    static func run(_ command: KeyCommand, ui: inout ScreenState, state: RegisterState) -> [RegisterAction] {
        let text = ui.input.trimmingSpaces
        switch command {
        case .language:
            ui.language = ui.language == .en ? .zh : .en
            return []
        case .quit:
            // The core says whether quitting is safe now, or asks first (an open sale is parked).
            return [.quitRequested]
        case .cancel:
            return cancel(ui: &ui, state: state)
        case .keypad:
            ui.keypadToggled.toggle()
            return []
        case .pricecheck:
            // The keyboard's PRICE CHECK is the keypad's PRICE? key: one path.
            return press(.priceCheck, ui: &ui, state: state)
        default:
            break
        }
        ui.input = ""
        ui.report = nil
        if let actions = saleFlow(command, text, ui: &ui, state: state) { return actions }
        let currency = state.config.currency
        func amount() -> Result<Money?, Refusal> {
            guard !text.isEmpty else { return .success(nil) }
            guard let money = Money(parsing: text, currency: currency), money.minor > 0 else { return .failure(.amountInvalid(text: text)) }
            return .success(money)
        }
        switch command {
        case .cash, .credit:
            switch amount() {
            case .success(let value):
                // Store credit asks for the credit note (typed or scanned) when there is a sale to pay.
                if command == .credit, case .selling = state.activity {
                    ui.cardTender = CardTender(amount: value, kind: .storeCredit)
                    return []
                }
                return [.tendered(command == .cash ? .cash : .storeCredit, amount: value, reference: nil)]
            case .failure(let refusal): ui.message = .refusal(refusal); return []
            }
        case .card:
            switch amount() {
            case .success(let value):
                // The approval code is asked for only when there is a sale to pay; otherwise the core says why not.
                guard case .selling = state.activity else { return [.tendered(.card, amount: value, reference: nil)] }
                ui.cardTender = CardTender(amount: value)
                return []
            case .failure(let refusal): ui.message = .refusal(refusal); return []
            }
        case .quantity:
            guard let quantity = Quantity(parsing: text) else { ui.message = .refusal(.quantityInvalid(text: text)); return [] }
            switch state.activity {
            case .refunding(let draft):
                guard let row = ui.selection, draft.source.lines.indices.contains(row) else { break }
                return [.refundQuantitySet(line: draft.source.lines[row].line.lineNo, quantity)]
            case .selling(let draft):
                if let row = ui.selection, draft.lines.indices.contains(row) {
                    return [.quantityChanged(line: draft.lines[row].lineNo, quantity)]
                }
            default:
                break
            }
            ui.pendingQuantity = quantity
            return []
        case .void:
            if !text.isEmpty {
                guard let n = Int(text) else { ui.message = .refusal(.quantityInvalid(text: text)); return [] }
                return [.lineVoided(line: n)]
            }
            guard case .selling(let draft) = state.activity else { return [.lineVoided(line: 0)] }
            let row = ui.selection.flatMap { draft.lines.indices.contains($0) ? $0 : nil }
                ?? draft.lines.lastIndex { !$0.voided }
            return [.lineVoided(line: row.map { draft.lines[$0].lineNo } ?? 0)]
        case .refund: return [.refundStarted]
        case .blind: return [.blindReturnStarted]
        case .postvoid: return [.postVoidStarted]
        case .reprint:
            if !text.isEmpty { return [.reprintRequested(reference: text)] }
            if let unprinted = state.unprintedSlips.keys.sorted().first { return [.reprintRequested(reference: unprinted)] }
            if let last = state.lastCompleted?.reference { return [.reprintRequested(reference: last)] }
            ui.message = .info(ScreenText.reprintWhich)
            return []
        case .drawer: return [drawerAction(state)]
        case .xreport: return [.reportRequested(.x)]
        case .zreport: return [.reportRequested(.z)]
        case .shift:
            switch amount() {
            case .success(let value): return [.shiftOpenRequested(float: value ?? .zero(currency))]
            case .failure(let refusal): ui.message = .refusal(refusal); return []
            }
        case .signout: return [.signOutRequested]
        case .noreceipt: return [.noReceiptToggled]
        case .language, .quit, .cancel, .keypad, .pricecheck, .park, .recall, .untender, .search, .price, .discount:
            return []
        }
    }

    /// Esc steps back one thing at a time: the typed text, an open report or prompt, a step of
    /// the refund; only then the activity itself (the core cancels it, or says why it cannot).
    static func cancel(ui: inout ScreenState, state: RegisterState) -> [RegisterAction] {
        if !ui.input.isEmpty || ui.pendingQuantity != nil {
            ui.input = ""
            ui.pendingQuantity = nil
            return []
        }
        if ui.report != nil { ui.report = nil; return [] }
        if ui.cardTender != nil { ui.cardTender = nil; return [] }
        guard state.user != nil else { ui.login = .code; return [] }
        if let actions = pickCancel(ui: &ui, state: state) { return actions }
        if state.pendingApproval != nil {
            ui.approver = .code
            return [.cancelled]
        }
        let steps = FlowLists.steps(state)
        if isFlow(state.activity), let i = steps.firstIndex(of: ui.step), i > 0 {
            ui.step = steps[i - 1]
            ui.listChoice = 0
            return []
        }
        if state.activity != .idle { return [.cancelled] }
        ui.message = nil
        return []
    }

    // MARK: - Enter

    static func enter(ui: inout ScreenState, state: RegisterState) -> [RegisterAction] {
        let text = ui.input.trimmingSpaces
        ui.input = ""
        guard state.user != nil else {
            switch ui.login {
            case .code:
                if !text.isEmpty { ui.login = .pin(code: text) }
                return []
            case .pin(let code):
                ui.login = .code
                return [.signInRequested(code: code, pin: text)]
            }
        }
        if state.pendingApproval != nil {
            switch ui.approver {
            case .code:
                if !text.isEmpty { ui.approver = .pin(code: text) }
                return []
            case .pin(let code):
                ui.approver = .code
                return [.approverPINEntered(code: code, pin: text)]
            }
        }
        // Closing the shift: typed text is the drawer's count (a total, or "100x3 50x1", or one
        // denomination per line), Enter on its own confirms.
        if state.closingShift != nil {
            guard !text.isEmpty else { return [.confirmed] }
            switch CashCountText.parse(text, currency: state.config.currency) {
            case .success(let count): return [.cashCounted(count.merged(into: state.closingShift?.count))]
            case .failure(let problem): ui.message = .info(problem.message); return []
            }
        }
        if let card = ui.cardTender {
            ui.cardTender = nil
            return [.tendered(card.kind, amount: card.amount, reference: text)]
        }
        if ui.report != nil, text.isEmpty {
            ui.report = nil
            return []
        }
        if let actions = pickEnter(text, ui: &ui, state: state) { return actions }
        if isFlow(state.activity), ui.step != .items || text.isEmpty {
            return flowEnter(text, ui: &ui, state: state)
        }
        switch InputRouter.codeEntered(text, pendingQuantity: ui.pendingQuantity) {
        case nil:
            return []
        case .success(let action)?:
            ui.pendingQuantity = nil
            ui.report = nil
            return [action]
        case .failure(let refusal)?:
            ui.message = .refusal(refusal)
            return []
        }
    }

    /// Enter during a refund, return or post-void: next step, or the pick from a list.
    static func flowEnter(_ text: String, ui: inout ScreenState, state: RegisterState) -> [RegisterAction] {
        let steps = FlowLists.steps(state)
        func advance() {
            if let i = steps.firstIndex(of: ui.step), i + 1 < steps.count { ui.step = steps[i + 1] }
            ui.listChoice = 0
        }
        // A number picks from the list; otherwise the highlighted entry.
        func pick(_ count: Int) -> Int? {
            if let n = Int(text) { return (1...max(1, count)).contains(n) ? n - 1 : nil }
            return count > 0 ? min(ui.listChoice, count - 1) : nil
        }
        switch ui.step {
        case .items:
            // Nothing chosen yet: the core's own refusal, without a round trip through the steps.
            if nothingChosen(state) { ui.message = .refusal(.nothingSelected); return [] }
            advance()
            return []
        case .reason:
            let reasons = FlowLists.reasons(state)
            guard let i = pick(reasons.count) else { ui.message = .refusal(.reasonRequired); return [] }
            advance()
            return [.reasonChosen(code: reasons[i].code)]
        case .tender:
            let tenders = FlowLists.tenders(state)
            guard let i = pick(tenders.count) else { return [] }
            advance()
            return [.refundTenderChosen(tenders[i], reference: nil)]
        case .customer:
            guard !text.isEmpty else { ui.message = .refusal(.customerReferenceRequired); return [] }
            advance()
            return [.customerReferenceEntered(text)]
        case .confirm:
            return [.confirmed]
        }
    }

    static func nothingChosen(_ state: RegisterState) -> Bool {
        switch state.activity {
        case .refunding(let draft): return draft.quantities.isEmpty
        case .blindReturn(let draft): return draft.lines.isEmpty
        default: return false
        }
    }

    static func isFlow(_ activity: Activity) -> Bool {
        switch activity {
        case .refunding, .blindReturn, .voiding: return true
        default: return false
        }
    }

    // MARK: - Arrows

    static func move(_ key: ScreenKey, ui: inout ScreenState, state: RegisterState) {
        let delta = (key == .up || key == .pageUp) ? -1 : 1
        let page = (key == .pageUp || key == .pageDown) ? 10 : 1
        if ui.report != nil {
            ui.reportScroll = max(0, ui.reportScroll + delta * page)
            return
        }
        if pickMove(delta * page, ui: &ui, state: state) { return }
        var count = 0
        var isList = false
        switch state.activity {
        case .selling(let draft): count = draft.lines.count
        case .refunding(let draft):
            if ui.step == .items { count = draft.source.lines.count }
            else { isList = true }
        case .blindReturn, .voiding: isList = ui.step != .items
        default: return
        }
        if isList {
            let n = ui.step == .reason ? FlowLists.reasons(state).count : FlowLists.tenders(state).count
            ui.listChoice = max(0, min(n - 1, ui.listChoice + delta))
            return
        }
        guard count > 0 else { return }
        let current = ui.selection ?? (delta < 0 ? count : -1)
        ui.selection = max(0, min(count - 1, current + delta * page))
    }
}
