import TillCore

/// Sign-in, the ready screen (with the last sale's change or refund's confirmation) and reports.
enum Panels {
    static func login(_ ui: ScreenState, width: Int) -> [ScreenRow] {
        let lang = ui.language
        return [.blank, ScreenRow("  " + ScreenText.signInTitle.text(lang), .bold)]
            + Columns.wrap(ScreenText.signInHelp.text(lang), width - 2).map { ScreenRow("  " + $0) }
            + [.blank] + slipFolder(ui, width: width)
    }

    static func idle(_ state: RegisterState, _ ui: ScreenState, width: Int) -> [ScreenRow] {
        let lang = ui.language
        var rows: [ScreenRow] = []
        if let done = state.lastCompleted {
            switch done.kind {
            case .sale:
                rows.append(ScreenRow(ScreenText.saleDone(done.reference, total: done.total).text(lang)))
                rows.append(ScreenRow(ScreenText.change.text(lang) + "  " + done.change.formatted, .bold))
                rows += BigText.rows(done.change.plain).map { ScreenRow("  " + $0, .bold) }
                if done.receiptDeclined {
                    rows.append(ScreenRow(ScreenText.receiptNotPrinted(reprintKey: ui.keymap.keyName(.reprint)).text(lang)))
                }
            case .refund:
                // The core says when a refund may be confirmed (once its slip is out).
                if done.confirmed {
                    rows.append(ScreenRow(ScreenText.refundDone(done.reference).text(lang) + " — " + ScreenText.slipPrinted.text(lang), .bold))
                    var tenders = done.total.formatted
                    if let refund = ui.lastRefund, refund.number == done.reference {
                        tenders = refund.tenders.map { "\($0.kind.label.text(lang)) \($0.amount.formatted)" }.joined(separator: ", ")
                    }
                    rows.append(ScreenRow(ScreenText.giveBack.text(lang) + ": " + tenders, .bold))
                    rows += BigText.rows(done.total.plain).map { ScreenRow("  " + $0, .bold) }
                } else {
                    rows.append(ScreenRow(ScreenText.documentKind(done.reference).text(lang) + " \(done.reference) "
                                          + ScreenText.waitingForSlip.text(lang), .bold))
                }
            default:
                rows.append(ScreenRow(ScreenText.voidDone(done.reference, done.total).text(lang), .bold))
            }
            rows.append(.blank)
        }
        rows += Columns.wrap(ScreenText.idleHelp.text(lang), width).map { ScreenRow($0) }
        return rows + slipFolder(ui, width: width)
    }

    static func slipFolder(_ ui: ScreenState, width: Int) -> [ScreenRow] {
        Columns.wrap(ScreenText.slipsGoTo.text(ui.language) + ui.slipFolder, width - 2).map { ScreenRow("  " + $0, .dim) }
    }

    static func report(_ lines: [String], _ ui: ScreenState, width: Int, height: Int) -> [ScreenRow] {
        let room = max(1, height - 1)
        let start = min(ui.reportScroll, max(0, lines.count - room))
        let indent = String(repeating: " ", count: max(0, (width - 44) / 2))
        return [ScreenRow(ScreenText.reportHelp.text(ui.language), .bold)]
            + lines[start..<min(lines.count, start + room)].map { ScreenRow(indent + "│" + Columns.left($0, 42) + "│") }
    }
}
