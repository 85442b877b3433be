import Foundation
import Testing
import TillGraphics
import TillVirtualPrinter
@testable import TillEscPos

/// The command set is a seam: a profile names it (`commandSet`, escpos by default), the
/// driver takes encoder, status queries, reply framing, drawer kick and NV graphics from it,
/// and a name this build lacks is refused naming the ones it has.
struct CommandSetTests {
    @Test func everyShippedProfileSpeaksEscPos() {
        for id in Profiles.library.ids { #expect(Profiles.get(id).commands.id == "escpos", "\(id)") }
        #expect(CommandSets.ids == ["escpos"])
    }

    @Test(arguments: ["star-line", "ESCPOS", ""])
    func anUnknownCommandSetIsRefusedWithTheValidList(value: String) throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("till-cmdset-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Repo.printers + "/generic-80.json"))) as! [String: Any]
        json["commandSet"] = value
        let file = dir.appendingPathComponent("generic-80.json")
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        #expect { try ProfileLibrary.load(file: file.path) } throws: { error in
            "\(error)".contains("commandSet \"\(value)\"") && "\(error)".contains("use one of escpos")
        }
        json["commandSet"] = "escpos"
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        #expect(try ProfileLibrary.load(file: file.path).commands.id == "escpos")
    }

    /// What the seam sends is what a printer understands: the virtual printer decodes the
    /// drawer kick and NV commands, answers the status queries, and the set's own framer
    /// reads each answer.
    @Test func theEscPosCommandSetsBytesAreUnderstoodByThePrinter() throws {
        let profile = Profiles.get("epson-tm-t88vi")
        let commands = profile.commands
        for pin in [2, 5] {
            var parser = EscPosParser()
            let decoded = parser.feed(commands.drawerKick(pin: pin, pulseMs: 120)).map(\.command)
            #expect(decoded == [.drawerKick(pin: pin, onMs: 120, offMs: 120)])
        }
        var logo = Bitmap(width: 16, height: 8)
        logo[3, 3] = true
        var parser = EscPosParser()
        let nv = parser.feed(commands.nvDeleteAll() + commands.nvDefine(key: (0x4C, 0x47), image: logo) + commands.nvPrint(key: (0x4C, 0x47))).map(\.command)
        #expect(nv == [.nvDeleteAll, .nvDefine(key: [0x4C, 0x47], logo), .nvPrint(key: [0x4C, 0x47], scaleX: 1, scaleY: 1)], "\(nv)")
        let printer = VirtualPrinter(profile: profile)
        var framer = commands.makeReplyFramer()
        for n in commands.statusQueries {
            framer.feed(printer.receive(commands.statusQuery(n)))
            #expect(framer.next() != nil, "no reply to status query \(n)")
        }
        let job = try commands.slipEncoder(profile).encode(ChineseWithoutFontTests.fiveLineChineseSale(), options: EncodeOptions())
        _ = printer.receive(job.bytes)
        printer.finish()
        #expect(printer.pages.map(\.text).joined().contains("茉莉花茶"))
    }
}
