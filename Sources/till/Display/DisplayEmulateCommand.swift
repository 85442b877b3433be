import ArgumentParser
import Foundation
import TillEscPos
import TillVirtualPrinter

/// `till display emulate`: a virtual customer display on a pseudo-terminal (point the till's
/// `display.url` at serial://PTY) or a TCP port. It decodes the ESC/POS display commands and
/// prints the 2×20 grid the customer would read every time it changes (and writes it to
/// --out, for scripts and tests).
struct DisplayEmulateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "emulate",
        abstract: "Run a virtual 2×20 customer display and print what it shows.")

    @Option(help: "Display profile id (a file in Devices/displays).")
    var profile: String = "generic-vfd-gb18030"

    @Option(help: "pty, or tcp://HOST:PORT.")
    var listen: String = "pty"

    @Option(help: "A file that always holds the two lines shown (rewritten on each change).")
    var out: String?

    @Option(help: "The Devices folder (default: $TILL_DEVICES_DIR, else found near the executable or the current directory).")
    var devices: String?

    func run() throws {
        let dir = try DevicesDirectory.resolve(devices) + "/displays"
        let displayProfile: CustomerDisplayProfile
        do { displayProfile = try CustomerDisplayProfile.named(profile, in: dir) } catch {
            throw CLIError(code: "display_profile_unusable", message: error.message, remedy: error.remedy)
        }
        let link: VirtualDisplayServer.Link
        if listen == "pty" { link = .pty } else if listen.hasPrefix("tcp://") {
            let (host, port) = try PrinterEmulateCommand.hostPort(String(listen.dropFirst(6)))
            link = .tcp(host: host, port: port)
        } else {
            throw CLIError(code: "listen_address_unreadable", en: "--listen \(listen) is not a place to listen.", zh: "--listen \(listen) 不是可用的监听方式。",
                           remedyEn: "Use --listen pty, or tcp://HOST:PORT (e.g. tcp://127.0.0.1:9101).",
                           remedyZh: "请使用 --listen pty，或 tcp://HOST:PORT（如 tcp://127.0.0.1:9101）。")
        }
        let out = self.out
        let server = try VirtualDisplayServer(display: VirtualCustomerDisplay(profile: displayProfile), link: link) { lines in
            say("[" + lines.joined(separator: "]\n[") + "]")
            if let out { try? (lines.joined(separator: "\n") + "\n").write(toFile: out, atomically: true, encoding: .utf8) }
        }
        say(listen == "pty" ? "pty: \(server.address)" : "listening: \(server.address)")
        server.start()
        while true { Thread.sleep(forTimeInterval: 3600) }
    }
}
