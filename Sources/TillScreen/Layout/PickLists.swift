import TillCore

/// What the core asks or offers to pick from, drawn over the activity: the question asked
/// first, the items found by a search, the parked sales.
enum PickLists {
    /// The question the core asks before cancelling or quitting, nil when none.
    static func question(_ state: RegisterState, _ ui: ScreenState, width: Int) -> [ScreenRow]? {
        guard let question = state.confirmation else { return nil }
        let lang = ui.language
        let text: LocalizedText
        switch question {
        case .cancelActivity: text = ScreenText.confirmCancelSale
        case .quit:
            if case .selling = state.activity { text = ScreenText.confirmQuit } else { text = ScreenText.confirmQuitOther }
        }
        return Columns.wrap(text.text(lang), width - 2).map { ScreenRow(" " + $0 + " ", .alert) }
            + [ScreenRow(" " + ScreenText.confirmHow.text(lang) + " ", .bold), .blank]
    }

    /// A pick list (search results or parked sales), nil when none is up.
    static func list(_ state: RegisterState, _ ui: ScreenState, width: Int, height: Int) -> [ScreenRow]? {
        let lang = ui.language
        var title: String, help: String, entries: [(name: String, values: [String])]
        if ui.recallOpen, !state.parked.isEmpty {
            title = ScreenText.parkedTitle.text(lang)
            help = ""
            entries = state.parked.map { sale in
                let time = sale.parkedAt.localText(utcOffsetSeconds: state.config.utcOffsetSeconds)
                return ("\(sale.reference)  \(time)  \(sale.clerk)", ["\(sale.lineCount)", sale.total.plain])
            }
        } else if let search = state.search {
            title = ScreenText.searchTitle(search.query, search.results.count).text(lang)
            help = ScreenText.searchHelp.text(lang)
            entries = search.results.map { item in
                ("\(item.sku)  \(item.name)", [item.weighed ? "/kg" : "", item.price.plain])
            }
        } else {
            return nil
        }
        let table = Table(fixed: [6, 11], width: width)
        var rows = [ScreenRow(title, .bold)]
        if !help.isEmpty { rows += Columns.wrap(help, width).map { ScreenRow($0, .dim) } }
        let room = max(1, height - rows.count)
        let choice = min(ui.listChoice, max(0, entries.count - 1))
        for i in Table.window(count: entries.count, room: room, focus: choice) {
            rows.append(ScreenRow(table.row("\(i + 1)", entries[i].name, entries[i].values), i == choice ? .reverse : []))
        }
        return rows
    }
}
