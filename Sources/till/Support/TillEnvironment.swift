import Foundation
import TillCore
import TillGraphics
import TillDevices
import TillEscPos
import TillVirtualPrinter
import TillJournal
import TillRuntime

/// Opens what a command needs: the journal (seeding demo data into a new one), the printer and
/// the runtime.
struct TillEnvironment {
    let config: ResolvedConfiguration
    let journal: JournalDatabase
    let journalPath: String
    /// In training: the shop's journal, whose users sign in (nil when the shop has none yet).
    let shopJournal: JournalDatabase?
    /// The one clock of this process: the runtime reads it and the journal dates its own changes
    /// by it. The system's, except while demo history is written or where `ClockOverride` allows.
    let clock = TillClock()

    /// `testJournal`: mark a new journal as a test journal first (`ClockOverride`); refused on one with entries.
    /// `trading: false` for commands that only inspect the journal (verify, export, slips): they
    /// run even when the journal is behind its anchor, to report it. Every other command refuses
    /// then, before anything is written.
    init(_ options: GlobalOptions, training: Bool = false, seedDemo: Bool = true, trading: Bool = true,
         testJournal: Bool = false) throws {
        config = try options.resolve()
        journalPath = options.journalPath(config, training: training)
        let chainUserKey = try config.central?.usersKeyFile.flatMap { try ChainUserKey.load(path: $0) }
        journal = try JournalDatabase(path: journalPath, keyFile: options.keyFilePath(config, training: training),
                                      pinHashRounds: config.pinHashRounds, pinPolicy: config.pinPolicy,
                                      chainUserKey: chainUserKey, clock: { [clock] in clock.now })
        if trading { try journal.ensureNotBehindAnchor() }
        shopJournal = training ? try Self.openShopJournal(options, config) : nil
        if testJournal {
            // Dated at the start of the documented time range: the mark precedes every entry,
            // including demo history written at past times.
            try journal.markAsTestJournal(at: ValueLimits.earliestTime)
        }
        if seedDemo, !options.noDemo, try journal.users().isEmpty {
            Output.error(Output.language == .zh ? "首次运行：正在写入演示数据到 \(journalPath) …"
                                                : "First run: writing demo data to \(journalPath) …")
            try DemoData.seed(journal: journal, config: config.register, clock: clock)
        }
        if trading { try TaxClassSetting.apply(config.taxClasses, to: journal) }
    }

    /// The shop's journal beside a training journal, when it exists and has users.
    private static func openShopJournal(_ options: GlobalOptions, _ config: ResolvedConfiguration) throws -> JournalDatabase? {
        let path = options.journalPath(config)
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        let chainUserKey = try config.central?.usersKeyFile.flatMap { try ChainUserKey.load(path: $0) }
        let shop = try JournalDatabase(path: path, keyFile: options.keyFilePath(config), pinHashRounds: config.pinHashRounds,
                            pinPolicy: config.pinPolicy, chainUserKey: chainUserKey)
        return try shop.users().isEmpty ? nil : shop
    }

    /// A printer, and the in-process virtual printer behind it when it is the built-in one
    /// (drills inject their faults there).
    struct PrinterSetup {
        let printer: SlipPrinter
        let virtual: VirtualPrinter?
    }

    func makePrinter() throws -> SlipPrinter { try Self.makePrinterSetup(config).printer }

