import TillCore

// The drawing errors a user can meet (a logo file, the bitmap font, barcode or QR data on a
// slip or template) are Problems: a code, the cause and the remedy in English and Chinese.
// Codes are spelled out: these enums are CustomStringConvertible, so `ProblemCode.caseName`
// would read a payload-free case's description.

extension PNGError: Problem {
    public var code: String {
        switch self {
        case .notPNG: "png_not_png"
        case .truncated: "png_truncated"
        case .badCRC: "png_bad_crc"
        case .missingHeader: "png_missing_header"
        case .unsupported: "png_unsupported"
        case .interlaced: "png_interlaced"
        case .tooLarge: "png_too_large"
        case .corruptImageData: "png_corrupt_image_data"
        }
    }
    public var message: LocalizedText {
        switch self {
        case .notPNG: return LocalizedText(en: "The file is not a PNG (its PNG signature is missing).", zh: "该文件不是 PNG（缺少 PNG 签名）。")
        case .truncated: return LocalizedText(en: "The PNG file is cut short.", zh: "PNG 文件不完整。")
        case .badCRC(let chunk): return LocalizedText(en: "The PNG chunk \(chunk) is damaged (CRC mismatch).", zh: "PNG 数据块 \(chunk) 已损坏（CRC 不符）。")
        case .missingHeader: return LocalizedText(en: "The PNG has no IHDR header chunk first.", zh: "PNG 开头缺少 IHDR 头数据块。")
        case .unsupported(let what): return LocalizedText(en: "This PNG is not supported: \(what).", zh: "不支持该 PNG：\(what)。")
        case .interlaced: return LocalizedText(en: "Interlaced (Adam7) PNGs are not supported.", zh: "不支持隔行扫描（Adam7）的 PNG。")
        case .tooLarge(let w, let h):
            return LocalizedText(en: "The PNG is \(w)×\(h) pixels, larger than 16384×16384.", zh: "该 PNG 为 \(w)×\(h) 像素，超过 16384×16384。")
        case .corruptImageData(let why): return LocalizedText(en: "The PNG image data is corrupt (\(why)).", zh: "PNG 图像数据已损坏（\(why)）。")
        }
    }
    public var remedy: LocalizedText {
        switch self {
        case .tooLarge: return LocalizedText(en: "Scale the image down, then try again.", zh: "请缩小图像后重试。")
        case .interlaced: return LocalizedText(en: "Save the image again without interlacing.", zh: "请以非隔行方式重新保存图像。")
        default: return LocalizedText(en: "Export the image again as a plain PNG (8-bit, not interlaced) and try again.",
                                      zh: "请将图像重新导出为普通 PNG（8 位、非隔行）后重试。")
        }
    }
}

extension BitmapFontError: Problem {
    public var code: String {
        switch self {
        case .missingFile: "bitmap_font_missing"
        case .malformedLine: "bitmap_font_malformed"
        }
    }
    public var message: LocalizedText {
        switch self {
        case .missingFile(let path): return LocalizedText(en: "The bitmap font \(path) is not there.", zh: "找不到点阵字体 \(path)。")
        case .malformedLine(let path, let line):
            return LocalizedText(en: "The bitmap font \(path), line \(line), is not a unifont .hex line (CODEPOINT:HEXBITS).",
                                 zh: "点阵字体 \(path) 第 \(line) 行不是 unifont .hex 格式（码位:十六进制点阵）。")
        }
    }
    public var remedy: LocalizedText {
        LocalizedText(en: "Install it with `apt-get install unifont` (or pass the path of another unifont .hex file).",
                      zh: "请用 `apt-get install unifont` 安装（或指定另一个 unifont .hex 文件的路径）。")
    }
}

extension PDF417Error: Problem {
    public var code: String {
        switch self {
        case .empty: "pdf417_empty"
        case .tooMuchData: "pdf417_too_much_data"
        case .doesNotFit: "pdf417_does_not_fit"
        }
    }
    public var message: LocalizedText {
        switch self {
        case .empty: return LocalizedText(en: "The PDF417 symbol has no data.", zh: "PDF417 条码没有数据。")
        case .tooMuchData(let n):
            return LocalizedText(en: "The PDF417 data needs \(n) codewords; a symbol holds at most 928.", zh: "PDF417 数据需要 \(n) 个码字，一个条码最多容纳 928 个。")
        case .doesNotFit(let n, let columns, let rows):
            return LocalizedText(en: "The PDF417 data needs \(n) codewords; \(columns) columns × \(rows) rows hold fewer.",
                                 zh: "PDF417 数据需要 \(n) 个码字，\(columns) 列 × \(rows) 行容纳不下。")
        }
    }
    public var remedy: LocalizedText {
        switch self {
        case .empty: return LocalizedText(en: "Store the data (fn 80) before printing the symbol.", zh: "请先存入数据（fn 80）再打印条码。")
        case .tooMuchData: return LocalizedText(en: "Shorten the data or lower the error correction.", zh: "请缩短数据或降低纠错等级。")
        case .doesNotFit: return LocalizedText(en: "Set more columns or rows, or 0 for automatic.", zh: "请增加列数或行数，或设为 0 自动选择。")
        }
    }
}

