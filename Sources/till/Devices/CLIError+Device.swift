import TillDevices

extension CLIError {
    /// A device error as the command line shows it: cause and remedy, English or Chinese.
    init(_ error: PrinterDeviceError) {
        self.init(en: error.message.en, zh: error.message.zh, remedyEn: error.remedy.en, remedyZh: error.remedy.zh)
    }

    init(_ error: AddressError) {
        self.init(en: error.description, zh: "打印机地址 “\(error.url)” 无法识别：\(error.why)。",
                  remedyEn: "Write printer.url / --printer as one of: \(AddressError.forms)",
                  remedyZh: "请将 printer.url / --printer 写成以下形式之一：\(AddressError.forms)")
    }
}