    /// The printer `printer.url` / `--printer` names: "text" (plain files), "virtual" (the
    /// built-in virtual printer), or a device URL (usb://, lp://, serial://, tcp://) driven by
    /// `PrinterDriver` with the profile from `printer.profile` / `--printer-profile`. A printer
    /// that is off or unplugged does not stop the till: its slips fail with the cause, and each
    /// job reconnects.
    static func makePrinterSetup(_ config: ResolvedConfiguration) throws -> PrinterSetup {
        if config.printerURL == "text" {
            do {
                return PrinterSetup(printer: try TextFilePrinter(directory: URL(fileURLWithPath: config.slipDirectory),
                                                                 columns: config.printerColumns), virtual: nil)
            } catch {
                throw CLIError(code: "slip_folder_not_creatable", en: "Cannot create the slip folder \(config.slipDirectory): \(ErrorCause.text(error).en)",
                               zh: "无法创建小票文件夹 \(config.slipDirectory)：\(ErrorCause.text(error).zh)",
                               remedyEn: "Pass --slips DIR with a folder you can write, or fix its permissions.",
                               remedyZh: "请用 --slips DIR 指定可写的文件夹，或修正权限。")
            }
        }
        let address: PrinterAddress
        do { address = try PrinterAddress(parsing: config.printerURL) } catch let e as AddressError {
            throw CLIError(code: "printer_address_unreadable", en: e.description, zh: "未知的打印机 \"\(config.printerURL)\"：\(e.why)。",
                           remedyEn: "Use --printer virtual, text, or one of: \(AddressError.forms)",
                           remedyZh: "请使用 --printer virtual、text，或以下形式之一：\(AddressError.forms)")
        }
        var profile: PrinterProfile
        let library: ProfileLibrary
        let auto = config.printerProfile == "auto"
        do {
            let devices = try DevicesDirectory.resolve(config.devicesDirectory)
            library = try ProfileLibrary(directory: devices + "/printers")
            // "auto": the printer is asked below; the built-in virtual printer emulates generic-80.
            profile = try library.profile(auto ? "generic-80" : config.printerProfile)
        } catch {
            let cause = ErrorCause.text(error)
            throw CLIError(code: "printer_profile_unloadable", en: "Cannot load printer profile \"\(config.printerProfile)\": \(cause.en)",
                           zh: "无法加载打印机配置 “\(config.printerProfile)”：\(cause.zh)",
                           remedyEn: "Set printer.profile to a file name in Devices/printers (without .json), or printer.devices_dir / TILL_DEVICES_DIR to the Devices folder.",
                           remedyZh: "请将 printer.profile 设为 Devices/printers 中的文件名（不含 .json），或用 printer.devices_dir / TILL_DEVICES_DIR 指定 Devices 文件夹。")
        }
        var virtualLink: VirtualPrinterLink?
        if case .virtual = address {
            virtualLink = try VirtualPrinterLink(profile: profile, directory: config.slipDirectory, controlSocket: config.printerControl)
        }
        let transport: PrinterTransport
        do {
            transport = try TransportFactory.make(address, virtual: virtualLink.map { link in { link.transport() } })
        } catch let e as PrinterDeviceError {
            throw CLIError(e)
        }
        if auto {
            let choice = ProfileChoice.identify(transport: transport, library: library, fallback: profile)
            if case .fallback = choice.reason { Output.error(choice.explanation.text(Output.language)) }
            profile = choice.profile
        }
        let driver = PrinterDriver(transport: transport, profile: profile)
        if let logoFile = config.logoFile { driver.logo = try shopLogo(logoFile, profile: profile, config: config) }
        driver.start()
        return PrinterSetup(printer: driver, virtual: virtualLink?.printer)
    }

    /// The runtime on this journal; `printer` defaults to the configured one. `readOnly`: for a
    /// command that gives out no document number (an X report, a reprint), which may run beside
    /// the till that holds the lock; `ReadOnlyActions` limits what it may send.
    func makeRuntime(training: Bool = false, printer: SlipPrinter? = nil, readOnly: Bool = false) throws -> RegisterRuntime {
        var register = config.register
        register.training = training
        if !readOnly {
            // One process per till on a journal: a second would give out the same receipt numbers.
            try TillLock.acquire(journal: journalPath, till: register.till)
            // The settings money depends on are in the chain before any sale made under them.
            _ = try journal.recordMoneySettings(MoneySettings(register))
            // Under the lock: reservations this till left when it last stopped mid-refund.
            if !training { settleLeftReservations() }
        }
        let runtime = try RegisterRuntime(config: register, journal: journal, printer: try printer ?? makePrinter(), clock: { clock.now })
        if training { runtime.people = shopJournal }
        attachCentralJournal(runtime)   // [central] url: cross-till look-ups and refund reservations
        return runtime
    }

    /// The logo dithered to the profile's paper, with the file that remembers what this printer
    /// holds in NV memory (one per printer URL and profile, in DATA_DIR/printers).
    static func shopLogo(_ path: String, profile: PrinterProfile, config: ResolvedConfiguration) throws -> ShopLogo {
        let image: GrayImage
        do { image = try ImageLoader.load(path: path) } catch {
            throw CLIError(code: "logo_unloadable", en: "Cannot load the shop logo \(path): \(ErrorCause.text(error).en)",
                           zh: "无法加载店铺标志 \(path)：\(ErrorCause.text(error).zh)",
                           remedyEn: "Give shop.logo_file a PNG, PGM or PBM file you can read, or remove it.",
                           remedyZh: "请为 shop.logo_file 指定可读取的 PNG、PGM 或 PBM 文件，或删除该项。")
        }
        let name = (config.printerURL + "-" + profile.id).map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }
        return ShopLogo(bitmap: ImageLoader.bitmap(image, dots: profile.media.dots, dither: .floydSteinberg),
                        statePath: config.dataDirectory + "/printers/" + String(name) + "-nv.json")
    }
}
