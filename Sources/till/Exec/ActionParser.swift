import Foundation
import TillCore

/// Turns one input line into a core action. A line is either a JSON object
/// (`{"action":"scan","code":"6901234567892","quantity":"2"}`) or the same in words
/// (`scan 6901234567892 2`). The vocabulary is in `ActionParser.help` and the README.
struct ActionParser {
    let currency: Currency

    struct Parsed {
        var action: RegisterAction?
        /// A clock override for this line and after ("at": epoch seconds).
        var at: Timestamp?
        /// Switch the language of messages ("lang": "zh").
        var language: Language?
    }

    /// A line `till exec` cannot read as an action.
    struct BadInput: Problem {
        var message: LocalizedText
        /// By default: write the line as `till exec --help` shows.
        var remedy: LocalizedText = BadInput.writeAsHelpShows
        var code: String { "bad_input" }

        static let writeAsHelpShows = LocalizedText(en: "Write it as `till exec --help` shows.", zh: "请按 `till exec --help` 中的格式书写。")

        /// A line over `LineSplitter`'s limit (dropped unread).
        static func lineTooLong(_ piece: LineSplitter.Piece) -> BadInput {
            let length = if case .tooLong(let bytes) = piece { bytes } else { 0 }
            let limit = LineSplitter.defaultMaximumLineBytes
            return BadInput(message: LocalizedText(en: "The line is \(length) bytes long; a line may have at most \(limit) bytes.",
                                                   zh: "该行长 \(length) 字节，每行最多 \(limit) 字节。"),
                            remedy: LocalizedText(en: "Put one action on each line; no action needs more than a few hundred bytes.",
                                                  zh: "每行只写一个操作；任何操作都不需要超过几百字节。"))
        }
    }

    static let help = """
    signin CODE PIN | signout | shift FLOAT | report x|z | count TOTAL|100x3 50x1 … (the Z report's cash count, then confirm) | drawer [REFUND] | reprint REF | cancel
    scan CODE [QTY] | qty LINE QTY | price LINE AMOUNT | discount LINE AMOUNT | void LINE
    cash [AMOUNT] | card [AMOUNT] REF | credit [AMOUNT] [REF] | noreceipt
    refund | receipt REF | line LINE QTY | reason CODE | tender original|cash|card|storeCredit [REF]
    customer TEXT | confirm | blind | postvoid | approve CODE PIN | at EPOCH | lang en|zh
    park | parked | recall REF | untender [N] | search TEXT | quit
    """

