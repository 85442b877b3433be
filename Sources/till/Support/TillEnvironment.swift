import Foundation
import TillCore
import TillJournal
import TillRuntime

/// The clock the runtime reads: the system's, unless a script or drill set it.
final class TillClock: @unchecked Sendable {
    private var fixed: Timestamp?
    init(fixed: Timestamp? = nil) { self.fixed = fixed }
    func set(_ t: Timestamp?) { fixed = t }
    var now: Timestamp { fixed ?? Timestamp(seconds: Int64(Date().timeIntervalSince1970)) }
}

/// Opens what a command needs: the journal (seeding demo data into a new one), the printer and
/// the runtime.
struct TillEnvironment {
    let config: ResolvedConfiguration
    let journal: JournalDatabase
    let journalPath: String

    init(_ options: GlobalOptions, training: Bool = false, seedDemo: Bool = true) throws {
        config = try options.resolve()
        journalPath = options.journalPath(config, training: training)
        do {
            journal = try JournalDatabase(path: journalPath, pinHashRounds: config.pinHashRounds)
        } catch let error as JournalError {
            throw CLIError(en: error.message(.en), zh: error.message(.zh), remedyEn: error.remedy(.en), remedyZh: error.remedy(.zh))
        }
        if seedDemo, try journal.users().isEmpty {
            Output.error(Output.language == .zh ? "首次运行：正在写入演示数据到 \(journalPath) …"
                                                : "First run: writing demo data to \(journalPath) …")
            try DemoData.seed(journal: journal, config: config.register)
        }
    }

    func makePrinter() throws -> SlipPrinter {
        switch config.printerURL {
        case "text", "virtual":
            do {
                return try TextFilePrinter(directory: URL(fileURLWithPath: config.slipDirectory), columns: config.printerColumns)
            } catch {
                throw CLIError(en: "Cannot create the slip folder \(config.slipDirectory): \(error.localizedDescription).",
                               zh: "无法创建小票文件夹 \(config.slipDirectory)：\(error.localizedDescription)。",
                               remedyEn: "Pass --slips DIR with a folder you can write, or fix its permissions.",
                               remedyZh: "请用 --slips DIR 指定可写的文件夹，或修正权限。")
            }
        default:
            throw CLIError(en: "Printer \"\(config.printerURL)\" is not known.", zh: "未知的打印机 \"\(config.printerURL)\"。",
                           remedyEn: "Use --printer virtual or --printer text.", remedyZh: "请使用 --printer virtual 或 --printer text。")
        }
    }

    func makeRuntime(clock: TillClock, training: Bool = false) throws -> RegisterRuntime {
        var register = config.register
        register.training = training
        do {
            return try RegisterRuntime(config: register, journal: journal, printer: try makePrinter(), clock: { clock.now })
        } catch let error as RuntimeError {
            throw CLIError(error)
        }
    }
}
