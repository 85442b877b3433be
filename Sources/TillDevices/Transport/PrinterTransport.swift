/// A byte link to a printer: USB bulk endpoints, a character device, a serial line, a TCP
/// connection or the in-process virtual printer. The driver composes the encoder with a
/// transport; transports know nothing of ESC/POS.
///
/// Every call is bounded: `write` and `read` take a timeout and never block longer.
public protocol PrinterTransport: AnyObject {
    /// Opens and claims the link exclusively (USB: detach usblp, claim the interface; serial:
    /// exclusive open; TCP: connect). Throws a `PrinterDeviceError` naming the cause and the fix.
    func open() throws
    /// Sends all bytes or throws; `timeout` bounds each chunk's wait for the printer to take it.
    /// A `PrinterDeviceError.disconnected` carries how many bytes got through.
    func write(_ bytes: [UInt8], timeout: Double) throws
    /// Bytes the printer sent, waiting at most `timeout` seconds for the first; [] on timeout.
    func read(timeout: Double) throws -> [UInt8]
    /// Releases and closes the link (USB: re-attaches the kernel driver it detached). Safe to
    /// call twice.
    func close()
    var isOpen: Bool { get }
    /// Bytes per second the link carries at best, when known (a serial line's baud / 10), so
    /// the driver can wait long enough for a big job's status reply.
    var bytesPerSecond: Double? { get }
    /// False for a link nothing answers on (a capture file).
    var answersStatus: Bool { get }
    /// "usb://04b8:0202 (EPSON TM-T88VI, bus 1 device 2)".
    var name: String { get }
}

extension PrinterTransport {
    public var bytesPerSecond: Double? { nil }
    /// False for a link nothing answers on (a capture file): no status is asked, and jobs
    /// end *unknown*.
    public var answersStatus: Bool { true }
}
