import TillCore

/// Why a printer link failed, in words a clerk or technician can act on, English and Chinese.
/// `cause` (English, short) is what a failed print outcome records in the journal.
public struct PrinterDeviceError: Problem, CustomStringConvertible, Sendable {
    public enum Kind: Sendable, Equatable {
        case badAddress
        case notFound
        case permissionDenied
        case busy
        /// The link dropped: cable pulled, printer switched off, network gone. `sent` bytes of
        /// the current write got through first.
        case disconnected(sent: Int)
        case timeout
        case io
        case unsupported
    }

    public var kind: Kind
    public var message: LocalizedText
    public var remedy: LocalizedText

    public init(_ kind: Kind, en: String, zh: String, remedyEn: String, remedyZh: String) {
        self.kind = kind
        message = LocalizedText(en: en, zh: zh)
        remedy = LocalizedText(en: remedyEn, zh: remedyZh)
    }

    /// The stable code: the kind of failure (`printer_permission_denied`).
    public var code: String { "printer_" + ProblemCode.caseName(of: kind) }

    public var description: String { message.en + " — " + remedy.en }

    /// Message and remedy in one line, for a print outcome's cause.
    public var cause: String { description }

    /// The udev set-up that gives an ordinary user access to printers (Devices/udev/).
    public static let udevRemedyEn = "Install the till's udev rules and group as root: `sudo Scripts/install-udev` (or `till devices udev-rules`), then log out and in again."
    public static let udevRemedyZh = "请以 root 安装收银机的 udev 规则和用户组：`sudo Scripts/install-udev`（或 `till devices udev-rules`），然后重新登录。"

    static func permission(_ what: String) -> PrinterDeviceError {
        PrinterDeviceError(.permissionDenied, en: "Permission denied opening \(what)", zh: "打开 \(what) 时权限不足",
                    remedyEn: udevRemedyEn, remedyZh: udevRemedyZh)
    }

    static func disconnected(_ what: String, sent: Int, total: Int) -> PrinterDeviceError {
        let part = total > 0 ? " after \(sent) of \(total) bytes" : ""
        let partZh = total > 0 ? "（已发送 \(sent)/\(total) 字节）" : ""
        return PrinterDeviceError(.disconnected(sent: sent), en: "printer offline: \(what) disconnected\(part)",
                           zh: "打印机离线：\(what) 已断开\(partZh)",
                           remedyEn: "check the cable or network and that the printer is switched on",
                           remedyZh: "请检查线缆或网络，并确认打印机已开机")
    }

    static func io(_ what: String, _ detail: String) -> PrinterDeviceError {
        PrinterDeviceError(.io, en: "\(what): \(detail)", zh: "\(what)：\(detail)",
                    remedyEn: "check the cable and the printer; switch it off and on",
                    remedyZh: "请检查线缆和打印机，必要时重启打印机")
    }
}
