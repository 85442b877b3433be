import Foundation
import TillGraphics

public enum ImageLoadError: Error, CustomStringConvertible, Equatable {
    case missing(String)
    case unknownFormat(String)
    case tooWide(width: Int, dots: Int)

    public var description: String {
        switch self {
        case .missing(let path): return "image \(path) not found"
        case .unknownFormat(let path): return "image \(path) is neither PNG nor PBM/PGM: convert it (e.g. `pngtopnm`, or save as PNG)"
        case .tooWide(let width, let dots): return "image is \(width) dots wide but the printer prints \(dots): scale it first"
        }
    }
}

/// Loads PNG, PGM and PBM images and turns them into printer dots fitted to the paper.
public enum ImageLoader {
    public static func load(path: String) throws -> GrayImage {
        guard let data = FileManager.default.contents(atPath: path) else { throw ImageLoadError.missing(path) }
        return try decode(Array(data), name: path)
    }

    public static func decode(_ bytes: [UInt8], name: String = "image") throws -> GrayImage {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            let png = try PNG.decode(bytes)
            return GrayImage(width: png.width, height: png.height, pixels: png.gray())
        }
        if bytes.count > 2, bytes[0] == 0x50, (0x31...0x36).contains(bytes[1]) { return try PNM.decode(bytes) }
        throw ImageLoadError.unknownFormat(name)
    }

    /// Scaled down to the printable width when wider, then dithered.
    public static func bitmap(_ image: GrayImage, dots: Int, dither: Dither.Method) -> Bitmap {
        let fitted = image.width > dots ? image.scaled(toWidth: dots) : image
        return Dither.apply(dither, to: fitted)
    }
}
