import Foundation
import TillEscPos
import TillGraphics

/// The shop logo a printer prints at the top of receipts. Where the profile has NV graphics it
/// is stored in the printer once (GS ( L) and printed by key afterwards; `statePath` remembers,
/// per printer, what its NV memory holds, so a receipt costs a few bytes for the logo instead
/// of the whole image.
public struct ShopLogo: Sendable {
    public var bitmap: Bitmap
    public var key: String
    /// The NV state file for this printer; nil sends the logo as raster every time.
    public var statePath: String?

    public init(bitmap: Bitmap, key: String = "LG", statePath: String?) {
        self.bitmap = bitmap
        self.key = key
        self.statePath = statePath
    }

    /// The encode options for a job on `profile`, with the NV state as last saved.
    func options(for profile: PrinterProfile) -> EncodeOptions {
        var options = EncodeOptions()
        options.logo = bitmap
        options.logoKey = key
        if profile.nvGraphics.supported, let statePath {
            // A missing or unreadable state means "nothing stored yet": the logo is defined again.
            options.nvState = (try? NVGraphicsState.load(path: statePath)) ?? NVGraphicsState()
        }
        return options
    }

    /// After a job printed: what the printer's NV memory now holds.
    func remember(_ state: NVGraphicsState?) {
        guard let state, let statePath else { return }
        try? FileManager.default.createDirectory(atPath: (statePath as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try? state.save(path: statePath)
    }
}
