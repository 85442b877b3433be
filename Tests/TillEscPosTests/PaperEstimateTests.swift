import Testing
import TillCore
import TillVirtualPrinter
@testable import TillEscPos

/// The driver waits for a job's confirmation as long as the paper it moves takes; that paper
/// is now read from the job's bytes by the encoder's opcode table (`EscPosPaperEstimate`), not
/// by running the emulator. For every slip template on every kind of profile, the estimate is
/// never short of what the emulator feeds (a short wait would call a good job unconfirmed) and
/// not far over it.
struct PaperEstimateTests {
    static let profiles = ["generic-80", "generic-58", "epson-tm-t88vi", "epson-tm-t82x", "sunmi-v2", "epson-tm-t20iii"]

    @Test func theEstimateCoversTheEmulatorsPaper() throws {
        for id in Self.profiles {
            let profile = Profiles.get(id)
            for (name, doc) in SlipFixtures.allDocuments() {
                let bytes = try SlipEncoder(profile: profile).encode(doc).bytes
                let emulated = VirtualPrinter.paperTravel(of: bytes, profile: profile)
                let estimated = EscPosPaperEstimate.dots(of: bytes, profile: profile)
                #expect(estimated >= emulated, "\(id) \(name): estimate \(estimated) dots, emulator \(emulated)")
                #expect(estimated <= emulated + emulated / 5 + 48, "\(id) \(name): estimate \(estimated) dots, emulator \(emulated)")
            }
        }
    }

    @Test func feedsRastersAndCutsCount() {
        let profile = Profiles.get("epson-tm-t88vi")
        let raster: [UInt8] = [0x1D, 0x76, 0x30, 0, 1, 0, 40, 0] + [UInt8](repeating: 0xFF, count: 40)
        let job: [UInt8] = [0x1B, 0x4A, 30] + raster + [0x1D, 0x56, 66, 12]
        #expect(EscPosPaperEstimate.dots(of: job, profile: profile) == 30 + 40 + 12)
        #expect(EscPosPaperEstimate.dots(of: job, profile: profile) == VirtualPrinter.paperTravel(of: job, profile: profile))
    }
}
