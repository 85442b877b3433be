import Foundation

/// A loopback TCP port that accepts connections (the kernel's backlog does) and never answers:
/// a server that has stalled.
final class SilentListener: Sendable {
    let socket: Int32
    let port: Int

    init() throws {
        (socket, port) = try LoopbackPort.listen()
    }

    func close() { _ = Glibc.close(socket) }
}
