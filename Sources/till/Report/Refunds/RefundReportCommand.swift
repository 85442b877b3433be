import ArgumentParser
import Foundation
import TillCentral
import TillCore
import TillGraphics
import TillJournal

/// `till report refunds`: refund monitoring for the shop owner (permission `zReport`): figures per
/// shop, till, clerk, supervisor and day, the flags of `[report.refunds]`, as a table and chart,
/// CSV (`--csv`) or a PNG chart (`--png FILE`).
struct RefundReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "refunds",
        abstract: "Refund monitoring: counts, amounts, rates and flags per shop, till, clerk, supervisor and day.")
    @OptionGroup var global: GlobalOptions
    @Option(help: "Login code of the person reading it (PIN from $TILL_PIN or standard input); needs zReport.") var user: String
    @Option(help: "First day, YYYY-MM-DD in the shop's time zone (till.utc_offset).") var from: String?
    @Option(help: "Last day (inclusive), YYYY-MM-DD.") var to: String?
    @Flag(help: "Print CSV instead of the table.") var csv = false
    @Option(help: "Also write a PNG bar chart of refunds per clerk to this file.") var png: String?
    @Flag(help: "From the central journal ([central] url): every till of the shop, or of every shop.") var central = false
    @Option(help: "With --central: only this shop (two digits); default every shop.") var shop: String?

    func run() throws {
        let env = try TillEnvironment(global, trading: false)
        _ = try Credentials.authorise(code: user, .zReport, env: env, flag: "--user")
        let period = try ReportPeriod(from: from, to: to, utcOffsetSeconds: env.config.register.utcOffsetSeconds)
        let report = central
            ? try RefundReportSource.central(try CentralReportAccess.settings(env.config), shop: shop, config: env.config, period: period)
            : try RefundReportSource.local(env.journal, config: env.config, period: period)
        let currency = env.config.register.currency
        if csv {
            FileHandle.standardOutput.write(Data(RefundReportCSV.text(report, currency: currency).utf8))
        } else {
            RefundReportText(report: report, currency: currency, language: Output.language).lines.forEach(Output.line)
        }
        if let png { try RefundReportChart.write(report, currency: currency, language: Output.language, to: png) }
    }
}

/// `--from`/`--to` as local days and as the UTC seconds a query filters on.
struct ReportPeriod {
    let from: CivilDate?
    let to: CivilDate?
    /// From the start of `from` up to (not including) the end of `to`, seconds since 1970.
    let startSeconds: Int64
    let endSeconds: Int64

    /// Days from 1970 to 9999, so that their seconds never overflow.
    static let years: ClosedRange<Int64> = 1970...9999

    init(from: String?, to: String?, utcOffsetSeconds: Int64) throws {
        func day(_ flag: String, _ text: String?) throws -> CivilDate? {
            guard let text else { return nil }
            guard let date = CivilDate(parsing: text), Self.years.contains(date.year) else {
                throw CLIError(code: "date_unreadable", en: "--\(flag) \(text) is not a date from 1970-01-01 to 9999-12-31.",
                               zh: "--\(flag) \(text) 不是 1970-01-01 至 9999-12-31 之间的日期。",
                               remedyEn: "Write the day as YYYY-MM-DD, e.g. --\(flag) 2026-11-23.",
                               remedyZh: "请按 YYYY-MM-DD 格式书写日期，例如 --\(flag) 2026-11-23。")
            }
            return date
        }
        self.from = try day("from", from)
        self.to = try day("to", to)
        if let a = self.from, let b = self.to, b < a {
            throw CLIError(code: "date_range_reversed", en: "--to \(b.text) is before --from \(a.text).", zh: "--to \(b.text) 早于 --from \(a.text)。",
                           remedyEn: "Give the first day with --from and the last with --to.",
                           remedyZh: "请用 --from 给出第一天，用 --to 给出最后一天。")
        }
        startSeconds = self.from.map { $0.daysSinceEpoch * 86_400 - utcOffsetSeconds } ?? Int64.min
        endSeconds = self.to.map { ($0.daysSinceEpoch + 1) * 86_400 - utcOffsetSeconds } ?? Int64.max
    }
}

/// Where the report's rows come from: the till's own journal (here), or the central database.
enum RefundReportSource {
    static func local(_ journal: JournalDatabase, config: ResolvedConfiguration, period: ReportPeriod) throws -> RefundReport {
        let shop = config.central?.shop ?? "01"
        let offset = config.register.utcOffsetSeconds
        let refunds = try journal.refundFacts(shop: shop, from: period.startSeconds, until: period.endSeconds)
        let sales = try journal.salesFacts(shop: shop, utcOffsetSeconds: offset, from: period.startSeconds, until: period.endSeconds)
        return RefundReport(refunds: refunds, sales: sales, utcOffsetSeconds: offset, from: period.from, to: period.to,
                            perRefundLimitMinor: config.register.policy.refund.perRefundLimitMinor,
                            thresholds: config.refundThresholds)
    }
}

extension RefundReportSource {
    /// The same report from the central journal: refunds grouped and sales from the running
    /// buckets, summed in SQL; the same computation.
    static func central(_ settings: CentralSettings, shop: String?, config: ResolvedConfiguration, period: ReportPeriod) throws -> RefundReport {
        let (offset, limit, thresholds) = (config.register.utcOffsetSeconds, config.register.policy.refund.perRefundLimitMinor,
                                           config.refundThresholds)
        let (from, to, start, until) = (period.from, period.to, period.startSeconds, period.endSeconds)
        return try CentralReportAccess.call(settings) { connection in
            try await CentralReports.refundReport(connection, shop: shop, utcOffsetSeconds: offset, from: from, to: to, start: start,
                                                  until: until, perRefundLimitMinor: limit, thresholds: thresholds)
        }
    }
}

/// `--png FILE`: refunds per clerk as a bar chart.
enum RefundReportChart {
    static func chart(_ report: RefundReport, currency: Currency, language: Language) -> BarChart {
        let text = RefundReportText(report: report, currency: currency, language: language)
        let bars = report.rows(.clerk).map {
            BarChart.Bar(label: text.label(.clerk, $0), value: $0.figures.refunded.amountMinor,
                         valueText: text.money($0.figures.refunded.amountMinor) + " (\($0.figures.refunded.count))")
        }
        return BarChart(title: text.t("Refunded per clerk", "各收银员退款金额") + "  " + (report.from?.text ?? "…") + " – "
                            + (report.to?.text ?? "…"), bars: bars)
    }

    static func write(_ report: RefundReport, currency: Currency, language: Language, to path: String) throws {
        let font: BitmapFont
        do { font = try BitmapFont.cached() } catch {
            throw CLIError(code: "bitmap_font_missing", en: "Cannot draw the chart: the bitmap font \(BitmapFont.defaultPath) is missing (\(ErrorCause.text(error).en)).",
                           zh: "无法绘制图表：缺少点阵字体 \(BitmapFont.defaultPath)（\(ErrorCause.text(error).zh)）。",
                           remedyEn: "Install it with `apt-get install unifont`, then run the report again.",
                           remedyZh: "请用 `apt-get install unifont` 安装后重新运行报表。")
        }
        let bytes = PNG.encode(chart(report, currency: currency, language: language).render(font: font))
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            throw CLIError(code: "chart_not_writable", en: "Cannot write the chart to \(path).", zh: "无法写入图表文件 \(path)。",
                           remedyEn: "Check that the folder exists and is writable, or give another --png path.",
                           remedyZh: "请检查目录是否存在且可写，或换一个 --png 路径。")
        }
    }
}
