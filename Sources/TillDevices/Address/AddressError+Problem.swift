import TillCore

/// A printer URL that cannot be read (printer.url, --printer).
extension AddressError: Problem {
    public var code: String { "printer_address_unreadable" }
    public var message: LocalizedText {
        LocalizedText(en: "The printer URL \"\(url)\" cannot be read: \(why).", zh: "打印机地址 “\(url)” 无法识别：\(why)。")
    }
    public var remedy: LocalizedText {
        LocalizedText(en: "Write printer.url / --printer as one of: \(Self.forms)",
                      zh: "请将 printer.url / --printer 写成以下形式之一：\(Self.forms)")
    }
}
