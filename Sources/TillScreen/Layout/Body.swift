import TillCore

/// The middle of the screen: what the till is doing right now.
enum Body {
    static func rows(_ state: RegisterState, _ ui: ScreenState, width: Int, height: Int) -> [ScreenRow] {
        guard height > 0 else { return [] }
        let lang = ui.language
        guard state.user != nil else { return Panels.login(ui, width: width) }
        if let report = ui.report { return Panels.report(report, ui, width: width, height: height) }
        var rows: [ScreenRow] = []
        if let pending = state.pendingApproval {
            rows.append(ScreenRow(" \(ScreenText.approvalTitle.text(lang)): \(pending.reason.label.text(lang)) ", .alert))
            // The amount the PIN approves: the core cancels the approval if it changes.
            if let amount = pending.amount {
                rows.append(ScreenRow(" \(ScreenText.approvalAmount.text(lang)): \(amount.formatted) ", .alert))
            }
            rows += Columns.wrap(ScreenText.approvalHelp.text(lang), width).map { ScreenRow($0, .bold) }
            rows.append(.blank)
        }
        rows += PickLists.question(state, ui, width: width) ?? []
        let room = height - rows.count
        if let list = PickLists.list(state, ui, width: width, height: room) { return rows + list }
        switch state.activity {
        case .idle: rows += Panels.idle(state, ui, width: width)
        case .selling(let draft): rows += SaleView.rows(draft, ui, width: width, height: room)
        case .findingSale(let purpose):
            let hint = purpose == .refund ? ScreenText.findRefund : ScreenText.findVoid
            rows += [.blank] + Columns.wrap(hint.text(lang), width).map { ScreenRow($0, .bold) }
        case .refunding(let draft): rows += RefundView.rows(draft, state, ui, width: width, height: room)
        case .blindReturn(let draft): rows += BlindReturnView.rows(draft, state, ui, width: width, height: room)
        case .voiding(let draft): rows += PostVoidView.rows(draft, state, ui, width: width, height: room)
        }
        return rows
    }
}

/// A table with one flexible text column: the widths of the others are fixed, so every row's
/// numbers end in the same column whatever the names' scripts (widths by DisplayWidth).
struct Table {
    var fixed: [Int]
    var width: Int

    /// The name column takes what the number columns and the gaps leave.
    var nameWidth: Int { max(8, width - 4 - 1 - fixed.reduce(0) { $0 + $1 + 1 } - 1) }

    func row(_ number: String, _ name: String, _ values: [String]) -> String {
        var text = Columns.right(number, 4) + " " + Columns.left(name, nameWidth)
        for (value, w) in zip(values, fixed) { text += " " + Columns.right(value, w) }
        return text
    }

    /// Which slice of `count` rows to show in `room` rows so that `focus` is visible.
    static func window(count: Int, room: Int, focus: Int?) -> Range<Int> {
        guard count > room, room > 0 else { return 0..<count }
        let anchor = focus ?? (count - 1)
        let start = min(max(0, anchor - room + 1), count - room)
        return start..<(start + room)
    }
}
