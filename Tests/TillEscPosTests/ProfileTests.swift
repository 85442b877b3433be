import Foundation
import Testing
@testable import TillEscPos

struct ProfileTests {
    @Test func everyProfileFileLoadsAndValidates() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Repo.printers).filter { $0.hasSuffix(".json") }
        #expect(files.count >= 10)
        for file in files {
            let profile = try ProfileLibrary.load(file: Repo.printers + "/" + file)
            #expect(profile.problems().isEmpty, "\(file): \(profile.problems())")
            #expect(!profile.notes.isEmpty, "\(file) must say what is unconfirmed")
        }
    }

    @Test func theRequiredModelsArePresent() {
        let ids = Set(Profiles.library.ids)
        for id in ["epson-tm-t20iii", "epson-tm-t88vi", "epson-tm-t82iii", "xprinter-xp-58", "xprinter-xp-n160ii",
                   "gprinter-gp-80250iv", "star-mc-print3-escpos", "zijiang-zj-5870", "generic-58", "generic-80"] {
            #expect(ids.contains(id), "missing profile \(id)")
        }
    }

    @Test func publishedFactsAreRecorded() {
        let t88 = Profiles.get("epson-tm-t88vi")
        #expect(t88.media.dots == 512 && t88.media.dpi == 180 && t88.media.widthMM == 80)
        #expect(t88.fonts.map(\.columns) == [42, 56])
        #expect(t88.usb.contains { $0.vendorId == "04b8" })
        let zj = Profiles.get("zijiang-zj-5870")
        #expect(zj.media.dots == 384 && zj.media.dpi == 203 && zj.fontA.columns == 32)
        #expect(!zj.qr.native && !zj.hasCutter)
        #expect(!Profiles.get("xprinter-xp-58").hasCutter)
        #expect(Profiles.get("epson-tm-t82iii").multibyte.first?.encoding == "GB18030")
    }

    @Test func usbDiscoveryFindsEpsonByIds() {
        let found = Profiles.library.matching(vendorId: 0x04B8, productId: 0x0202).map(\.id)
        #expect(found.contains("epson-tm-t88vi"))
    }

    @Test func aBrokenProfileIsRefusedNamingTheField() throws {
        var p = Profiles.get("generic-80")
        p.fonts[0].columns = 60          // 60 × 12 dots > 576
        p.codePages["16"] = "CP9999"     // not an iconv encoding
        p.drawer.pulseMs = 1000
        p.usb = [.init(vendorId: "4B8", productId: "0202")]
        let problems = p.problems()
        #expect(problems.contains { $0.hasPrefix("fonts[0]") })
        #expect(problems.contains { $0.hasPrefix("codePages[16]") && $0.contains("CP9999") })
        #expect(problems.contains { $0.hasPrefix("drawer.pulseMs") })
        #expect(problems.contains { $0.hasPrefix("usb.vendorId") })

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("till-profiles-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("generic-80.json")
        try JSONEncoder().encode(p).write(to: file)
        #expect(throws: ProfileError.self) { try ProfileLibrary.load(file: file.path) }
        try Data("{\"schema\": 1}".utf8).write(to: file)
        do {
            _ = try ProfileLibrary.load(file: file.path)
            Issue.record("a profile without fields loaded")
        } catch let error as ProfileError {
            #expect(error.description.contains("missing field"))
        }
    }

    @Test func fileNameMustMatchId() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("till-profiles-\(UUID())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("other-name.json")
        try JSONEncoder().encode(Profiles.get("generic-58")).write(to: file)
        #expect(throws: ProfileError.idMismatch(path: file.path, id: "generic-58")) { try ProfileLibrary.load(file: file.path) }
    }
}
