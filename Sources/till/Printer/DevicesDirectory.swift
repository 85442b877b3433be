import Foundation
import TillCore

/// Finds the Devices folder: `--devices DIR` (or `printer.devices_dir`), else $TILL_DEVICES_DIR,
/// else the first `Devices/printers` found walking up from the executable and from the current
/// directory, else the installed folders `systemFolders` (README "Devices folder"; till(1) FILES).
enum DevicesDirectory {
    struct NotFound: Problem, CustomStringConvertible {
        let searched: [String]
        var description: String {
            "cannot find the Devices folder (with printers/ inside). Looked in: \(searched.joined(separator: ", ")). "
                + "Pass --devices DIR or set TILL_DEVICES_DIR."
        }
        var code: String { "devices_folder_not_found" }
        var message: LocalizedText {
            let list = searched.joined(separator: ", ")
            return LocalizedText(en: "Cannot find the Devices folder (with printers/ inside). Looked in: \(list).",
                                 zh: "找不到 Devices 文件夹（其中应有 printers/）。已查找：\(list)。")
        }
        var remedy: LocalizedText {
            LocalizedText(en: "Pass --devices DIR or set TILL_DEVICES_DIR.", zh: "请使用 --devices DIR 或设置 TILL_DEVICES_DIR。")
        }
    }

    /// Where a packaged till keeps its Devices folder, searched last (a local install first).
    static let systemFolders = ["/usr/local/share/till/Devices", "/usr/share/till/Devices"]

    static func resolve(_ option: String?) throws -> String {
        try resolve(option, environment: ProcessInfo.processInfo.environment, executable: CommandLine.arguments[0],
                    currentDirectory: FileManager.default.currentDirectoryPath, systemFolders: systemFolders)
    }

    static func resolve(_ option: String?, environment: [String: String], executable: String, currentDirectory: String,
                        systemFolders: [String]) throws -> String {
        if let option { return try check(option) }
        if let env = environment["TILL_DEVICES_DIR"], !env.isEmpty { return try check(env) }
        var searched: [String] = []
        let executable = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let cwd = URL(fileURLWithPath: currentDirectory)
        for start in [executable, cwd] {
            var url = start.standardizedFileURL
            while true {
                let candidate = url.appendingPathComponent("Devices")
                searched.append(candidate.path)
                if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("printers").path) { return candidate.path }
                if url.path == "/" { break }
                url.deleteLastPathComponent()
            }
        }
        for folder in systemFolders {
            if FileManager.default.fileExists(atPath: folder + "/printers") { return folder }
        }
        throw NotFound(searched: Array(searched.prefix(6)) + (searched.count > 6 ? ["…"] : []) + systemFolders)
    }

    static func check(_ dir: String) throws -> String {
        guard FileManager.default.fileExists(atPath: dir + "/printers") else { throw NotFound(searched: [dir]) }
        return dir
    }
}