extension QRCodeError: Problem {
    public var code: String { "qr_data_too_long" }
    public var message: LocalizedText {
        switch self {
        case let .dataTooLong(bytes, level, maximum):
            return LocalizedText(en: "The QR data is \(bytes) bytes; a version-40 symbol at level \(level) holds at most \(maximum).",
                                 zh: "二维码数据为 \(bytes) 字节，纠错等级 \(level) 的 40 版条码最多容纳 \(maximum) 字节。")
        }
    }
    public var remedy: LocalizedText {
        LocalizedText(en: "Shorten the data or choose a lower error-correction level.", zh: "请缩短数据或选择较低的纠错等级。")
    }
}

extension BarcodeError: Problem {
    public var code: String {
        switch self {
        case .empty: "barcode_empty"
        case .wrongLength: "barcode_wrong_length"
        case .invalidCharacter: "barcode_invalid_character"
        case .checkDigitMismatch: "barcode_check_digit_mismatch"
        case .oddDigitCount: "barcode_odd_digit_count"
        case .code128MissingCodeSet: "barcode_code128_missing_code_set"
        case .code128BadEscape: "barcode_code128_bad_escape"
        case .notDrawn: "barcode_not_drawn"
        }
    }
    public var message: LocalizedText {
        switch self {
        case let .empty(s): return LocalizedText(en: "The \(s.displayName) data is empty.", zh: "\(s.displayName) 数据为空。")
        case let .wrongLength(s, got, allowed):
            let lengths = allowed.map(String.init).joined(separator: " / ")
            return LocalizedText(en: "\(s.displayName) needs \(lengths) digits, got \(got).", zh: "\(s.displayName) 需要 \(lengths) 位数字，实为 \(got) 位。")
        case let .invalidCharacter(s, byte, position):
            let shown = byte >= 0x20 && byte < 0x7F ? "'\(Character(UnicodeScalar(byte)))'" : String(format0x: byte)
            return LocalizedText(en: "\(s.displayName) cannot encode \(shown) at position \(position + 1).",
                                 zh: "\(s.displayName) 无法编码第 \(position + 1) 位的 \(shown)。")
        case let .checkDigitMismatch(s, given, expected):
            return LocalizedText(en: "The \(s.displayName) check digit is \(given) but the data gives \(expected).",
                                 zh: "\(s.displayName) 校验位为 \(given)，按数据应为 \(expected)。")
        case let .oddDigitCount(got):
            return LocalizedText(en: "ITF encodes digits in pairs; \(got) digits were given.", zh: "ITF 按两位一组编码数字，实为 \(got) 位。")
        case .code128MissingCodeSet:
            return LocalizedText(en: "The Code 128 data does not start with {A, {B or {C.", zh: "Code 128 数据未以 {A、{B 或 {C 开头。")
        case let .code128BadEscape(position):
            return LocalizedText(en: "The Code 128 data has '{' at position \(position + 1) not followed by A, B, C, S, 1, 2, 3, 4 or '{'.",
                                 zh: "Code 128 数据第 \(position + 1) 位的 '{' 后不是 A、B、C、S、1、2、3、4 或 '{'。")
        case let .notDrawn(s):
            return LocalizedText(en: "\(s.displayName) is read from scanners but not drawn as a 1D symbol.",
                                 zh: "\(s.displayName) 只用于扫描，不能画成一维条码。")
        }
    }
    public var remedy: LocalizedText {
        switch self {
        case .checkDigitMismatch:
            return LocalizedText(en: "Check the number, or leave the check digit off to have it computed.", zh: "请核对号码，或省略校验位由系统计算。")
        case .oddDigitCount: return LocalizedText(en: "Add a leading 0.", zh: "请在前面补一个 0。")
        case .code128MissingCodeSet, .code128BadEscape:
            return LocalizedText(en: "Start the data with {A, {B or {C, and write a literal '{' as '{{'.", zh: "请以 {A、{B 或 {C 开头，字面的 '{' 写作 '{{'。")
        case .notDrawn:
            return LocalizedText(en: "Print it as UPC-A, EAN-13, EAN-8, UPC-E, Code 39, Code 93, Codabar, ITF or Code 128.",
                                 zh: "请改用 UPC-A、EAN-13、EAN-8、UPC-E、Code 39、Code 93、Codabar、ITF 或 Code 128。")
        default:
            return LocalizedText(en: "Correct the barcode data (its length and characters must suit the symbology).",
                                 zh: "请改正条码数据（长度和字符须符合该码制）。")
        }
    }
}
