import Foundation
import Testing
@testable import till

/// Issue 12, "Running a real till": the man page is generated from the command tree (every
/// command has its section, with its own help), completions complete values (drill ids, printer
/// profiles, languages, pages), the Devices folder is also looked up where a package installs
/// it, and the kiosk unit starts the screen till and restarts it.
@Suite struct RealTillTests {
    static let root: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    @Test func theManPageHasASectionForEveryCommandWithItsOwnHelp() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let page = try till.run(["manual"], global: false)
        #expect(page.status == 0)
        #expect(page.stdout.hasPrefix(".TH TILL 1 "))
        let commands = ManualPage.commands().dropFirst()
        #expect(commands.count >= 40)
        for (name, type) in commands {
            #expect(page.stdout.contains(".SS \"\(name)\"\n"), "no section for \(name)")
            let abstract = type.configuration.abstract.split(separator: " ").prefix(4).joined(separator: " ")
            #expect(page.stdout.contains(abstract), "\(name): its abstract is missing")
        }
        // Nothing in the text can start a roff request by accident.
        let requests = ["TH", "SH", "SS", "nf", "fi", "TP", "B ", "I "]
        let stray = page.stdout.split(separator: "\n").filter { line in
            line.hasPrefix(".") && !requests.contains { line.dropFirst().hasPrefix($0) }
        }
        #expect(stray.isEmpty, "\(stray)")
    }

    @Test func completionsCompleteDrillIDsProfilesLanguagesAndPages() throws {
        let till = try TillProcess()
        defer { till.cleanUp() }
        let bash = try till.run(["--generate-completion-script", "bash"], global: false)
        #expect(bash.status == 0)
        #expect(bash.stdout.contains("'en'$'\\n''zh'"))
        #expect(bash.stdout.contains("'all'$'\\n''text'"), "the test pages are not listed")
        // The script asks the till for drill ids and profiles as it would for a user's TAB.
        let drills = try till.run(["---completion", "drill", "run", "--", "positional@0", "3", "1", "till", "drill", "run", "0"], global: false)
        #expect(drills.lines.contains("05-no-receipt-over-limit"), "\(drills.stdout) \(drills.stderr)")
        #expect(drills.lines.allSatisfy { $0.hasPrefix("0") })
        let profiles = try till.run(["---completion", "exec", "--", "--printer-profile", "3", "0", "till", "exec", "--printer-profile", ""], global: false)
        #expect(profiles.lines.contains("auto") && profiles.lines.contains("generic-80"), "\(profiles.stdout)")
    }

    @Test func theDevicesFolderIsFoundWhereAPackageInstallsItAfterTheFlagAndTheEnvironment() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("till-devices-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: base) }
        let system = base + "/usr/share/till/Devices", other = base + "/other/Devices"
        for folder in [system, other] { try FileManager.default.createDirectory(atPath: folder + "/printers", withIntermediateDirectories: true) }
        func resolve(_ option: String?, _ env: [String: String]) throws -> String {
            try DevicesDirectory.resolve(option, environment: env, executable: base + "/bin/till", currentDirectory: base,
                                         systemFolders: [base + "/usr/local/share/till/Devices", system])
        }
        #expect(try resolve(nil, [:]) == system)
        #expect(try resolve(nil, ["TILL_DEVICES_DIR": other]) == other)
        #expect(try resolve(other, ["TILL_DEVICES_DIR": system]) == other)
        #expect(throws: DevicesDirectory.NotFound.self) { try resolve(base + "/none", [:]) }
        #expect(DevicesDirectory.systemFolders == ["/usr/local/share/till/Devices", "/usr/share/till/Devices"])
    }

    @Test func theKioskUnitRunsTheScreenTillOnATTYAndRestartsIt() throws {
        let unit = try String(contentsOfFile: Self.root + "/Scripts/till-kiosk.service", encoding: .utf8)
        let keys = Dictionary(unit.split(separator: "\n").filter { !$0.hasPrefix("#") && $0.contains("=") }.map {
            let parts = $0.split(separator: "=", maxSplits: 1)
            return (String(parts[0]), String(parts[1]))
        }, uniquingKeysWith: { a, _ in a })
        #expect(keys["ExecStart"]?.hasSuffix("till run --data-dir /var/lib/till") == true)
        #expect(keys["TTYPath"] == "/dev/tty1" && keys["StandardInput"] == "tty")
        #expect(keys["Restart"] == "always")
        #expect(keys["User"] == "till" && keys["UMask"] == "0077")
        // The unit's command line is one the till accepts (parsed here, not run: it needs a terminal).
        #expect(throws: Never.self) { _ = try TillCommand.parseAsRoot(["run", "--data-dir", "/var/lib/till"]) }
    }
}
