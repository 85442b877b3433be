import ArgumentParser
import Foundation
import TillCore
import TillDevices

/// What the shell completes for option and argument values (`till --generate-completion-script
/// bash|zsh|fish`): fixed lists are written into the script; drill ids and printer profiles are
/// asked of the installed `till` at completion time, so they follow the drills and Devices folder
/// it would use.
enum CompletionValues {
    static let languages = CompletionKind.list(Language.allCases.map(\.rawValue))

    static let testPages = CompletionKind.list(["all"] + TestPage.Kind.allCases.map(\.rawValue))

    static let drillIDs = CompletionKind.custom { _, _, prefix in
        guard let folder = try? DrillLibrary.directory(nil) else { return [] }
        return DrillLibrary.drills(in: folder).map(\.id).filter { $0.hasPrefix(prefix) }
    }

    static let printerProfiles = CompletionKind.custom { _, _, prefix in
        (["auto"] + profileIDs()).filter { $0.hasPrefix(prefix) }
    }

    /// The profile ids in the Devices folder the till would use (none when it cannot be found).
    static func profileIDs() -> [String] {
        guard let devices = try? DevicesDirectory.resolve(nil),
              let files = try? FileManager.default.contentsOfDirectory(atPath: devices + "/printers") else { return [] }
        return files.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
    }
}
