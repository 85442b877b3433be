import ArgumentParser
import TillCore

/// `till report x|z|refunds`: the shift reports (Z closes the shift) and refund monitoring.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Print the X report (mid-shift) or the Z report (closes the shift); refund monitoring.",
        subcommands: [XReportCommand.self, ZReportCommand.self, RefundReportCommand.self])
}

/// `till report x --user CODE`.
struct XReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "x", abstract: "Print the X report (mid-shift).")
    @OptionGroup var options: ShiftReportOptions
    func run() throws { try options.print(.x) }
}

/// `till report z --user CODE`; with `--central`, the shop's tills' Z figures from the central
/// journal instead (nothing is closed: `CentralZReport`).
struct ZReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "z", abstract: "Print the Z report (closes the shift); --central: a shop's Z figures from the central journal.")
    @OptionGroup var options: ShiftReportOptions
    @OptionGroup var central: CentralZReportOptions
    func run() throws {
        if central.central { try CentralZReport.print(options, central) } else { try options.print(.z) }
    }
}

/// What `till report x` and `till report z` take, and how they print.
struct ShiftReportOptions: ParsableArguments {
    @OptionGroup var global: GlobalOptions
    @Option(help: "Login code of the person printing it (PIN from $TILL_PIN or standard input).") var user: String

    func print(_ kind: ReportKind) throws {
        let env = try TillEnvironment(global)
        let printer = CapturingPrinter(try env.makePrinter())
        // An X report gives out no number: it runs beside a till that is running (`till run`).
        let session = try SignedInSession(env, user: user, printer: printer, readOnly: kind == .x)
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
        let session = try SignedInSession(env, user: user, printer: printer, readOnly: true)
        let events = try session.send(.reprintRequested(reference: reference))
        for slip in printer.slips { PlainTextSlipRenderer.render(slip, columns: env.config.printerColumns).forEach(Output.line) }
        for case .slipNotPrinted(let ref, let cause) in events {
            throw CLIError(code: "slip_not_printed", en: "Slip \(ref) did NOT print: \(cause.text.en).", zh: "小票 \(ref) 未打印：\(cause.text.zh)。",
                           remedyEn: "Fix the printer, then run the reprint again.", remedyZh: "请排除打印机故障后重新打印。")
        }
        try session.send(.signOutRequested)
    }
}
