import Foundation
import Testing
import TillCore
import TillDevices
import TillEscPos
import TillVirtualPrinter

/// The customer display driver against the virtual display, over the same transports a real
/// one uses (the serial transport on a pty, TCP): what the customer reads is what it was
/// shown, and a display that cannot be reached is named with its fix.
@Suite(.serialized, .timeLimit(.minutes(5)))  // a hang guard; every wait ends on its condition
struct CustomerDisplayDriverTests {
    static func profile() throws -> CustomerDisplayProfile {
        try CustomerDisplayProfile.load(file: Fixtures.devices + "/displays/generic-vfd-gb18030.json")
    }

    static func waitFor(_ server: VirtualDisplayServer, _ lines: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let deadline = Date().addingTimeInterval(Run.patience)
        while server.lines != lines, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        #expect(server.lines == lines, "the display showed \(server.lines)", sourceLocation: sourceLocation)
    }

    @Test(arguments: ["pty", "tcp"])
    func whatTheDriverIsShownTheVirtualDisplayShows(link: String) throws {
        let profile = try Self.profile()
        let server = try VirtualDisplayServer(display: VirtualCustomerDisplay(profile: profile),
                                              link: link == "pty" ? .pty : .tcp(host: "127.0.0.1", port: 0)) { _ in }
        server.start()
        let address = try PrinterAddress(parsing: link == "pty" ? "serial://\(server.address)?baud=115200" : server.address)
        let driver = CustomerDisplayDriver(address: address, profile: profile)
        driver.start()
        defer { driver.stop() }
        for lines in [["欢迎光临", "Till"], ["Jasmine tea 茉 25.00", "合计           25.00"], ["找零 0.00", "谢谢惠顾"]] {
            let content = CustomerDisplayContent(lines: lines)
            driver.show(content)
            Self.waitFor(server, content.lines)
        }
        #expect(driver.isOnline && driver.problem == nil)
    }

    @Test func aDisplayThatIsNotThereIsNamedWithItsFix() throws {
        let driver = CustomerDisplayDriver(address: try PrinterAddress(parsing: "tcp://127.0.0.1:1"), profile: try Self.profile())
        driver.start()
        defer { driver.stop() }
        driver.show(CustomerDisplayContent(lines: ["WELCOME"]))
        let deadline = Date().addingTimeInterval(Run.patience)
        while driver.problem == nil, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        let problem = try #require(driver.problem)
        #expect(problem.message.en.hasPrefix("Customer display: ") && problem.message.zh.hasPrefix("客显："))
        #expect(!driver.isOnline)
    }
}
