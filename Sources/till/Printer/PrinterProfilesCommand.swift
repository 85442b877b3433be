import ArgumentParser
import TillEscPos

/// `till printer profiles`: every profile in Devices/printers with where its values come from.
///
///     till printer profiles
///     till printer profiles --source database
struct PrinterProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List the printer profiles: id, name, vendor, paper width, Chinese mode, source (verified, database, assumed)."
    )

    @Option(help: "The Devices folder (default: $TILL_DEVICES_DIR, else found near the executable or the current directory).")
    var devices: String?

    @Option(help: "Only profiles from this source: verified, database or assumed.")
    var source: String?

    func run() throws {
        let library = try PrinterProfileLoading.library(devices)
        var wanted: PrinterProfile.Source?
        if let source {
            guard let s = PrinterProfile.Source(rawValue: source) else {
                throw CLIError.badSetting("--source", value: source, expected: "verified, database or assumed")
            }
            wanted = s
        }
        let rows = library.ids.compactMap { library.profiles[$0] }.filter { wanted == nil || $0.source == wanted }
        let idWidth = max(2, rows.map(\.id.count).max() ?? 0)
        let nameWidth = max(4, rows.map(\.name.count).max() ?? 0)
        let vendorWidth = max(6, rows.map(\.vendor.count).max() ?? 0)
        func pad(_ s: String, _ n: Int) -> String { s + String(repeating: " ", count: max(0, n - s.count)) }
        say(pad("id", idWidth) + "  " + pad("name", nameWidth) + "  " + pad("vendor", vendorWidth) + "  width  chinese   source")
        for p in rows {
            let width = "\(Int(p.media.widthMM.rounded())) mm"
            let chinese = p.multibyte.first?.encoding ?? (p.userDefinedCharacters == true ? "download" : "raster")
            say(pad(p.id, idWidth) + "  " + pad(p.name, nameWidth) + "  " + pad(p.vendor, vendorWidth) + "  "
                + pad(width, 5) + "  " + pad(chinese, 8) + "  " + (p.source?.rawValue ?? "?"))
        }
        say("\(rows.count) profiles. verified: checked on a real unit; database: converted from escpos-printer-db (CC BY 4.0); assumed: from specifications, unconfirmed values named in the file's notes.")
    }
}

/// Loading the profile library for the printer commands, its failures as bilingual errors.
enum PrinterProfileLoading {
    static func library(_ devices: String?) throws -> ProfileLibrary {
        let dir = try DevicesDirectory.resolve(devices)  // its NotFound is a Problem
        do { return try ProfileLibrary(directory: dir + "/printers") } catch let problem as ProfileError {
            throw problem
        } catch {
            let cause = ErrorCause.text(error)
            throw CLIError(code: "printer_profiles_unreadable", en: "Cannot load the printer profiles in \(dir)/printers: \(cause.en)",
                           zh: "无法加载 \(dir)/printers 中的打印机配置：\(cause.zh)",
                           remedyEn: "Fix or remove the file named above (Devices/printers/README.md describes the fields).",
                           remedyZh: "请修正或删除上面指出的文件（字段说明见 Devices/printers/README.md）。")
        }
    }
}
