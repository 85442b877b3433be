/// Why a credit note cannot be used or issued as asked. The core refuses with it
/// (`Refusal.creditNote`) and the journal's append guards with the same words.
public enum CreditNoteProblem: Problem, Hashable, Sendable, Codable {
    /// Store credit was tendered without a credit note number.
    case numberRequired
    /// Shaped like a credit note number, but its check digit is wrong.
    case misread(text: String)
    /// Not a credit note number at all.
    case notANumber(text: String)
    /// A valid number no refund ever issued.
    case unknown(number: String)
    /// Nothing is left on the note.
    case exhausted(number: String)
    /// More asked than the note has left.
    case overdrawn(number: String, asked: Money, balance: Money)
    /// A refund to store credit may only go on a new note, or back on the note that paid the sale.
    case notOnSale(number: String)

    public var message: LocalizedText {
        switch self {
        case .numberRequired:
            return LocalizedText(en: "Store credit needs the credit note's number.", zh: "使用储值需要储值凭证号。")
        case .misread(let text):
            return LocalizedText(en: "Credit note number \(text) did not read correctly (its check digit is wrong).",
                                 zh: "储值凭证号 \(text) 读取有误（校验位错误）。")
        case .notANumber(let text):
            return LocalizedText(en: "\(text) is not a credit note number (they look like C01-000042-7).",
                                 zh: "\(text) 不是储值凭证号（格式如 C01-000042-7）。")
        case .unknown(let number):
            return LocalizedText(en: "No credit note \(number) was ever issued.", zh: "从未发出过储值凭证 \(number)。")
        case .exhausted(let number):
            return LocalizedText(en: "Credit note \(number) is used up: nothing is left on it.",
                                 zh: "储值凭证 \(number) 已用完，余额为零。")
        case .overdrawn(let number, let asked, let balance):
            return LocalizedText(en: "Credit note \(number) has \(balance.formatted) left, less than the \(asked.formatted) asked.",
                                 zh: "储值凭证 \(number) 余额 \(balance.formatted)，不足所需的 \(asked.formatted)。")
        case .notOnSale(let number):
            return LocalizedText(en: "Credit note \(number) did not pay this sale.", zh: "储值凭证 \(number) 未用于支付此笔销售。")
        }
    }

    public var remedy: LocalizedText {
        switch self {
        case .numberRequired:
            return LocalizedText(en: "Scan the barcode on the credit note, or type its number after the store-credit key.",
                                 zh: "请扫描储值凭证上的条码，或在储值键后输入凭证号。")
        case .misread:
            return LocalizedText(en: "Scan it again, or type the number printed under the barcode.",
                                 zh: "请重新扫描，或输入条码下方印的凭证号。")
        case .notANumber, .unknown:
            return LocalizedText(en: "Check the number on the credit note slip and type it again.",
                                 zh: "请核对储值凭证上的号码并重新输入。")
        case .exhausted:
            return LocalizedText(en: "Take the payment with another tender.", zh: "请使用其他支付方式收款。")
        case .overdrawn(_, _, let balance):
            return LocalizedText(en: "Use \(balance.plain) from the note (press the key with no amount) and take the rest with another tender.",
                                 zh: "请先从凭证使用 \(balance.plain)（不输入金额直接按键），其余用其他支付方式。")
        case .notOnSale:
            return LocalizedText(en: "Refund to store credit without a number: the till issues a new credit note (or uses the note that paid).",
                                 zh: "退到储值时不要输入凭证号：系统会发出新的储值凭证（或退回原支付凭证）。")
        }
    }

    /// A stable identifier for `till exec` output and tests.
    public var code: String {
        switch self {
        case .numberRequired: return "credit_note_required"
        case .misread: return "credit_note_misread"
        case .notANumber: return "credit_note_not_a_number"
        case .unknown: return "credit_note_unknown"
        case .exhausted: return "credit_note_exhausted"
        case .overdrawn: return "credit_note_overdrawn"
        case .notOnSale: return "credit_note_not_on_sale"
        }
    }
}
