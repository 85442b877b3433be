import Foundation

/// Finds the Devices folder: `--devices DIR`, else $TILL_DEVICES_DIR, else the first
/// `Devices/printers` found walking up from the executable and from the current directory.
enum DevicesDirectory {
    struct NotFound: Error, CustomStringConvertible {
        let searched: [String]
        var description: String {
            "cannot find the Devices folder (with printers/ inside). Looked in: \(searched.joined(separator: ", ")). "
                + "Pass --devices DIR or set TILL_DEVICES_DIR."
        }
    }

    static func resolve(_ option: String?) throws -> String {
        if let option { return try check(option) }
        if let env = ProcessInfo.processInfo.environment["TILL_DEVICES_DIR"], !env.isEmpty { return try check(env) }
        var searched: [String] = []
        let executable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
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
        throw NotFound(searched: Array(searched.prefix(6)) + (searched.count > 6 ? ["…"] : []))
    }

    static func check(_ dir: String) throws -> String {
        guard FileManager.default.fileExists(atPath: dir + "/printers") else { throw NotFound(searched: [dir]) }
        return dir
    }
}
