/// What the customer display (a 2×20 pole display, 客显) shows: a pure function of the core's
/// state, so the pole can never disagree with the sale on the clerk's screen.
///
/// Always two lines of exactly `CustomerDisplayContent.columns` display columns (a Chinese
/// character takes two, as on a display with a GB2312/GB18030 font).
public struct CustomerDisplayContent: Hashable, Sendable {
    public static let columns = 20
    public static let rows = 2

    public var lines: [String]

    /// The two lines for `state`, in `language`. Without a Chinese font (`chineseFont` false)
    /// the English texts are used and item names lose their Chinese part (the catalog's
    /// English name), falling back to the SKU.
    public init(_ state: RegisterState, language: Language, chineseFont: Bool) {
        let lang: Language = chineseFont ? language : .en
        func name(_ full: String, sku: String) -> String {
            chineseFont ? full : (CustomerDisplayContent.withoutWideCharacters(full) ?? sku)
        }
        let texts = CustomerDisplayTexts.self
        let currency = state.config.currency
        var top: String
        var bottom: String
        switch state.activity {
        case .selling(let draft) where !draft.tenders.isEmpty:
            top = Self.spread(texts.paid.text(lang), draft.paid.plain)
            bottom = Self.spread(texts.due.text(lang), draft.due.plain)
        case .selling(let draft):
            if let line = draft.lines.last(where: { !$0.voided }) {
                let quantity = line.quantity == .each(1) ? "" : "\(line.quantity)x"
                top = Self.spread(quantity + name(line.name, sku: line.sku), line.amount.plain)
            } else {
                top = ""
            }
            bottom = Self.spread(texts.total.text(lang), draft.totals.gross.plain)
        case .findingSale(let purpose):
            top = (purpose == .refund ? texts.refund : texts.void).text(lang)
            bottom = Self.centred(texts.oneMoment.text(lang))
        case .refunding(let draft):
            top = texts.refund.text(lang)
            bottom = Self.spread(texts.refundAmount.text(lang), draft.chosenTotal(currency).plain)
        case .blindReturn(let draft):
            top = texts.refund.text(lang)
            bottom = Self.spread(texts.refundAmount.text(lang), state.blindReturnQuote(draft).paid.plain)
        case .voiding(let draft):
            top = texts.void.text(lang)
            bottom = Self.spread(texts.total.text(lang), draft.source.sale.total.plain)
        case .idle:
            switch state.lastCompleted {
            case let done? where state.user != nil:
                switch done.kind {
                case .sale:
                    top = Self.spread(texts.change.text(lang), done.change.plain)
                case .refund:
                    top = Self.spread(texts.refunded.text(lang), done.total.plain)
                default:
                    top = Self.spread(texts.void.text(lang), done.total.plain)
                }
                bottom = Self.centred(texts.thankYou.text(lang))
            default:
                top = Self.centred(texts.welcome.text(lang))
                bottom = Self.centred(chineseFont ? state.config.shop.name
                                                  : (Self.withoutWideCharacters(state.config.shop.name) ?? ""))
            }
        }
        lines = [Self.fitted(top), Self.fitted(bottom)]
    }

    public init(lines: [String]) {
        self.lines = (0..<Self.rows).map { Self.fitted(lines.indices.contains($0) ? lines[$0] : "") }
    }

    /// `label` left and `amount` right on one line; the label is cut, never the amount. An
    /// amount too wide for the line is shown as #### rather than as a different number.
    static func spread(_ label: String, _ amount: String) -> String {
        guard DisplayWidth.of(amount) < columns else { return String(repeating: "#", count: columns) }
        let room = max(0, columns - DisplayWidth.of(amount) - 1)
        return DisplayWidth.pad(DisplayWidth.truncate(label, to: room), to: room) + " " + amount
    }

    static func centred(_ text: String) -> String {
        let cut = DisplayWidth.truncate(text, to: columns)
        return String(repeating: " ", count: (columns - DisplayWidth.of(cut)) / 2) + cut
    }

    /// Exactly `columns` wide: control characters (which a display would obey) become spaces.
    static func fitted(_ text: String) -> String {
        let printable = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? " " : $0 }))
        return DisplayWidth.pad(DisplayWidth.truncate(printable, to: columns), to: columns)
    }

    /// The name without its Chinese (wide) characters, spaces tidied: "Jasmine tea 茉莉花茶 250g"
    /// -> "Jasmine tea 250g". nil when nothing is left ("电饭煲").
    public static func withoutWideCharacters(_ text: String) -> String? {
        let kept = text.unicodeScalars.filter { DisplayWidth.of($0) < 2 }
        let words = String(String.UnicodeScalarView(kept)).split(whereSeparator: { $0 == " " })
        return words.isEmpty ? nil : words.joined(separator: " ")
    }
}

/// The customer display's words in both languages, kept short for 20 columns.
enum CustomerDisplayTexts {
    static let welcome = LocalizedText(en: "WELCOME", zh: "欢迎光临")
    static let total = LocalizedText(en: "TOTAL", zh: "合计")
    static let paid = LocalizedText(en: "PAID", zh: "已付")
    static let due = LocalizedText(en: "DUE", zh: "应付")
    static let change = LocalizedText(en: "CHANGE", zh: "找零")
    static let thankYou = LocalizedText(en: "THANK YOU", zh: "谢谢惠顾")
    static let refund = LocalizedText(en: "REFUND", zh: "退款")
    static let refundAmount = LocalizedText(en: "REFUND", zh: "退款金额")
    static let refunded = LocalizedText(en: "REFUNDED", zh: "已退款")
    static let void = LocalizedText(en: "VOID", zh: "作废")
    static let oneMoment = LocalizedText(en: "ONE MOMENT PLEASE", zh: "请稍候")
}
