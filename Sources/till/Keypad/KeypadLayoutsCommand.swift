import ArgumentParser
import Foundation
import TillScreen

/// `till keypad layouts`: the layouts in Devices/keypads, each checked as `till run` would.
struct KeypadLayoutsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "layouts", abstract: "List and check the keypad layouts in Devices/keypads.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let config = try global.resolve()
        let dir = try DevicesDirectory.resolve(config.devicesDirectory) + "/keypads"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
        for file in files {
            let layout = try ScreenHardware.layoutFile(dir + "/" + file)
            let size = layout.pages.map { "\($0.id) \($0.rows.map(\.count).max() ?? 0)×\($0.rows.count)" }.joined(separator: ", ")
            say("\(layout.id)\t\(layout.name.text(Output.language))\t\(size)")
        }
    }
}
