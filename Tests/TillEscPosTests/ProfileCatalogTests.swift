import Foundation
import Testing
import TillCore
import TillVirtualPrinter
@testable import TillEscPos

/// The profile collection as a whole: enough real models, an honest source on each, and the
/// defaults that would otherwise print garbage.
struct ProfileCatalogTests {
    static let all = Profiles.library.ids.map(Profiles.get)

    @Test func thereAreAtLeastFortyProfilesEachSayingWhereItsValuesComeFrom() throws {
        #expect(Self.all.count >= 40)
        for p in Self.all {
            #expect(p.source != nil, "\(p.id)")
            if p.source == .database {
                #expect(p.notes.contains("escpos-printer-db") && p.notes.contains("CC BY 4.0"), "\(p.id): attribution missing")
            }
        }
        let attribution = try String(contentsOfFile: Repo.printers + "/ATTRIBUTION.md", encoding: .utf8)
        #expect(attribution.contains("CC BY 4.0") && attribution.contains("escpos-printer-db"))
        // The common models shops own.
        for id in ["epson-tm-m30ii", "epson-tm-m30iii", "epson-tm-t82x", "star-tsp143iv-escpos", "star-tsp650ii-escpos",
                   "bixolon-srp-350iii", "citizen-ct-s310ii", "hprt-tp805", "rongta-rp326", "sunmi-v2", "zjiang-pos-5890", "xprinter-xp-80c"] {
            #expect(Profiles.library.profiles[id] != nil, "\(id) missing")
        }
    }

    @Test func aProfileWithoutASourceIsRefusedNamingTheField() {
        var p = Profiles.get("generic-80")
        p.source = nil
        #expect(p.problems().contains { $0.hasPrefix("source:") })
    }

    /// The common 58 mm clones have no GS k: a barcode on generic-58 goes as raster and still
    /// scans back from the paper.
    @Test func generic58SendsBarcodesAsRaster() throws {
        let p = Profiles.get("generic-58")
        #expect(p.barcodes.native.isEmpty)
        for symbology in Symbology.printedOnSlips {
            let data = ["ean13": "4006381333931", "ean8": "96385074", "upcA": "036000291452", "code39": "TILL-58",
                        "itf": "12345678901231", "code128": "S01-000123"][symbology.rawValue] ?? "1234"
            let doc = SlipDocument(kind: .sale, reference: "B", blocks: [.barcode(symbology, data)], training: false)
            let job = try Profiles.encoder("generic-58").encode(doc)
            #expect(!job.bytes.contains([0x1D, 0x6B]), "\(symbology): GS k sent")
            let printer = VirtualPrinter(profile: p)
            printer.receive(job.bytes)
            printer.finish()
            #expect(printer.pages.flatMap(\.page.items).contains { if case .image = $0 { return true } else { return false } })
        }
    }

    /// Star's ESC/POS emulation numbers its code pages its own way (CP1252 is 32): every Star
    /// profile agrees with the database's Star entries on every number both list.
    @Test func starCodePagesAgreeWithTheDatabase() throws {
        let database = Self.all.filter { $0.source == .database && $0.vendor.lowercased().hasPrefix("star") }
        #expect(!database.isEmpty)
        for star in Self.all where star.vendor.lowercased().hasPrefix("star") {
            for reference in database {
                for (n, encoding) in star.codePages where !encoding.hasPrefix("x-") {
                    if let expected = reference.codePages[n], !expected.hasPrefix("x-") {
                        #expect(expected == encoding, "\(star.id) ESC t \(n) = \(encoding), \(reference.id) says \(expected)")
                    }
                }
            }
            #expect(star.codePages["32"] == "CP1252", "\(star.id)")
        }
    }

