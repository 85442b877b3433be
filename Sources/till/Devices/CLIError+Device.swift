import TillDevices

extension CLIError {
    init(_ error: AddressError) {
        self.init(code: "printer_address_unreadable", en: error.description, zh: "打印机地址 “\(error.url)” 无法识别：\(error.why)。",
                  remedyEn: "Write printer.url / --printer as one of: \(AddressError.forms)",
                  remedyZh: "请将 printer.url / --printer 写成以下形式之一：\(AddressError.forms)")
    }
}
