import TillCore
import TillRuntime

/// What the status bar needs besides the core's state: read from devices and the clock.
public struct StatusInfo: Hashable, Sendable {
    /// nil when the printer cannot say how it is.
    public var printer: PrinterState?
    public var scanner: LocalizedText
    /// A real customer display: whether it takes what is sent; nil when there is none.
    public var displayOnline: Bool?
    public var now: Timestamp

    public init(printer: PrinterState?, scanner: LocalizedText? = nil, displayOnline: Bool? = nil, now: Timestamp) {
        self.printer = printer
        self.scanner = scanner ?? ScreenText.scannerKeyboard
        self.displayOnline = displayOnline
        self.now = now
    }
}

/// The whole screen as rows of text: status bar, title, the activity's body, the line being
/// typed, the message, the not-printed banner and the key legend. Pure: the same state and size
/// always give the same rows, which is what the unit tests check.
public enum ScreenLayout {
    public static func render(_ state: RegisterState, _ ui: ScreenState, _ status: StatusInfo,
                              rows: Int, cols: Int) -> [ScreenRow] {
        guard rows > 0, cols > 0 else { return [] }
        let lang = ui.language
        let top = [StatusBar.row(state, ui, status, cols), titleRow(state, ui, cols)]
        let footer = footerRows(state, ui, cols)
        let bodyHeight = max(0, rows - top.count - footer.count)
        // The customer display panel and the keypad take the right of the body when shown.
        let side = SideColumn.isShown(ui, cols: cols) ? SideColumn.width(ui) : 0
        let bodyWidth = side > 0 ? cols - side - 1 : cols
        var body: [ScreenRow] = []
        if rows < 24 || cols < 80 { body.append(ScreenRow(ScreenText.tooSmall.text(lang), .bold)) }
        body += Body.rows(state, ui, width: bodyWidth, height: bodyHeight - body.count)
        body = Array(body.prefix(bodyHeight))
        while body.count < bodyHeight { body.append(.blank) }
        if side > 0 {
            let column = SideColumn.rows(state, ui, now: status.now, height: bodyHeight)
            body = body.enumerated().map { i, row in
                ScreenRow(row.fitted(bodyWidth).segments + [ScreenSegment(" ")]
                          + (i < column.count ? column[i] : ScreenRow.blank.fitted(side)).segments)
            }
        }
        return Array((top + body + footer).prefix(rows)).map { $0.fitted(cols) }
    }

    /// Rows between the title and the footer: where the body (and the side column) go.
    static func bodyHeight(_ state: RegisterState, _ ui: ScreenState, rows: Int, cols: Int) -> Int {
        max(0, rows - 2 - footerRows(state, ui, cols).count)
    }

    static func footerRows(_ state: RegisterState, _ ui: ScreenState, _ cols: Int) -> [ScreenRow] {
        DrillStoryRows.rows(ui, cols) + [inputRow(state, ui, cols)] + messageRows(ui, cols) + bannerRows(state, ui, cols) + legendRows(ui, cols)
    }

    static func titleRow(_ state: RegisterState, _ ui: ScreenState, _ cols: Int) -> ScreenRow {
        let lang = ui.language
        let title: LocalizedText
        switch state.activity {
        case _ where state.user == nil: title = ScreenText.signInTitle
        case .idle: title = ScreenText.ready
        case .selling(let draft): title = draft.tenders.isEmpty ? ScreenText.sale : ScreenText.payment
        case .findingSale(let purpose): title = purpose == .refund ? ScreenText.refund : ScreenText.postVoid
        case .refunding: title = ScreenText.refund
        case .blindReturn: title = ScreenText.blindReturn
        case .voiding: title = ScreenText.postVoid
        }
        return ScreenRow([ScreenSegment(" " + title.text(lang) + " ", .bold)])
    }

    static func inputRow(_ state: RegisterState, _ ui: ScreenState, _ cols: Int) -> ScreenRow {
        let lang = ui.language
        var prompt = ScreenText.inputPrompt.text(lang)
        var shown = ui.input
        func masked() { shown = String(repeating: "*", count: ui.input.count) }
        if state.user == nil {
            switch ui.login {
            case .code: prompt = ScreenText.userCode.text(lang)
            case .pin: prompt = ScreenText.pin.text(lang); masked()
            }
        } else if state.pendingApproval != nil {
            switch ui.approver {
            case .code: prompt = ScreenText.supervisorCode.text(lang)
            case .pin: prompt = ScreenText.supervisorPIN.text(lang); masked()
            }
        } else if ui.cardTender != nil {
            prompt = (ui.cardTender?.kind == .storeCredit ? ScreenText.creditNoteNumber : ScreenText.cardReference).text(lang)
        } else if let q = ui.pendingQuantity {
            prompt += "\(q) × "
        }
        return ScreenRow([ScreenSegment(prompt, .bold), ScreenSegment(shown), ScreenSegment(" ", .reverse)])
    }

    /// The core's refusal (message, then remedy) or a note; at most three rows.
    static func messageRows(_ ui: ScreenState, _ cols: Int) -> [ScreenRow] {
        guard let message = ui.message else { return [.blank] }
        let (text, remedy, alert) = message.lines(ui.language)
        var rows = Columns.wrap((alert ? "! " : "") + text, cols).map { ScreenRow($0, alert ? .alert : .bold) }
        if let remedy { rows += Columns.wrap("→ " + remedy, cols).map { ScreenRow($0, .bold) } }
        return Array(rows.prefix(3))
    }

    /// Slips that did not print stay on screen until they are reprinted.
    static func bannerRows(_ state: RegisterState, _ ui: ScreenState, _ cols: Int) -> [ScreenRow] {
        let references = state.unprintedSlips.keys.sorted()
        guard !references.isEmpty else { return [] }
        let key = ui.keymap.keyName(.reprint)
        var rows: [ScreenRow] = []
        for reference in references {
            let text = ScreenText.notPrinted(reference, cause: state.unprintedSlips[reference] ?? .notPrintedYet, reprintKey: key)
            rows += Columns.wrap(text.text(ui.language), cols).map { ScreenRow($0, .alert) }
        }
        if rows.count > 3 {
            rows = Array(rows.prefix(2)) + [ScreenRow("+\(references.count - 1) \(ScreenText.more.text(ui.language))", .alert)]
        }
        return rows
    }

    /// Every bound key with its label, flowed into as many rows as the width needs.
    static func legendRows(_ ui: ScreenState, _ cols: Int) -> [ScreenRow] {
        var rows: [ScreenRow] = []
        var current: [ScreenSegment] = []
        var used = 0
        for (key, label) in ui.keymap.legend(ui.language) {
            let width = DisplayWidth.of(key) + 1 + DisplayWidth.of(label) + 2
            if used + width > cols, !current.isEmpty {
                rows.append(ScreenRow(current))
                current = []
                used = 0
            }
            current += [ScreenSegment(key, .reverse), ScreenSegment(" " + label + "  ")]
            used += width
        }
        if !current.isEmpty { rows.append(ScreenRow(current)) }
        return rows
    }
}
