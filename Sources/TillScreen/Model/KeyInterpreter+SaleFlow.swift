import TillCore

/// The keys of parking, recalling, removing tenders, searching and changing a line's price.
/// As everywhere on the screen, no rule is here: the core answers every action.
extension KeyInterpreter {
    /// The action of one of these commands, with the text typed before it; nil for other commands.
    static func saleFlow(_ command: KeyCommand, _ text: String, ui: inout ScreenState,
                         state: RegisterState) -> [RegisterAction]? {
        let currency = state.config.currency
        switch command {
        case .park:
            return [.parkRequested]
        case .recall:
            if !text.isEmpty { return [.recallRequested(reference: text)] }
            ui.recallOpen = true
            ui.listChoice = 0
            return [.parkedSalesRequested]
        case .untender:
            guard !text.isEmpty else { return [.tenderRemoved(number: nil)] }
            guard let n = Int(text) else { ui.message = .refusal(.quantityInvalid(text: text)); return [] }
            return [.tenderRemoved(number: n)]
        case .search:
            return [.searchRequested(text)]
        case .price, .discount:
            guard let amount = Money(parsing: text, currency: currency), amount.minor >= 0 else {
                ui.message = .refusal(.amountInvalid(text: text))
                return []
            }
            guard case .selling(let draft) = state.activity else {
                return [command == .price ? .priceOverridden(line: 0, amount) : .lineDiscounted(line: 0, amount)]
            }
            let row = ui.selection.flatMap { draft.lines.indices.contains($0) ? $0 : nil } ?? draft.lines.lastIndex { !$0.voided }
            let line = row.map { draft.lines[$0].lineNo } ?? 0
            return [command == .price ? .priceOverridden(line: line, amount) : .lineDiscounted(line: line, amount)]
        default:
            return nil
        }
    }

    /// Enter while a question or a pick list is up: yes, or the picked entry. nil when none is up.
    static func pickEnter(_ text: String, ui: inout ScreenState, state: RegisterState) -> [RegisterAction]? {
        if state.confirmation != nil { return [.confirmed] }
        func pick(_ count: Int) -> Int? {
            if text.isEmpty { return count > 0 ? min(ui.listChoice, count - 1) : nil }
            guard let n = Int(text) else { return nil }
            return (1...max(1, count)).contains(n) ? n - 1 : nil
        }
        if ui.recallOpen {
            guard let i = pick(state.parked.count) else { return text.isEmpty ? [] : [.recallRequested(reference: text)] }
            ui.recallOpen = false
            return [.recallRequested(reference: state.parked[i].reference)]
        }
        if let search = state.search, let i = pick(search.results.count) {
            let quantity = ui.pendingQuantity
            ui.pendingQuantity = nil
            return [.codeEntered(search.results[i].sku, quantity: quantity)]
        }
        return nil
    }

    /// Esc while a question or a pick list is up: no, or close the list. nil when none is up.
    static func pickCancel(ui: inout ScreenState, state: RegisterState) -> [RegisterAction]? {
        if state.confirmation != nil { return [.cancelled] }
        if ui.recallOpen { ui.recallOpen = false; return [] }
        if state.search != nil { return [.cancelled] }
        return nil
    }

    /// ↑↓ in a pick list; false when none is up.
    static func pickMove(_ delta: Int, ui: inout ScreenState, state: RegisterState) -> Bool {
        let count = ui.recallOpen ? state.parked.count : (state.search?.results.count ?? 0)
        guard ui.recallOpen || state.search != nil else { return false }
        ui.listChoice = max(0, min(count - 1, ui.listChoice + delta))
        return true
    }
}
