import TillGraphics

/// Keeps the printer's memory bounded whatever the stream: a page is at most
/// `maximumPageMM` long, and no image is kept wider than the paper or taller than a page. A
/// page that reaches the limit with ink on it ends there (noted); one that is blank paper
/// only is dropped and counted, so `ESC 3 255` and a thousand `ESC d 255` cost one note, not
/// gigabytes of white dots.
extension PrintEngine {
    static let maximumPageMM = 3000.0

    /// Called for every dot of paper motion on the current page.
    mutating func countPageDots(_ dots: Int) {
        pageDots += max(0, dots)
        // Every item that leaves ink moves paper, so looking at the newest one here is enough.
        if current.items.last?.isInk == true { pageHasInk = true }
        tearOffIfFedPastInk(dots)
        guard pageDots > maximumPageDots else { return }
        if pageHasInk {
            current.items.append(.note("page longer than \(Int(PrintEngine.maximumPageMM / 1000)) m: the virtual printer ends it here"))
            diagnose("page longer than \(Int(PrintEngine.maximumPageMM)) mm without a cut: ended there to bound memory", at: streamOffset)
            endPage(cut: nil)
        } else {
            blankDotsDropped += pageDots
            let metres = Double(blankDotsDropped) / dotsPerMM / 1000
            current.items = [.note("\(Int(metres.rounded())) m of blank paper fed (not drawn)")]
        }
        pageDots = 0
    }

    /// A printer without a cutter has no cut to end a page: the slip is torn off after the
    /// feed that brings its last line past the tear bar (the profile's `cutter.feedLines`).
    /// That long feed ends the page, as do an idle gap (`endPageIfIdle`) and the end of the
    /// connection (`finish`).
    mutating func tearOffIfFedPastInk(_ dots: Int) {
        guard let tearFeed = tearFeedDots else { return }
        if current.items.last?.isInk == true { blankDotsSinceInk = 0; return }
        blankDotsSinceInk += max(0, dots)
        if blankDotsSinceInk >= tearFeed, pageHasInk {
            blankDotsSinceInk = 0
            endPage(cut: nil)
        }
    }

    /// Nothing arrived for a while: a printer without a cutter hands over what it printed
    /// (the clerk tears it off), so its page is written even if the job fed too little.
    mutating func endPageIfIdle() {
        guard tearFeedDots != nil, line.isEmpty, pageHasInk else { return }
        blankDotsSinceInk = 0
        endPage(cut: nil)
    }

    /// An image cropped to what can be on paper: the print area's width and one page's length.
    /// Returns the cropped bitmap and whether anything was cut off.
    func cropped(_ bitmap: Bitmap, width: Int) -> (Bitmap, Bool) {
        let w = min(bitmap.width, max(0, width)), h = min(bitmap.height, maximumPageDots)
        guard w < bitmap.width || h < bitmap.height else { return (bitmap, false) }
        var out = Bitmap(width: w, height: h)
        for y in 0..<h {
            for x in 0..<w where bitmap[x, y] { out[x, y] = true }
        }
        return (out, true)
    }
}

extension PaperItem {
    /// Something that leaves marks (text, an image, a symbol), as opposed to blank paper.
    var isInk: Bool {
        switch self {
        case .line(let l): return l.chars.contains { $0.scalar != " " }
        case .feed, .note, .drawerKick: return false
        case .image, .barcode, .qr: return true
        }
    }
}
