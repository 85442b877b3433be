import ArgumentParser
import TillCore
import TillJournal

/// `till config …`: the documented defaults and the permission names.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Show the default configuration file, the effective settings, permission names.",
        subcommands: [Defaults.self, Check.self, Permissions.self])

    struct Defaults: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the default configuration, every key documented.")
        func run() { Output.line(DefaultConfiguration.text) }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Load the configuration and say where things will go.")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            let c = try global.resolve()
            Output.line("configuration: \(global.configurationFile() ?? "none (the documented defaults)")")
            Output.line("till \(c.register.till), \(c.register.currency.code), screen \(c.screenLanguage.rawValue), receipts \(c.register.receiptLanguage.rawValue)")
            Output.line("journal: \(global.journalPath(c))")
            Output.line("training journal: \(global.journalPath(c, training: true))")
            Output.line("key file: \(global.keyFilePath(c)) (anchor: \(JournalDatabase.anchorPath(forKey: global.keyFilePath(c), journal: global.journalPath(c))))")
            Output.line("printer: \(c.printerURL), slips in \(c.slipDirectory)")
            // The keypad layout and a real display's profile are read now, so a bad one is named here too.
            if c.keypadLayout != "none" {
                _ = try ScreenHardware.layout(c.keypadLayout, in: try DevicesDirectory.resolve(c.devicesDirectory) + "/keypads")
            }
            Output.line("keypad: \(c.keypadLayout), quick keys \(c.quickKeys.joined(separator: " "))")
            if !["screen", "none"].contains(c.displayURL) { _ = try ScreenHardware.displayProfile(c) }
            Output.line("customer display: \(c.displayURL) (\(c.displayProfile)), in \(c.customerLanguage.rawValue)")
        }
    }

    struct Permissions: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List roles with their default permissions.")
        func run() {
            for role in Role.allCases {
                let names = (RolePermissions.standard.table[role] ?? []).map(\.rawValue).sorted()
                Output.line("\(role.rawValue): \(names.joined(separator: ", "))")
            }
            Output.line("all: \(Permission.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }
}
