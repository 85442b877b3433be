import TillCore

/// A refund with receipt: the original sale with what can still be returned, then reason,
/// tender and the amount to confirm.
enum RefundView {
    static func rows(_ draft: RefundDraft, _ state: RegisterState, _ ui: ScreenState, width: Int, height: Int) -> [ScreenRow] {
        let lang = ui.language
        let sale = draft.source.sale
        var rows = [ScreenRow(ScreenText.refundOf(sale.receipt, soldOn: sale.at.localText(utcOffsetSeconds: state.config.utcOffsetSeconds),
                                                  paidBy: sale.tenders.map { $0.kind.label.text(lang) }.joined(separator: "+")).text(lang), .bold)]
        let chosen = draft.source.lines.compactMap { line -> (ReturnableLine, Quantity, Money)? in
            guard let q = draft.quantities[line.line.lineNo] else { return nil }
            return (line, q, line.refundValue(for: q).amount)
        }
        let total = draft.chosenTotal(state.config.currency)
        switch ui.step {
        case .items:
            let table = Table(fixed: [6, 10, 7, 10], width: width)
            rows.append(ScreenRow(table.row("#", ScreenText.colItem.text(lang),
                                            [ScreenText.colSold.text(lang), ScreenText.colLeft.text(lang),
                                             ScreenText.colRefund.text(lang), ScreenText.colAmount.text(lang)]), .underline))
            let room = max(1, height - rows.count - 3)
            for i in Table.window(count: draft.source.lines.count, room: room, focus: ui.selection) {
                let line = draft.source.lines[i]
                let q = draft.quantities[line.line.lineNo]
                let amount = q.map { line.refundValue(for: $0).amount.plain } ?? ""
                rows.append(ScreenRow(table.row("\(line.line.lineNo)", line.line.name,
                                                [line.line.quantity.description, line.remainingQuantity.description,
                                                 q?.description ?? "", amount]),
                                      ui.selection == i ? .reverse : (line.remainingQuantity.isPositive ? [] : .dim)))
            }
            rows.append(ScreenRow(Columns.right(ScreenText.refundTotal.text(lang) + "  " + total.formatted, width), .bold))
            rows += Columns.wrap(ScreenText.linesHelp.text(lang), width).map { ScreenRow($0) }
        case .reason, .tender, .customer, .confirm:
            for (line, q, amount) in chosen.prefix(3) {
                rows.append(ScreenRow(Columns.spread("  \(q) × \(line.line.name)", amount.plain, width)))
            }
            rows.append(ScreenRow(Columns.right(ScreenText.refundTotal.text(lang) + "  " + total.formatted, width), .bold))
            if let reason = draft.reason { rows.append(ScreenRow("  " + reason.label.text(lang))) }
            rows += RefundSplitRows.rows(state, lang, width: width)
            rows += FlowPanels.stepRows(state, ui, amount: RefundSplitRows.amount(state, otherwise: total),
                                        tender: FlowLists.tenderLabel(draft.tender, state),
                                        confirm: ScreenText.confirmRefund, width: width)
        }
        return rows
    }
}

/// A return without receipt: the items brought back at the policy's price, then the same steps.
enum BlindReturnView {
    static func rows(_ draft: BlindReturnDraft, _ state: RegisterState, _ ui: ScreenState, width: Int, height: Int) -> [ScreenRow] {
        let lang = ui.language
        let table = Table(fixed: [8, 10, 11], width: width)
        var rows = [ScreenRow(table.row("#", ScreenText.colItem.text(lang),
                                        [ScreenText.colQty.text(lang), ScreenText.colPrice.text(lang), ScreenText.colAmount.text(lang)]),
                              .underline)]
        // The core's quote: what the refund will record and pay out, cash rounding included.
        let quote = state.blindReturnQuote(draft)
        let amounts = quote.lines.map(\.amount)
        let total = quote.amount
        let listRows = ui.step == .items ? 2 : 8
        for i in Table.window(count: draft.lines.count, room: max(1, height - 2 - listRows), focus: nil) {
            let line = draft.lines[i]
            rows.append(ScreenRow(table.row("\(i + 1)", line.item.name, [line.quantity.description, line.unitPrice.plain, amounts[i].plain])))
        }
        rows.append(ScreenRow(Columns.right(ScreenText.refundTotal.text(lang) + "  " + total.formatted, width), .bold))
        if ui.step == .items {
            rows += Columns.wrap(ScreenText.blindHelp.text(lang), width).map { ScreenRow($0) }
        } else {
            if let reason = draft.reason { rows.append(ScreenRow("  " + reason.label.text(lang))) }
            rows += FlowPanels.stepRows(state, ui, amount: quote.paid, tender: FlowLists.tenderLabel(draft.tender, state),
                                        confirm: ScreenText.confirmRefund, width: width)
        }
        return rows
    }
}

/// A post-void: the sale to cancel, a reason, then confirm (the core asks for a supervisor).
enum PostVoidView {
    static func rows(_ draft: PostVoidDraft, _ state: RegisterState, _ ui: ScreenState, width: Int, height: Int) -> [ScreenRow] {
        let lang = ui.language
        let sale = draft.source.sale
        var rows = [ScreenRow(ScreenText.voidOf(sale.receipt, total: sale.total).text(lang), .bold)]
        let table = Table(fixed: [8, 11], width: width)
        let listRows = ui.step == .items ? 2 : 8
        for line in sale.lines.filter({ !$0.voided }).prefix(max(1, height - 1 - listRows)) {
            rows.append(ScreenRow(table.row("\(line.lineNo)", line.name, [line.quantity.description, line.tax.gross.plain])))
        }
        if let reason = draft.reason { rows.append(ScreenRow("  " + reason.label.text(lang))) }
        if ui.step == .items {
            rows.append(ScreenRow(ScreenText.voidHelp.text(lang)))
        } else {
            rows += FlowPanels.stepRows(state, ui, amount: sale.total, tender: nil, confirm: ScreenText.confirmVoid, width: width)
        }
        return rows
    }
}

/// The reason list, the tender list, and the confirmation with the amount shown large.
enum FlowPanels {
    static func stepRows(_ state: RegisterState, _ ui: ScreenState, amount: Money, tender: LocalizedText?,
                         confirm: LocalizedText, width: Int) -> [ScreenRow] {
        let lang = ui.language
        switch ui.step {
        case .items:
            return []
        case .reason:
            let reasons = FlowLists.reasons(state)
            return [ScreenRow(ScreenText.chooseReason.text(lang), .bold)] + reasons.enumerated().map { i, reason in
                ScreenRow("  \(i + 1)  \(reason.label.text(lang))  [\(reason.code)]", i == ui.listChoice ? .reverse : [])
            }
        case .tender:
            let tenders = FlowLists.tenders(state)
            return [ScreenRow(ScreenText.chooseTender.text(lang), .bold)] + tenders.enumerated().map { i, kind in
                ScreenRow("  \(i + 1)  \(FlowLists.tenderLabel(kind, state).text(lang))", i == ui.listChoice ? .reverse : [])
            }
        case .customer:
            return [ScreenRow(ScreenText.customerReference.text(lang), .bold)]
        case .confirm:
            var rows: [ScreenRow] = []
            if let tender { rows.append(ScreenRow(ScreenText.refundAmount(amount, to: tender).text(lang), .bold)) }
            rows += BigText.rows(amount.plain).map { ScreenRow("  " + $0, .bold) }
            rows.append(ScreenRow(confirm.text(lang), .reverse))
            return rows
        }
    }
}