    func parse(_ line: String) throws -> Parsed {
        let trimmed = line.trimmingSpaces
        if trimmed.hasPrefix("{") {
            guard let data = trimmed.data(using: .utf8),
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
                throw BadInput(message: LocalizedText(en: "The line is not a JSON object.", zh: "该行不是 JSON 对象。"))
            }
            let fields = object.mapValues { value -> String in
                if let n = value as? NSNumber { return n.stringValue }
                return "\(value)"
            }
            return try build(fields["action"] ?? "", fields)
        }
        var words = trimmed.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard !words.isEmpty else { return Parsed() }
        let verb = words.removeFirst()
        return try build(verb, Self.namedArguments(verb, words))
    }

    /// Word arguments by position, named as the JSON form names them.
    static func namedArguments(_ verb: String, _ w: [String]) -> [String: String] {
        let names: [String]
        switch verb {
        case "signin", "approve": names = ["code", "pin"]
        case "shift": names = ["float"]
        case "report": names = ["kind"]
        case "reprint", "receipt", "drawer": names = ["reference"]
        case "scan": names = ["code", "quantity"]
        case "qty", "line": names = ["line", "quantity"]
        case "price": names = ["line", "price"]
        case "discount": names = ["line", "amount"]
        case "void": names = ["line"]
        case "cash": names = ["amount"]
        // A total, or pieces per denomination: "count 100x3 50x1 0.5x4".
        case "count": return w.isEmpty ? [:] : ["amount": w.joined(separator: " ")]
        case "card", "credit": names = w.count >= 2 ? ["amount", "reference"] : (verb == "card" ? ["reference"] : ["amount"])
        case "reason": names = ["code"]
        case "tender": names = ["kind", "reference"]
        case "customer": return ["reference": w.joined(separator: " ")]
        case "at": names = ["epoch"]
        case "recall": names = ["reference"]
        case "untender", "removeTender": names = ["number"]
        case "search": return ["text": w.joined(separator: " ")]
        case "lang": names = ["lang"]
        default: names = []
        }
        var out: [String: String] = [:]
        for (name, value) in zip(names, w) { out[name] = value }
        return out
    }

    private func build(_ verb: String, _ f: [String: String]) throws -> Parsed {
        var parsed = Parsed()
        if let at = f["at"] { parsed.at = try timestamp(at) }
        func need(_ key: String) throws -> String {
            guard let value = f[key], !value.isEmpty else {
                throw BadInput(message: LocalizedText(en: "\"\(verb)\" needs \"\(key)\".", zh: "“\(verb)” 缺少 “\(key)”。"))
            }
            return value
        }
        func amount(_ key: String) throws -> Money? {
            guard let text = f[key] else { return nil }
            switch DecimalText.check(text, scale: currency.minorDigits) {
            case .success(let minor): return Money(minor: minor, currency: currency)
            case .failure(let problem):
                throw BadInput(message: LocalizedText(en: "\"\(text)\" is not an amount: \(problem.message.en).",
                                                      zh: "“\(text)” 不是金额：\(problem.message.zh)。"))
            }
        }
        func quantity(_ key: String) throws -> Quantity? {
            guard let text = f[key] else { return nil }
            switch DecimalText.check(text, scale: 3) {
            case .success(let thousandths): return Quantity(thousandths: thousandths)
            case .failure(let problem):
                throw BadInput(message: LocalizedText(en: "\"\(text)\" is not a quantity (at most 3 decimals): \(problem.message.en).",
                                                      zh: "“\(text)” 不是数量（最多三位小数）：\(problem.message.zh)。"))
            }
        }
        func lineNumber() throws -> Int {
            let text = try need("line")
            guard let n = Int(text), n > 0 else {
                throw BadInput(message: LocalizedText(en: "\"\(text)\" is not a line number.", zh: "“\(text)” 不是行号。"))
            }
            return n
        }
        switch verb {
        case "signin", "signIn": parsed.action = .signInRequested(code: try need("code"), pin: try need("pin"))
        case "signout", "signOut": parsed.action = .signOutRequested
        case "shift", "openShift": parsed.action = .shiftOpenRequested(float: try amount("float") ?? .zero(currency))
        case "report":
            guard let kind = ReportKind(rawValue: try need("kind")) else {
                throw BadInput(message: LocalizedText(en: "report kind is x or z.", zh: "报表类型为 x 或 z。"))
            }
            parsed.action = .reportRequested(kind)
        // `drawer R01-000123`: the drawer opened to pay out that refund (free once after its slip did not print).
        case "drawer": parsed.action = f["reference"].map { .refundDrawerOpenRequested(refund: $0) } ?? .drawerOpenRequested
        case "count":
            switch CashCountText.parse(f["amount"] ?? "0", currency: currency) {
            case .success(let count): parsed.action = .cashCounted(count)
            case .failure(let problem): throw BadInput(message: problem.message)
            }
        case "reprint": parsed.action = .reprintRequested(reference: try need("reference"))
        case "cancel": parsed.action = .cancelled
        case "scan": parsed.action = .codeEntered(try need("code"), quantity: try quantity("quantity"))
        case "qty", "quantity": parsed.action = .quantityChanged(line: try lineNumber(), try quantity("quantity") ?? .one)
        case "price": parsed.action = .priceOverridden(line: try lineNumber(), try amount("price") ?? .zero(currency))
        case "discount": parsed.action = .lineDiscounted(line: try lineNumber(), try amount("amount") ?? .zero(currency))
        case "void", "voidLine": parsed.action = .lineVoided(line: try lineNumber())
        case "cash": parsed.action = .tendered(.cash, amount: try amount("amount"), reference: nil)
        case "card": parsed.action = .tendered(.card, amount: try amount("amount"), reference: f["reference"])
        case "credit": parsed.action = .tendered(.storeCredit, amount: try amount("amount"), reference: f["reference"])
        case "tender":
            // A refund's tender: "original" (the default) or a tender kind.
            let kindText = f["kind"] ?? "original"
            if kindText == "original" {
                parsed.action = .refundTenderChosen(nil, reference: f["reference"])
            } else if let kind = TenderKind(rawValue: kindText) {
                parsed.action = .refundTenderChosen(kind, reference: f["reference"])
            } else {
                throw BadInput(message: LocalizedText(en: "Tender is original, cash, card or storeCredit.",
                                                      zh: "支付方式为 original、cash、card 或 storeCredit。"))
            }
        case "refund": parsed.action = .refundStarted
        case "blind", "blindReturn": parsed.action = .blindReturnStarted
        case "postvoid", "postVoid": parsed.action = .postVoidStarted
        case "receipt": parsed.action = .receiptEntered(try need("reference"))
        case "line", "refundLine": parsed.action = .refundQuantitySet(line: try lineNumber(), try quantity("quantity") ?? .one)
        case "reason": parsed.action = .reasonChosen(code: try need("code"))
        case "customer": parsed.action = .customerReferenceEntered(try need("reference"))
        case "confirm": parsed.action = .confirmed
        case "noreceipt", "noReceipt": parsed.action = .noReceiptToggled
        case "approve": parsed.action = .approverPINEntered(code: try need("code"), pin: try need("pin"))
        case "at", "clock": parsed.at = try timestamp(try need("epoch"))
        case "park": parsed.action = .parkRequested
        case "parked": parsed.action = .parkedSalesRequested
        case "recall": parsed.action = .recallRequested(reference: try need("reference"))
        case "quit": parsed.action = .quitRequested
        case "search": parsed.action = .searchRequested(try need("text"))
        case "untender", "removeTender":
            // Nothing named: the last tender taken (the core refuses when there is none).
            var number: Int? = nil
            if let text = f["number"] {
                guard let n = Int(text), n > 0 else {
                    throw BadInput(message: LocalizedText(en: "\"\(text)\" is not a tender number.", zh: "“\(text)” 不是付款序号。"))
                }
                number = n
            }
            parsed.action = .tenderRemoved(number: number)
        case "lang":
            guard let lang = Language(rawValue: try need("lang")) else {
                throw BadInput(message: LocalizedText(en: "lang is en or zh.", zh: "语言为 en 或 zh。"))
            }
            parsed.language = lang
        case "":
            throw BadInput(message: LocalizedText(en: "The line has no \"action\".", zh: "该行缺少 “action”。"))
        default:
            throw BadInput(message: LocalizedText(en: "Unknown action \"\(verb)\".", zh: "未知操作 “\(verb)”。"))
        }
        return parsed
    }

    /// Seconds since 1970 within `ValueLimits` (2000-01-01 to 2100-01-01).
    private func timestamp(_ text: String) throws -> Timestamp {
        guard let seconds = Int64(text) else {
            throw BadInput(message: LocalizedText(en: "\"\(text)\" is not a time in seconds since 1970.", zh: "“\(text)” 不是以秒计的时间。"))
        }
        let time = Timestamp(seconds: seconds)
        guard ValueLimits.contains(time: time) else {
            let rule = RangedValue.time.rule(currency)
            throw BadInput(message: LocalizedText(en: "\(text) is out of range: \(rule.en).", zh: "\(text) 超出范围：\(rule.zh)。"))
        }
        return time
    }
}
