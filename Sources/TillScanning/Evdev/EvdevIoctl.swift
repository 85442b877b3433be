/// The evdev ioctl request numbers (<linux/input.h>), built as the kernel's _IOC macros do:
/// direction << 30 | size << 16 | 'E' << 8 | number.
enum EvdevIoctl {
    static let read: UInt = 2, write: UInt = 1
    static func ioc(_ direction: UInt, _ number: UInt, _ size: UInt) -> UInt {
        direction << 30 | size << 16 | 0x45 << 8 | number
    }
    /// EVIOCGID: struct input_id (bustype, vendor, product, version: 4 × u16).
    static let getID = ioc(read, 0x02, 8)
    /// EVIOCGNAME(len): the device name.
    static func getName(_ length: UInt) -> UInt { ioc(read, 0x06, length) }
    /// EVIOCGRAB: 1 takes the device for this descriptor alone (no console, no X), 0 gives it back.
    static let grab = ioc(write, 0x90, 4)
}
