import ArgumentParser
import TillCore

/// `till report x|z`: print the shift report (Z closes the shift).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Print the X report (mid-shift) or the Z report (closes the shift); `report refunds` for refund monitoring.",
        subcommands: [RefundReportCommand.self])
    @OptionGroup var global: GlobalOptions
    @Argument(help: "x or z") var kind: String
    @Option(help: "Login code of the person printing it (PIN from $TILL_PIN or standard input).") var user: String

    func run() throws {
        guard let kind = ReportKind(rawValue: kind.lowercased()) else {
            throw CLIError.badSetting("report", value: kind, expected: "x or z")
        }
        let env = try TillEnvironment(global)
        let printer = CapturingPrinter(try env.makePrinter())
        let session = try SignedInSession(env, user: user, printer: printer)
        try session.send(.reportRequested(kind))
        for slip in printer.slips { PlainTextSlipRenderer.render(slip, columns: env.config.printerColumns).forEach(Output.line) }
        try session.send(.signOutRequested)
    }
}

/// `till reprint RECEIPT`: print a stored slip again (COPY if it printed before).
struct ReprintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reprint", abstract: "Reprint a sale, refund, void or Z slip; marked COPY if it printed before.")
    @OptionGroup var global: GlobalOptions
    @Argument(help: "Document number, e.g. S01-000123 or R01-000004.") var reference: String
    @Option(help: "Login code of the person reprinting (PIN from $TILL_PIN or standard input).") var user: String

    func run() throws {
        let env = try TillEnvironment(global)
        let printer = CapturingPrinter(try env.makePrinter())
        let session = try SignedInSession(env, user: user, printer: printer)
        let events = try session.send(.reprintRequested(reference: reference))
        for slip in printer.slips { PlainTextSlipRenderer.render(slip, columns: env.config.printerColumns).forEach(Output.line) }
        for case .slipNotPrinted(let ref, let cause) in events {
            throw CLIError(en: "Slip \(ref) did NOT print: \(cause.text.en).", zh: "小票 \(ref) 未打印：\(cause.text.zh)。",
                           remedyEn: "Fix the printer, then run the reprint again.", remedyZh: "请排除打印机故障后重新打印。")
        }
        try session.send(.signOutRequested)
    }
}
