import TillCore

/// A fault line the virtual printer cannot read (`till printer fault`, the control socket).
extension FaultParseError: Problem {
    public var code: String { "fault_unreadable" }
    public var message: LocalizedText {
        LocalizedText(en: "Cannot read the fault '\(line)': \(why).", zh: "无法识别故障 “\(line)”：\(why)。")
    }
    public var remedy: LocalizedText {
        LocalizedText(en: "Write one of: \(Fault.usage)", zh: "请写成以下之一：\(Fault.usage)")
    }
}