    /// A model without a Chinese mode cancels one anyway (FS .) right after ESC @: a unit
    /// switched to Chinese at power-on must print "TOTAL ¥" as Latin, not as GB18030 pairs.
    @Test(arguments: Profiles.library.ids)
    func aJobStartsByLeavingAnyChineseModeTheModelLacks(profileId: String) throws {
        let p = Profiles.get(profileId)
        let doc = SlipDocument(kind: .sale, reference: "Y", blocks: [.pair("TOTAL ¥", "12.00", .plain), .text("Café é ü", .plain)], training: false)
        let job = try Profiles.encoder(profileId).encode(doc)
        #expect(Array(job.bytes.prefix(preamble(p).count)) == preamble(p))
        guard p.multibyte.isEmpty else { return }
        var leftInChinese = p
        leftInChinese.multibyte = [.init(encoding: "GB18030", enter: "FS &", exit: "FS .", activeAtPowerOn: true, fourByteSequences: false)]
        let printer = VirtualPrinter(profile: leftInChinese)
        printer.receive(job.bytes)
        printer.finish()
        let text = printer.pages.map(\.text).joined()
        #expect(text.contains("TOTAL ¥") && text.contains("Café é ü"), "\(profileId):\n\(text)")
    }

    @Test(arguments: Profiles.library.ids)
    func theDisplayNameNamesTheVendorOnce(profileId: String) {
        let p = Profiles.get(profileId)
        let lower = p.displayName.lowercased(), vendor = p.vendor.lowercased()
        #expect(lower.hasPrefix(vendor))
        #expect(!lower.dropFirst(vendor.count).trimmingCharacters(in: .whitespaces).hasPrefix(vendor), "\(p.displayName)")
    }

    /// Every model the virtual printer emulates says who it is (GS I 66/67) and is identified
    /// as a profile of that maker and model (two database entries share a name: RP-F10).
    @Test(arguments: Profiles.library.ids)
    func anEmulatedPrinterIsIdentifiedAsItsOwnModel(profileId: String) throws {
        let p = Profiles.get(profileId)
        let printer = VirtualPrinter(profile: p)
        func ask(_ n: UInt8) -> String? {
            let reply = printer.receive([0x1D, 0x49, n])
            guard reply.first == 0x5F, reply.last == 0 else { return nil }
            return String(decoding: reply.dropFirst().dropLast(), as: UTF8.self)
        }
        let maker = ask(66), model = ask(67)
        #expect(model.map { !$0.lowercased().hasPrefix(p.vendor.lowercased() + " ") } ?? false, "GS I 67 repeats the maker: \(model ?? "nil")")
        let found = try #require(Profiles.library.identify(maker: maker, model: model), "\(profileId): \(maker ?? "?") \(model ?? "?")")
        #expect(found.profile.displayName == p.displayName && found.quality == .exact, "\(profileId) identified as \(found.profile.id)")
    }

    /// Printers spell their model names loosely (case, hyphens, spaces): any such spelling of
    /// a profile's model finds a profile of that model; the seed is printed on failure.
    @Test func looseSpellingsOfAModelNameIdentifyTheSameModel() throws {
        let seed = UInt64(Date().timeIntervalSince1970)
        var rng = StreamFuzzer(seed: seed)
        for p in Self.all {
            let vendorFirst = p.name.lowercased().hasPrefix(p.vendor.lowercased() + " ")
            let model = vendorFirst ? String(p.name.dropFirst(p.vendor.count + 1)) : p.name
            for _ in 0..<5 {
                var spelt = ""
                for ch in model {
                    if ch == "-" || ch == " " { if rng.below(2) == 0 { spelt.append([" ", "-", "_"][rng.below(3)]) }; continue }
                    spelt.append(rng.below(2) == 0 ? Character(ch.uppercased()) : Character(ch.lowercased()))
                }
                let maker = rng.below(2) == 0 ? p.vendor.uppercased() : nil
                let found = try #require(Profiles.library.identify(maker: maker, model: spelt), "seed \(seed): \(spelt) (\(p.id))")
                #expect(found.profile.displayName.lowercased() == p.displayName.lowercased(), "seed \(seed): \(spelt) → \(found.profile.id), not \(p.id)")
            }
        }
    }

    @Test func identifyRefusesAnotherMakersModelAndUnknownNames() {
        #expect(Profiles.library.identify(maker: "STAR", model: "TM-T88VI") == nil)
        #expect(Profiles.library.identify(maker: "EPSON", model: "TM-T88VI")?.profile.id == "epson-tm-t88vi")
        #expect(Profiles.library.identify(maker: "EPSON", model: "TM-T88V")?.profile.id == "epson-tm-t88v")
        #expect(Profiles.library.identify(maker: nil, model: "ZZ-9999") == nil)
        #expect(Profiles.library.identify(maker: nil, model: "") == nil)
    }
}
