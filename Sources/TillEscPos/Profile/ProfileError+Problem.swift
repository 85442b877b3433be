import TillCore

/// A printer profile that cannot be loaded or is not known.
extension ProfileError: Problem {
    public var code: String {
        switch self {
        case .unreadable: "printer_profile_unreadable"
        case .invalid: "printer_profile_invalid"
        case .idMismatch: "printer_profile_id_mismatch"
        case .unknown: "printer_profile_unknown"
        }
    }

    public var message: LocalizedText {
        switch self {
        case .unreadable(let path, let reason):
            return LocalizedText(en: "The printer profile \(path) cannot be read: \(reason).", zh: "无法读取打印机配置 \(path)：\(reason)。")
        case .invalid(let path, let problems):
            let list = problems.joined(separator: "; ")
            return LocalizedText(en: "The printer profile \(path) is invalid: \(list).", zh: "打印机配置 \(path) 无效：\(list)。")
        case .idMismatch(let path, let id):
            return LocalizedText(en: "The printer profile \(path) has the id \"\(id)\", not its file name.",
                                 zh: "打印机配置 \(path) 的 id 为 “\(id)”，与文件名不符。")
        case .unknown(let id, let known):
            let list = known.joined(separator: ", ")
            return LocalizedText(en: "There is no printer profile \"\(id)\" (known: \(list)).", zh: "没有名为 “\(id)” 的打印机配置（已有：\(list)）。")
        }
    }

    public var remedy: LocalizedText {
        switch self {
        case .unreadable:
            return LocalizedText(en: "Check the path (--devices, Devices/printers) and that the till's user may read it.",
                                 zh: "请检查路径（--devices、Devices/printers），并确认收银用户可以读取。")
        case .invalid:
            return LocalizedText(en: "Correct the profile as Devices/printers/README.md describes, or restore it from the release.",
                                 zh: "请按 Devices/printers/README.md 改正该配置，或从发布版本恢复。")
        case .idMismatch:
            return LocalizedText(en: "Make the profile's \"id\" equal its file name (without .json).", zh: "请使配置的 \"id\" 与文件名（不含 .json）相同。")
        case .unknown:
            return LocalizedText(en: "Use one of the known profiles (`till printer profiles`) for printer.profile / --profile.",
                                 zh: "请在 printer.profile / --profile 中使用已有配置之一（`till printer profiles`）。")
        }
    }
}
