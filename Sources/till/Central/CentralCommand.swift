import ArgumentParser
import Foundation
import TillCentral
import TillCore
import TillJournal

/// `till central …`: the shared PostgreSQL journal (README "A central journal").
struct CentralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "central",
        abstract: "The shared PostgreSQL journal: what this till has sent, send now, publish the catalog and users.",
        subcommands: [Status.self, Sync.self, Publish.self, Pull.self, Conflicts.self, Reservations.self])

    struct Status: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Entries the central journal acknowledged, entries pending, and the last error with its remedy.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let env = try TillEnvironment(global, seedDemo: false, trading: false)
            let settings = try CentralCommand.settings(env.config)
            let state = try env.journal.outboxState()
            let zh = Output.language == .zh
            Output.line(zh ? "中央日志：\(settings.address)（商店 \(settings.shop)，收银机 \(env.config.register.till)）"
                           : "Central journal: \(settings.address) (shop \(settings.shop), till \(env.config.register.till))")
            Output.line(zh ? "已确认：\(state.acknowledged) 条；待发送：\(state.pending) 条（本机共 \(state.head) 条）"
                           : "Acknowledged: \(state.acknowledged); pending: \(state.pending) (of \(state.head) in this till's journal)")
            if let success = state.lastSuccess {
                Output.line((zh ? "上次成功发送：" : "Last sent: ") + CentralCommand.time(success, env.config))
            }
            if let error = state.lastError {
                Output.line((zh ? "上次错误：" : "Last error: ") + error.text(Output.language))
                if let remedy = state.lastRemedy { Output.line("  → " + remedy.text(Output.language)) }
            }
        }
    }

    struct Sync: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send every pending entry to the central journal now, in order; exit 1 naming the cause if it cannot.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let env = try TillEnvironment(global, seedDemo: false, trading: false)
            let settings = try CentralCommand.settings(env.config)
            let journal = env.journal, clock = env.clock
            let outbox = Outbox(source: journal, connection: CentralConnection(settings: settings),
                                till: env.config.register.till, clock: { clock.now })
            let report = try CentralCommand.central { try Blocking.wait { try await outbox.pushPending() } }
            Output.line(Output.language == .zh
                ? "已发送 \(report.stored) 条（\(report.duplicates) 条中央已有）；待发送 \(report.state.pending) 条。"
                : "Sent \(report.stored) entries (\(report.duplicates) already there); pending \(report.state.pending).")
            // Unverified refunds: reconciled once each, the verdict kept in this journal.
            let reconciled = try UnverifiedRefundSync(env: env, settings: settings).run()
            if reconciled.attempted > 0 { Output.line(reconciled.summary(Output.language)) }
        }
    }

    struct Publish: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish this journal's catalog and tax classes, and with --users the chain's users, to every till (a new central revision).",
            discussion: "Run at the back office after `till catalog import`. As an authorised user: --by CODE (permission importCatalog, and manageUsers with --users), the PIN from $TILL_PIN or standard input. Tills apply the newest revision on start and every [central] pull_interval_seconds, each change a chained entry of their own journal; items and users the revision no longer lists stop selling / signing in there. --users FILE: a CSV `code,name,role,pin` listing every user (an empty pin keeps the PIN published last); PINs leave only as hashes keyed with [central] users_key_file, created here when missing.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var credentials: Credentials
        @Flag(help: "For every shop of the chain, not only [shop] code.") var chain = false
        @Option(name: .customLong("users"), help: "A CSV of every user (code,name,role,pin) to publish with the catalog.")
        var usersFile: String?

        func run() throws {
            let env = try TillEnvironment(global, seedDemo: false, trading: false)
            let settings = try CentralCommand.settings(env.config)
            let actor = try credentials.authorise(.importCatalog, env: env)
            let classes = try env.journal.taxClasses()
            let items = try env.journal.catalogItems()
            let shop = chain ? nil : settings.shop
            let users = try usersFile.map { try PublishedUsersFile.list(from: $0, actor: actor, env: env, settings: settings) }
            // With [central] users_key_file the catalog is signed too: tills holding the key take only a signed one.
            let signer = try settings.usersKeyFile.map { _ in try PublishedUsersFile.userKey(settings) }
                .map { key in CatalogPublication.Signer(keyID: key.id, sign: { key.sign($0) }) }
            let revision = try CentralCommand.central {
                try Blocking.wait {
                    try await CatalogPublication.publish(taxClasses: classes, items: items, users: users, signer: signer, by: actor.code,
                                                         shop: shop, connection: CentralConnection(settings: settings))
                }
            }
            let people = users.map { Output.language == .zh ? "，\($0.users.count) 个用户" : ", \($0.users.count) users" } ?? ""
            Output.line(Output.language == .zh
                ? "已发布中央目录第 \(revision) 版：\(classes.count) 个税类，\(items.count) 个商品\(people)。"
                : "Published central catalog revision \(revision): \(classes.count) tax classes, \(items.count) items\(people).")
        }
    }

    struct Pull: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Apply the newest central catalog and users to this till now (a running till does it by itself).")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let env = try TillEnvironment(global, seedDemo: false, trading: false)
            let settings = try CentralCommand.settings(env.config)
            let journal = env.journal
            let pulled = try CentralCommand.central {
                try Blocking.wait {
                    try await CatalogPublication.pull(into: journal, shop: settings.shop, connection: CentralConnection(settings: settings))
                }
            }
            let zh = Output.language == .zh
            guard let pulled else {
                Output.line(zh ? "本机目录和用户已是最新。" : "This till's catalog and users are up to date.")
                return
            }
            Output.line(zh ? "已应用中央目录第 \(pulled.revision) 版：\(pulled.changed) 项更改。"
                           : "Applied central catalog revision \(pulled.revision): \(pulled.changed) changes.")
        }
    }

    /// Runs a central call, telling its failure the CLI's way.
    static func central<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch let failure as CentralFailure {
            throw CLIError(code: failure.code, message: failure.message, remedy: failure.remedy)
        } catch let failure as JournalError {
            throw CLIError(code: failure.code, message: failure.message, remedy: failure.remedy)
        } catch let failure as PublicationProblem {
            throw CLIError(code: failure.code, message: failure.message, remedy: failure.remedy)
        }
    }

    static func settings(_ config: ResolvedConfiguration) throws -> CentralSettings {
        guard let settings = config.central else {
            throw CLIError(code: "central_not_configured", en: "No central journal is configured.", zh: "未配置中央日志。",
                           remedyEn: "Set [central] url = \"postgres://USER@HOST:PORT/DATABASE\" in the configuration file (README, \"A central journal\").",
                           remedyZh: "请在配置文件中设置 [central] url = \"postgres://用户@主机:端口/数据库\"（见 README“A central journal”）。")
        }
        return settings
    }

    static func time(_ at: Timestamp, _ config: ResolvedConfiguration) -> String {
        at.localText(utcOffsetSeconds: config.register.utcOffsetSeconds)
    }
}
