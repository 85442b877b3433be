import TillCore

extension ScreenText {
    static let creditNoteNumber = t("Credit note number (scan or type): ", "储值凭证号（扫描或输入）：")
}
