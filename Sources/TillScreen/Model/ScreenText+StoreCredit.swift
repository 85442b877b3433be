import TillCore

extension ScreenText {
    static let creditNoteNumber = t("Credit note number (scan or type): ", "储值凭证号（扫描或输入）：")

    static func creditNoteRedeemed(_ number: String, amount: Money, left: Money) -> LocalizedText {
        t("Credit note \(number): \(amount.formatted) paid, \(left.formatted) left on it.",
          "储值凭证 \(number)：已付 \(amount.formatted)，余额 \(left.formatted)。")
    }
}

extension ScreenText {
    static func countTheDrawer(_ expected: Money) -> LocalizedText {
        t("Z report: count the drawer (expected \(expected.formatted)): type the total, or the pieces (100x3 50x1 0.5x4, or one note per line), and press Enter. Esc keeps the shift open.",
          "Z 报表：请清点钱箱（应有 \(expected.formatted)）：输入总额或各面额张数（100x3 50x1 0.5x4，或每行一种面额）后按回车。按 Esc 保持班次。")
    }

    static func cashCountTaken(expected: Money, counted: Money, overShort: Money) -> LocalizedText {
        let en = overShort.isNegative ? "short" : "over", zh = overShort.isNegative ? "短款" : "长款"
        return t("Expected \(expected.formatted), counted \(counted.formatted): \(en) \(overShort.magnitude.formatted). Enter closes the shift.",
                 "应有 \(expected.formatted)，实点 \(counted.formatted)：\(zh) \(overShort.magnitude.formatted)。按回车结班。")
    }
}
