import TillCore

/// What the status bar shows about the printer.
public enum PrinterState: String, Hashable, Sendable {
    case ready, paperLow, paperOut, coverOpen, offline, error, unknown

    public var label: LocalizedText {
        switch self {
        case .ready: return LocalizedText(en: "printer ready", zh: "打印机就绪")
        case .paperLow: return LocalizedText(en: "paper low", zh: "纸将用完")
        case .paperOut: return LocalizedText(en: "PAPER OUT", zh: "缺纸")
        case .coverOpen: return LocalizedText(en: "COVER OPEN", zh: "机盖打开")
        case .offline: return LocalizedText(en: "PRINTER OFFLINE", zh: "打印机离线")
        case .error: return LocalizedText(en: "PRINTER ERROR", zh: "打印机故障")
        case .unknown: return LocalizedText(en: "printer ?", zh: "打印机状态未知")
        }
    }
}
