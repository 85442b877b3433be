import Foundation
import TillCore

/// The cause inside a command-line message, in both languages: a `Problem`'s own message; a
/// Foundation file error by its POSIX reason (`SystemReason`) or its kind; anything else by its
/// type's name in the Chinese text, never the English description spliced into Chinese.
enum ErrorCause {
    static func text(_ error: Error) -> LocalizedText {
        if let problem = error as? any Problem { return problem.message }
        let ns = error as NSError
        let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError
        if let posix = [ns, underlying].compactMap({ $0 }).first(where: { $0.domain == NSPOSIXErrorDomain }) {
            return LocalizedText(en: ns.localizedDescription, zh: SystemReason.chinese(Int32(truncatingIfNeeded: posix.code)))
        }
        if let cocoa = error as? CocoaError {
            let zh: String
            switch cocoa.code {
            case .fileNoSuchFile, .fileReadNoSuchFile: zh = "没有该文件或目录"
            case .fileReadNoPermission, .fileWriteNoPermission: zh = "权限不足"
            case .fileWriteOutOfSpace: zh = "设备上没有空间"
            case .fileWriteVolumeReadOnly: zh = "只读文件系统"
            case .fileWriteFileExists: zh = "文件已存在"
            case .fileReadCorruptFile: zh = "文件内容无法读取"
            case .fileReadInapplicableStringEncoding: zh = "文件的文字编码无法识别"
            default: zh = "文件操作失败（代码 \(cocoa.code.rawValue)）"
            }
            return LocalizedText(en: cocoa.localizedDescription, zh: zh)
        }
        return LocalizedText(en: "\(error)", zh: "内部错误（\(type(of: error))）")
    }
}
