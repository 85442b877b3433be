import TillCore
import TillGraphics

// What the encoder refuses (a shop logo, barcode data on a slip, the printer's NV graphics
// state file, a profile's command set) is a Problem: a code, cause and remedy in English and
// Chinese. Codes are spelled out: these enums are CustomStringConvertible.

extension ImageLoadError: Problem {
    public var code: String {
        switch self {
        case .missing: "image_missing"
        case .unknownFormat: "image_unknown_format"
        case .tooWide: "image_too_wide"
        }
    }
    public var message: LocalizedText {
        switch self {
        case .missing(let path): return LocalizedText(en: "The image \(path) is not there.", zh: "找不到图像 \(path)。")
        case .unknownFormat(let path): return LocalizedText(en: "The image \(path) is neither PNG nor PBM/PGM.", zh: "图像 \(path) 既不是 PNG 也不是 PBM/PGM。")
        case .tooWide(let width, let dots):
            return LocalizedText(en: "The image is \(width) dots wide but the printer prints \(dots).", zh: "图像宽 \(width) 点，而打印机只能打印 \(dots) 点。")
        }
    }
    public var remedy: LocalizedText {
        switch self {
        case .missing: return LocalizedText(en: "Check the path (shop.logo, --logo).", zh: "请检查路径（shop.logo、--logo）。")
        case .unknownFormat: return LocalizedText(en: "Convert it (save it as PNG, or `pngtopnm`).", zh: "请转换格式（另存为 PNG，或用 `pngtopnm`）。")
        case .tooWide: return LocalizedText(en: "Scale the image down to the paper's width first.", zh: "请先将图像缩小到纸宽。")
        }
    }
}

extension NVStateError: Problem {
    public var code: String {
        switch self {
        case .corrupt: "nv_state_corrupt"
        case .unwritable: "nv_state_unwritable"
        }
    }
    public var message: LocalizedText {
        switch self {
        case .corrupt(let path): return LocalizedText(en: "The NV graphics state \(path) is not valid JSON.", zh: "NV 图形状态文件 \(path) 不是有效的 JSON。")
        case .unwritable(let path, let reason):
            return LocalizedText(en: "Cannot write the NV graphics state \(path): \(reason).", zh: "无法写入 NV 图形状态文件 \(path)：\(reason)。")
        }
    }
    public var remedy: LocalizedText {
        switch self {
        case .corrupt: return LocalizedText(en: "Delete it: the logo is stored in the printer again on the next receipt.",
                                            zh: "请删除该文件：下一张小票会重新把标志存入打印机。")
        case .unwritable: return LocalizedText(en: "Make its folder writable by the till's user.", zh: "请使其所在文件夹可被收银用户写入。")
        }
    }
}

extension BarcodeDataError: Problem {
    public var code: String {
        switch self {
        case .invalidData: "barcode_data_invalid"
        case .tooWide: "barcode_too_wide"
        }
    }
    public var message: LocalizedText {
        switch self {
        // `why` is the symbology's rule as BarcodePayload states it.
        case .invalidData(let s, let why): return LocalizedText(en: "The \(s.rawValue) barcode cannot print: \(why).", zh: "\(s.rawValue) 条码无法打印：\(why)。")
        case .tooWide(let s, let modules, let dots):
            return LocalizedText(en: "The \(s.rawValue) barcode of \(modules) modules does not fit \(dots) dots.",
                                 zh: "\(modules) 模块的 \(s.rawValue) 条码放不进 \(dots) 点宽。")
        }
    }
    public var remedy: LocalizedText {
        switch self {
        case .invalidData: return LocalizedText(en: "Correct the barcode data in the template or the item.", zh: "请改正模板或商品中的条码数据。")
        case .tooWide: return LocalizedText(en: "Shorten the data or print a QR code instead.", zh: "请缩短数据，或改印二维码。")
        }
    }
}

extension CommandSetError: Problem {
    public var code: String { "command_set_unknown" }
    public var message: LocalizedText {
        switch self {
        case let .unknown(id, _):
            return LocalizedText(en: "The profile's commandSet \"\(id)\" is not one this build has.", zh: "配置中的 commandSet “\(id)” 不是本版本支持的指令集。")
        }
    }
    public var remedy: LocalizedText {
        switch self {
        case let .unknown(_, known):
            let list = known.joined(separator: ", ")
            return LocalizedText(en: "Use one of \(list), or leave it out for escpos.", zh: "请使用 \(list) 之一，或省略（即 escpos）。")
        }
    }
}
