import ArgumentParser
import TillDevices
import TillRuntime

/// `till printer test URL --page all|text|codepages|cjk|barcodes|qr|image|cut|drawer`: prints
/// real test pages through the driver, each as one job with status before and after.
struct PrinterTestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Print test pages: text, code pages, CJK, barcodes, QR, image, cut, drawer."
    )

    @OptionGroup var connection: PrinterConnectionOptions

    @Option(help: "all, \(TestPage.Kind.allCases.map(\.rawValue).joined(separator: ", ")).", completion: CompletionValues.testPages)
    var page: String = "all"

    func run() throws {
        let kind: TestPage.Kind?
        if page == "all" { kind = nil } else {
            guard let k = TestPage.Kind(rawValue: page) else {
                throw ValidationError("--page must be all or one of \(TestPage.Kind.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            kind = k
        }
        let (driver, _) = try connection.driver()
        defer { driver.close() }
        let pages = try TestPage.build(kind, profile: driver.profile)
        var failed = false
        for p in pages {
            let outcome = driver.printJob(p.bytes)
            say("\(p.kind.rawValue): \(p.bytes.count) bytes: \(outcome.line)")
            if outcome != .printed { failed = true }
        }
        if failed { throw ExitCode(1) }
    }
}
