import TillVirtualPrinter

extension CLIError {
    /// A control socket path that cannot be used (it names something that is not a stale socket).
    init(_ e: SocketPathError) {
        self.init(en: e.message.en + ".", zh: e.message.zh + "。", remedyEn: e.remedy.en + ".", remedyZh: e.remedy.zh + "。")
    }
}
