import TillCore

/// The column at the right of the screen: the customer display as the customer sees it (when
/// no real one is configured), then the on-screen keypad. Drawing and hit testing use the one
/// geometry below, so a press lands on the key drawn under it.
enum SideColumn {
    static let keyWidth = KeypadLayout.labelWidth + 2
    static let keyHeight = 3
    /// The panel: a border around the display's 20 columns, then a blank row.
    static let panelWidth = CustomerDisplayContent.columns + 2
    static let panelHeight = CustomerDisplayContent.rows + 3
    /// Rows above the body (status bar, title): where the column starts.
    static let top = 2

    static func width(_ ui: ScreenState) -> Int {
        max(ui.customerPanel == nil ? 0 : panelWidth, (ui.keypad?.columns ?? 0) * keyWidth)
    }

    /// Shown beside a sale of at least 80 columns; the keypad key shows it on a narrower screen
    /// (and hides it on a wide one).
    static func isShown(_ ui: ScreenState, cols: Int) -> Bool {
        let w = width(ui)
        guard w > 0, cols > w + 20 else { return false }
        return (cols - w - 1 >= 80) != ui.keypadToggled
    }

    static func page(_ ui: ScreenState) -> KeypadLayout.Page? { ui.keypad?.page(ui.keypadPage) }

    /// The first row of keys, counted from the top of the screen.
    static func keysTop(_ ui: ScreenState) -> Int { top + (ui.customerPanel == nil ? 0 : panelHeight) + 1 }

    /// The keypad action under a screen cell, nil when none (or the keypad is not shown).
    static func action(at column: Int, _ row: Int, state: RegisterState, ui: ScreenState) -> KeypadAction? {
        let cols = ui.screenCols
        guard isShown(ui, cols: cols), let page = page(ui) else { return nil }
        let x = column - (cols - width(ui)), y = row - keysTop(ui)
        guard x >= 0, y >= 0 else { return nil }
        let r = y / keyHeight, c = x / keyWidth
        let bottom = top + ScreenLayout.bodyHeight(state, ui, rows: ui.screenRows, cols: cols)
        guard page.rows.indices.contains(r), page.rows[r].indices.contains(c),
              keysTop(ui) + (r + 1) * keyHeight <= bottom else { return nil }
        return page.rows[r][c].action
    }

    static func rows(_ state: RegisterState, _ ui: ScreenState, now: Timestamp, height: Int) -> [ScreenRow] {
        let lang = ui.language
        let w = width(ui)
        var rows: [ScreenRow] = []
        if let customer = ui.customerPanel {
            let content = CustomerDisplayContent(state, language: customer, chineseFont: true)
            let title = "─" + ScreenText.customerSees.text(lang) + " "
            rows.append(ScreenRow("┌" + title + String(repeating: "─", count: max(0, panelWidth - 2 - DisplayWidth.of(title))) + "┐", .dim))
            rows += content.lines.map { ScreenRow([ScreenSegment("│", .dim), ScreenSegment($0, .bold), ScreenSegment("│", .dim)]) }
            rows.append(ScreenRow("└" + String(repeating: "─", count: panelWidth - 2) + "┘", .dim))
            rows.append(.blank)
        }
        if let layout = ui.keypad, let page = page(ui) {
            let title = ScreenText.keypadTitle.text(lang) + (page.id == layout.pages.first?.id ? "" : " · " + page.id)
            rows.append(ScreenRow(title, .bold))
            for keys in page.rows where rows.count + keyHeight <= height {
                var lines = [[ScreenSegment]](repeating: [], count: keyHeight)
                for key in keys {
                    let enabled = KeypadAvailability.isEnabled(key.action, ui: ui, state: state, now: now)
                    var attr: ScreenAttr = enabled ? [] : .dim
                    if ui.flash == key.action { attr.insert(.reverse) }
                    let (h, v) = enabled ? ("─", "│") : ("┄", "┆")
                    let label = DisplayWidth.truncate(key.label.text(lang), to: keyWidth - 2)
                    let pad = keyWidth - 2 - DisplayWidth.of(label)
                    lines[0].append(ScreenSegment("┌" + String(repeating: h, count: keyWidth - 2) + "┐", attr))
                    lines[1].append(ScreenSegment(v + String(repeating: " ", count: pad / 2) + label
                                                  + String(repeating: " ", count: pad - pad / 2) + v, attr.union(enabled ? .bold : [])))
                    lines[2].append(ScreenSegment("└" + String(repeating: h, count: keyWidth - 2) + "┘", attr))
                }
                rows += lines.map { ScreenRow($0) }
            }
        }
        return Array(rows.prefix(height)).map { $0.fitted(w) }
    }
}
