import Foundation
import TillGraphics

/// Writes each finished page as NNN.png and NNN.txt (001, 002 …) into a folder and describes
/// it in one line, e.g. `001 cut partial  14 lines  512x812 dots  out/001.png out/001.txt`.
public final class PageWriter: @unchecked Sendable {  // state behind `lock`
    public let directory: String
    private let lock = NSLockBox()
    private let font: BitmapFont?

    public init(directory: String, font: BitmapFont? = VirtualPrinter.defaultFont()) throws {
        self.directory = directory
        self.font = font
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw SystemCallError("mkdir \(directory)", code: EACCES, hint: "choose a writable --out folder")
        }
    }

    /// Writes the pages; returns one summary line per page.
    public func write(_ pages: [RenderedPage]) throws -> [String] {
        try lock.withLock {
            var lines: [String] = []
            for page in pages {
                let name = String(format: "%03d", page.number)
                let pngPath = directory + "/" + name + ".png"
                let txtPath = directory + "/" + name + ".txt"
                let bitmap = page.bitmap(font: font)
                let png = PNG.encode(bitmap.height == 0 ? Bitmap(width: page.width, height: 1) : bitmap)
                try Data(png).write(to: URL(fileURLWithPath: pngPath))
                try Data(page.text.utf8).write(to: URL(fileURLWithPath: txtPath))
                let textLines = page.page.items.filter { if case .line = $0 { return true } else { return false } }.count
                let how = page.page.cut.map { "cut \($0.rawValue)" } ?? "not cut"
                lines.append("\(name) \(how)  \(textLines) lines  \(bitmap.width)x\(bitmap.height) dots  \(pngPath) \(txtPath)")
            }
            return lines
        }
    }
}
