import Glibc

/// A transport over a device file (lp, serial): writes and reads bounded in time on its open
/// descriptor, which is closed as soon as the device goes away, so the next job reconnects.
protocol DescriptorBacked: AnyObject {
    var fd: Int32 { get set }
    var name: String { get }
}

extension DescriptorBacked {
    func writeDescriptor(_ bytes: [UInt8], timeout: Double) throws {
        guard fd >= 0 else { throw PrinterDeviceError.disconnected(name, sent: 0, total: bytes.count) }
        do { try DescriptorIO.writeAll(fd, bytes, timeout: timeout) } catch {
            if case .closed = error { closeDescriptor() }
            throw error.deviceError(name, total: bytes.count)
        }
    }

    func readDescriptor(timeout: Double) throws -> [UInt8] {
        guard fd >= 0 else { throw PrinterDeviceError.disconnected(name, sent: 0, total: 0) }
        do { return try DescriptorIO.read(fd, timeout: timeout) } catch {
            if case .closed = error { closeDescriptor() }
            throw error.deviceError(name, total: 0)
        }
    }

    func closeDescriptor() {
        guard fd >= 0 else { return }
        Glibc.close(fd)
        fd = -1
    }
}
