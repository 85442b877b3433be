import ArgumentParser
import Foundation
import TillCentral
import TillCore

/// `till report z --central --shop X [--till N] [--shift N]`.
struct CentralZReportOptions: ParsableArguments {
    @Flag(help: "Read the Z figures of a shop's tills from the central journal ([central] url); closes nothing.") var central = false
    @Option(help: "With --central: the shop (two digits; default [central] shop).") var shop: String?
    @Option(help: "With --central: only this till (two digits).") var till: String?
    @Option(help: "With --central: this shift number (default: each till's latest).") var shift: Int64?
}

/// A shop's Z report from the central journal: each till's shift report as its slip reads, read
/// from the central running totals, then the shop's sums. Needs the `zReport` permission.
enum CentralZReport {
    static func print(_ options: ShiftReportOptions, _ central: CentralZReportOptions) throws {
        let env = try TillEnvironment(options.global, trading: false)
        let user = try Credentials.authorise(code: options.user, .zReport, env: env, flag: "--user")
        let settings = try CentralReportAccess.settings(env.config)
        let shop = central.shop ?? settings.shop
        let reports = try CentralReportAccess.call(settings) { connection in
            try await CentralReports.shiftTotals(connection, shop: shop, till: central.till, shift: central.shift)
        }
        guard !reports.isEmpty else {
            throw CLIError(code: "central_shift_not_found", en: "The central journal has no shift of shop \(shop)\(central.till.map { " till \($0)" } ?? "").",
                           zh: "中央日志中没有门店 \(shop)\(central.till.map { " 收银台 \($0)" } ?? "") 的班次。",
                           remedyEn: "Check --shop and --till, and that the tills replicate (`till central status`).",
                           remedyZh: "请检查 --shop 和 --till，并确认收银台正在同步（`till central status`）。")
        }
        let templates = env.config.register.templates
        let now = env.clock.now
        for report in reports {
            let slip = templates.shiftReport(report.totals, zNumber: report.zNumber, at: now, by: user)
            PlainTextSlipRenderer.render(slip, columns: env.config.printerColumns).forEach(Output.line)
            Output.line("")
        }
        let lang = Output.language
        func line(_ en: String, _ zh: String, _ value: String) {
            Output.line(DisplayWidth.pad(LocalizedText(en: en, zh: zh).text(lang), to: 28) + value)
        }
        // The shifts' own currency (a shop trades in one); checked sums: one till's doctored
        // figures must not wrap the shop's total into a plausible number.
        let currency = reports[0].totals.sales.amount.currency
        func sum(_ pick: (ShiftTotals) -> CountedAmount, _ what: LocalizedText) throws -> String {
            guard let count = reports.map({ Money(minor: pick($0.totals).count, currency: currency) }).checkedSum(currency),
                  let amount = reports.map({ pick($0.totals).amount }).checkedSum(currency)
            else { throw ShiftFigureOverflow.shop(shop: shop, what: what) }
            return "\(count.minor) · " + DecimalText.format(amount.minor, scale: currency.minorDigits)
        }
        Output.line(LocalizedText(en: "Shop \(shop): \(reports.count) till(s)", zh: "门店 \(shop)：\(reports.count) 台收银台").text(lang))
        line("Sales", "销售", try sum(\.sales, LocalizedText(en: "the sales", zh: "销售")))
        line("Refunds", "退款", try sum(\.refunds, LocalizedText(en: "the refunds", zh: "退款")))
        line("Post-voids", "整单作废", try sum(\.voids, LocalizedText(en: "the post-voids", zh: "整单作废")))
        guard let net = reports.map(\.totals.net).checkedSum(currency) else {
            throw ShiftFigureOverflow.shop(shop: shop, what: LocalizedText(en: "the net", zh: "净额"))
        }
        line("Net", "净额", DecimalText.format(net.minor, scale: currency.minorDigits))
    }
}

/// The central connection for report commands: the configured one, or a refusal that says how to set it.
enum CentralReportAccess {
    static func settings(_ config: ResolvedConfiguration) throws -> CentralSettings {
        guard let settings = config.central else {
            throw CLIError(code: "central_not_configured", en: "No central journal is configured, so --central has nothing to read.",
                           zh: "未配置中央日志，--central 无从读取。",
                           remedyEn: "Set [central] url = \"postgres://…\" in the configuration (see `till config defaults`), or leave out --central for this till's own journal.",
                           remedyZh: "请在配置中设置 [central] url = \"postgres://…\"（见 `till config defaults`），或去掉 --central 查看本收银台的日志。")
        }
        return settings
    }

    /// Runs `body` on a fresh connection; a failure (server down, timeout) is named with its remedy.
    static func call<T: Sendable>(_ settings: CentralSettings, _ body: @escaping @Sendable (CentralConnection) async throws -> T) throws -> T {
        do {
            return try Blocking.wait {
                let connection = CentralConnection(settings: settings)
                do {
                    let value = try await body(connection)
                    await connection.drop()
                    return value
                } catch {
                    await connection.drop()
                    throw error
                }
            }
        } catch let failure as CentralFailure {
            throw CLIError(code: failure.code, message: failure.message, remedy: failure.remedy)
        }
    }
}
