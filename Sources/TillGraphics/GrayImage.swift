/// An 8-bit grayscale image, row-major, 0 = black and 255 = white: what images are reduced to
/// before dithering to a printer's 1-bit dots.
public struct GrayImage: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, pixels: [UInt8]) {
        precondition(width >= 0 && height >= 0 && pixels.count == width * height, "pixel data does not match the image size")
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    public init(width: Int, height: Int, fill: UInt8 = 255) {
        self.init(width: width, height: height, pixels: [UInt8](repeating: fill, count: width * height))
    }

    public subscript(x: Int, y: Int) -> UInt8 {
        get { pixels[y * width + x] }
        set { pixels[y * width + x] = newValue }
    }

    /// Luminance of an RGB(A) pixel (ITU-R 601 weights, as most image tools use), alpha composed
    /// over white paper so transparent logo backgrounds print white.
    public static func luminance(r: UInt8, g: UInt8, b: UInt8, a: UInt8 = 255) -> UInt8 {
        let y = (299 * Int(r) + 587 * Int(g) + 114 * Int(b)) / 1000
        let alpha = Int(a)
        return UInt8((y * alpha + 255 * (255 - alpha)) / 255)
    }

    /// The image scaled (area-averaged when shrinking, nearest when growing) to `newWidth`
    /// dots, keeping the aspect ratio: logos wider than the paper are fitted to it.
    public func scaled(toWidth newWidth: Int) -> GrayImage {
        guard newWidth > 0, width > 0, newWidth != width else { return self }
        let newHeight = max(1, (height * newWidth + width / 2) / width)
        var out = [UInt8](repeating: 255, count: newWidth * newHeight)
        for ny in 0..<newHeight {
            let y0 = ny * height / newHeight
            let y1 = max(y0 + 1, (ny + 1) * height / newHeight)
            for nx in 0..<newWidth {
                let x0 = nx * width / newWidth
                let x1 = max(x0 + 1, (nx + 1) * width / newWidth)
                var sum = 0
                for y in y0..<y1 { for x in x0..<x1 { sum += Int(pixels[y * width + x]) } }
                out[ny * newWidth + nx] = UInt8(sum / ((y1 - y0) * (x1 - x0)))
            }
        }
        return GrayImage(width: newWidth, height: newHeight, pixels: out)
    }
}
