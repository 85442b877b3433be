import Foundation

/// Where the stock drills are: `--drills DIR`, else $TILL_DRILLS_DIR, else the resource folder
/// SwiftPM copies beside the binary (Till_till.resources/Drills), else Sources/till/Drills found
/// walking up from the current directory (a source checkout).
enum DrillLibrary {
    static func directory(_ option: String?) throws -> String {
        if let option { return option }
        let env = ProcessInfo.processInfo.environment
        if let dir = env["TILL_DRILLS_DIR"], !dir.isEmpty { return dir }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        var candidates = [binary.appendingPathComponent("Till_till.resources/Drills").path]
        var url = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        while url.path != "/" {
            candidates.append(url.appendingPathComponent("Sources/till/Drills").path)
            url.deleteLastPathComponent()
        }
        if let found = candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) { return found }
        throw CLIError(code: "drills_folder_not_found", en: "Cannot find the drills folder (looked beside the binary and in the source tree).",
                       zh: "找不到演练文件夹（已在程序旁和源码目录中查找）。",
                       remedyEn: "Pass --drills DIR or set TILL_DRILLS_DIR to the folder with the .toml drills.",
                       remedyZh: "请用 --drills DIR 或 TILL_DRILLS_DIR 指定演练 .toml 文件所在的文件夹。")
    }

    /// The drill files, by id (file name without .toml).
    static func drills(in directory: String) -> [(id: String, path: String)] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return files.filter { $0.hasSuffix(".toml") }.sorted().map { (String($0.dropLast(5)), directory + "/" + $0) }
    }

    /// A drill given as a path, or as the id of a stock drill.
    static func resolve(_ nameOrPath: String, drillsOption: String?) throws -> String {
        if FileManager.default.fileExists(atPath: nameOrPath) { return nameOrPath }
        let dir = try directory(drillsOption)
        if let found = drills(in: dir).first(where: { $0.id == nameOrPath }) { return found.path }
        throw CLIError(code: "drill_unknown", en: "No drill \"\(nameOrPath)\".", zh: "没有演练 “\(nameOrPath)”。",
                       remedyEn: "`till drill list` shows the drills; or give the path of a .toml file.",
                       remedyZh: "`till drill list` 列出演练；或给出 .toml 文件路径。")
    }
}
