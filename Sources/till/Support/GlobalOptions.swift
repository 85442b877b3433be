import ArgumentParser
import Foundation
import TillCore
import TillJournal

/// Flags every command takes. They override the configuration file, which overrides defaults.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: $TILL_CONFIG or ~/.config/till/till.toml).")
    var config: String?

    @Option(name: .long, help: "Data folder for the journal and slips (default: ~/.local/share/till).")
    var dataDir: String?

    @Option(name: .long, help: "Journal database file (default: DATA_DIR/journal.sqlite).")
    var db: String?

    @Option(name: .long, help: "Language for messages: en or zh (default: from the config, else $LANG).", completion: CompletionValues.languages)
    var lang: String?

    @Option(name: .long, help: "Printer: virtual (default), text, usb://VID:PID, lp:///dev/usb/lp0, serial:///dev/ttyUSB0?baud=9600, tcp://HOST:9100.")
    var printer: String?

    @Option(name: .long, help: "Where the virtual printer writes its slips (default: DATA_DIR/slips).")
    var slips: String?

    @Option(name: .long, help: "Printer profile id from Devices/printers (`till printer profiles`), or auto to ask the printer (default: generic-80).",
            completion: CompletionValues.printerProfiles)
    var printerProfile: String?

    @Option(name: .long, help: "Control socket for injecting faults into the virtual printer (see `till printer fault`).")
    var printerControl: String?

    @Flag(name: .long, help: "Do not write demo data into a new journal (a real shop: add users with `till user add`).")
    var noDemo = false

    /// The configuration file read: `--config`, else `$TILL_CONFIG`, else the default path when a
    /// file is there; nil when the till runs on its documented defaults.
    func configurationFile() -> String? {
        let env = ProcessInfo.processInfo.environment
        if let explicit = config ?? env["TILL_CONFIG"] { return explicit }
        let path = Paths.defaultConfigFile(env)
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Loads the configuration file (if any) and applies the flags.
    func resolve() throws -> ResolvedConfiguration {
        let env = ProcessInfo.processInfo.environment
        var file = TillConfiguration()
        // A bad file is reported in the language asked for on the command line.
        if let lang, let language = Language(rawValue: lang) { Output.language = language }
        if let path = configurationFile() { file = try TillConfiguration.load(path: path) }
        var resolved = try ResolvedConfiguration(file, environment: env)
        if let dataDir {
            resolved.dataDirectory = dataDir
            if file.printer?.out_dir == nil { resolved.slipDirectory = dataDir + "/slips" }
        }
        if let lang {
            guard let language = Language(rawValue: lang) else {
                throw CLIError.badSetting("--lang", value: lang, expected: "en or zh")
            }
            resolved.screenLanguage = language
        }
        if let printer { resolved.printerURL = printer }
        if let slips { resolved.slipDirectory = slips }
        if let printerProfile { resolved.printerProfile = printerProfile }
        if let printerControl { resolved.printerControl = printerControl }
        Output.language = resolved.screenLanguage
        return resolved
    }

    /// The key file: `journal.key_file`, else beside the journal; the training journal's has
    /// "-training" added (each journal has its own key and anchor).
    func keyFilePath(_ resolved: ResolvedConfiguration, training: Bool = false) -> String {
        guard let configured = resolved.keyFile else {
            return JournalDatabase.defaultKeyPath(forJournal: journalPath(resolved, training: training))
        }
        return training ? (configured as NSString).deletingPathExtension + "-training.key" : configured
    }

    func journalPath(_ resolved: ResolvedConfiguration, training: Bool = false) -> String {
        if training { return (db.map { ($0 as NSString).deletingPathExtension + "-training.sqlite" }) ?? resolved.trainingJournalPath }
        return db ?? resolved.journalPath
    }
}
