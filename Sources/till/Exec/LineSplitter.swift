/// Splits a byte stream into lines in time linear in its length, whatever the chunk sizes or line
/// lengths: each byte is examined once when searching for the newline, and a finished line is
/// copied out once (the buffer is compacted only when its consumed part is the larger). A line
/// longer than `maximumLineBytes` is not kept: it is reported as too long, and its bytes are
/// skipped as they arrive, so memory stays bounded too.
struct LineSplitter {
    enum Piece: Equatable {
        case line([UInt8])
        /// A line of `bytes` bytes (more than the limit), dropped.
        case tooLong(bytes: Int)
    }

    /// The longest line kept: `till exec` actions are a few hundred bytes; one megabyte leaves
    /// room for any customer text and still refuses a runaway input before it costs memory.
    static let defaultMaximumLineBytes = 1 << 20

    let maximumLineBytes: Int
    private var buffer: [UInt8] = []
    /// Where the current line starts in `buffer`.
    private var lineStart = 0
    /// Where the newline search resumes: bytes before it were examined already.
    private var searchFrom = 0
    /// Bytes of an over-long line dropped so far (nil: not skipping).
    private var skipped: Int?
    /// Bytes examined for a newline, for the linear-time tests.
    private(set) var bytesExamined = 0

    init(maximumLineBytes: Int = defaultMaximumLineBytes) {
        self.maximumLineBytes = max(1, maximumLineBytes)
    }

    /// Adds a chunk; returns the pieces it completes.
    mutating func feed(_ chunk: some Collection<UInt8>) -> [Piece] {
        buffer.append(contentsOf: chunk)
        var pieces: [Piece] = []
        while searchFrom < buffer.count {
            let newline = buffer[searchFrom...].firstIndex(of: 0x0A)
            bytesExamined += (newline.map { $0 + 1 } ?? buffer.count) - searchFrom
            guard let newline else {
                searchFrom = buffer.count
                break
            }
            pieces.append(finish(upTo: newline))
            lineStart = newline + 1
            searchFrom = lineStart
        }
        dropLongLine()
        compact()
        return pieces
    }

    /// The last line when the stream ends without a newline (nil if there is none).
    mutating func end() -> Piece? {
        defer { buffer.removeAll(); lineStart = 0; searchFrom = 0; skipped = nil }
        if let skipped { return .tooLong(bytes: skipped + buffer.count - lineStart) }
        guard lineStart < buffer.count else { return nil }
        return .line(Array(buffer[lineStart...]))
    }

    private mutating func finish(upTo newline: Int) -> Piece {
        if let dropped = skipped {
            skipped = nil
            return .tooLong(bytes: dropped + newline - lineStart)
        }
        let length = newline - lineStart
        return length > maximumLineBytes ? .tooLong(bytes: length) : .line(Array(buffer[lineStart..<newline]))
    }

    /// An unfinished line past the limit: forget its bytes, remember how many.
    private mutating func dropLongLine() {
        let pending = buffer.count - lineStart
        guard skipped != nil || pending > maximumLineBytes else { return }
        skipped = (skipped ?? 0) + pending
        buffer.removeAll(keepingCapacity: true)
        lineStart = 0
        searchFrom = 0
    }

    /// Drops consumed bytes once they are at least half the buffer (amortised linear).
    private mutating func compact() {
        guard lineStart > 0, lineStart * 2 >= buffer.count else { return }
        buffer.removeSubrange(0..<lineStart)
        searchFrom -= lineStart
        lineStart = 0
    }
}
