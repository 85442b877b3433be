import Foundation
import TillCore
import Synchronization
import TillGraphics

/// Writes each finished page as NNN.png and NNN.txt into a folder and describes it in one
/// line, e.g. `001 cut partial  14 lines  512x812 dots  out/001.png out/001.txt`. Never
/// overwrites a page: numbering goes on after the highest number already in the folder, and
/// each name is claimed with an exclusive create, so other runs, other tills writing into the
/// same folder and reprints all get pages of their own.
public final class PageWriter: Sendable {
    public let directory: String
    private let font: BitmapFont?
    /// The last number this writer used or saw in the folder; held for a whole `write`, so
    /// two threads writing pages never claim names in between each other.
    private let last: Mutex<Int>
    /// False: only NNN.txt is written (no picture drawn): a fast text capture.
    private let pictures: Bool

    public init(directory: String, font: BitmapFont? = VirtualPrinter.defaultFont(), pictures: Bool = true) throws {
        self.directory = directory
        self.font = font
        self.pictures = pictures
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw SystemCallError("mkdir \(directory)", errno: EACCES, hint: LocalizedText(en: "Choose a writable --out folder.", zh: "请选择可写的 --out 文件夹。"))
        }
        last = Mutex(PageWriter.highestNumber(in: directory))
    }

    /// The highest NNN of the NNN.png / NNN.txt files in `directory` (0 when none).
    static func highestNumber(in directory: String) -> Int {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.compactMap { name -> Int? in
            guard name.hasSuffix(".png") || name.hasSuffix(".txt") else { return nil }
            let stem = name.dropLast(4)
            guard !stem.isEmpty, stem.count <= 9, stem.allSatisfy(\.isASCII), stem.allSatisfy(\.isNumber) else { return nil }
            return Int(stem)
        }.max() ?? 0
    }

    /// Writes the pages; returns one summary line per page.
    public func write(_ pages: [RenderedPage]) throws -> [String] {
        try last.withLock { last in
            var lines: [String] = []
            for page in pages {
                let bitmap = pictures ? page.bitmap(font: font) : Bitmap(width: page.width, height: 0)
                let png = pictures ? PNG.encode(bitmap.height == 0 ? Bitmap(width: page.width, height: 1) : bitmap) : []
                let (name, pngFD, txtFD) = try claimName(after: &last)
                let pngPath = directory + "/" + name + ".png", txtPath = directory + "/" + name + ".txt"
                let wrote = Sockets.writeAll(pngFD, png) && Sockets.writeAll(txtFD, Array(page.text.utf8))
                close(pngFD)
                close(txtFD)
                guard wrote else { throw SystemCallError("write \(pngPath)", hint: LocalizedText(en: "Check the free space in \(directory).", zh: "请检查 \(directory) 的剩余空间。")) }
                let textLines = page.page.items.filter { if case .line = $0 { return true } else { return false } }.count
                let how = page.page.cut.map { "cut \($0.rawValue)" } ?? "not cut"
                lines.append("\(name) \(how)  \(textLines) lines  \(bitmap.width)x\(bitmap.height) dots  \(pngPath) \(txtPath)")
            }
            return lines
        }
    }

    /// The next free NNN, with both its files created exclusively (a name someone else took
    /// since is skipped, never reused).
    private func claimName(after last: inout Int) throws -> (String, Int32, Int32) {
        while true {
            last += 1
            let name = String(format: "%03d", last)
            // The .png name is claimed even when no picture is drawn, so names stay paired.
            let png = open(directory + "/" + name + ".png", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if png < 0 {
                if errno == EEXIST { continue }
                throw SystemCallError("create \(directory)/\(name).png", hint: LocalizedText(en: "Choose a writable --out folder.", zh: "请选择可写的 --out 文件夹。"))
            }
            let txt = open(directory + "/" + name + ".txt", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if txt < 0 {
                let e = errno
                close(png)
                unlink(directory + "/" + name + ".png")
                if e == EEXIST { continue }
                throw SystemCallError("create \(directory)/\(name).txt", errno: e, hint: LocalizedText(en: "Choose a writable --out folder.", zh: "请选择可写的 --out 文件夹。"))
            }
            return (name, png, txt)
        }
    }
}
