import Glibc
import TillCore

/// A device could not be opened, configured, read or written. The message names the device and
/// the system's reason; the remedy says what a technician does about it (group membership for
/// EACCES, the cable for ENOENT/EIO, the other program for EBUSY).
public struct DeviceError: Problem, Hashable, Sendable, CustomStringConvertible {
    public enum Operation: String, Sendable { case open, configure, read, write, grab, identify }

    public var operation: Operation
    public var path: String
    public var errno: Int32

    public init(operation: Operation, path: String, errno: Int32) {
        self.operation = operation
        self.path = path
        self.errno = errno
    }

    /// The stable code: what could not be done (`device_open_failed`).
    public var code: String { "device_\(operation.rawValue)_failed" }

    public var systemReason: String { String(cString: strerror(errno)) }

    /// The group that grants access to this kind of device on Debian/Ubuntu.
    public var accessGroup: String { path.hasPrefix("/dev/input/") ? "input" : "dialout" }

    public var message: LocalizedText {
        let verb: (String, String)
        switch operation {
        case .open: verb = ("open", "打开")
        case .configure: verb = ("configure", "设置")
        case .read: verb = ("read from", "读取")
        case .write: verb = ("write to", "写入")
        case .grab: verb = ("take exclusive use of", "独占")
        case .identify: verb = ("identify", "识别")
        }
        return LocalizedText(en: "Cannot \(verb.0) \(path): \(systemReason) (errno \(errno)).",
                             zh: "无法\(verb.1) \(path)：\(SystemReason.chinese(errno))（errno \(errno)）。")
    }

    public var remedy: LocalizedText {
        switch errno {
        case EACCES, EPERM:
            // As for printers: the till's udev rules and group (Devices/udev), else the system group.
            return LocalizedText(
                en: "Install the till's udev rules and group as root: `sudo Scripts/install-udev` (group till gets the scanners "
                    + "of Devices/scanners, \(ScannerUdevRules.fileName)), then log out and in again. Or add the till's user to the "
                    + "\(accessGroup) group (sudo usermod -aG \(accessGroup) USER, then log in again).",
                zh: "请以 root 安装收银机的 udev 规则和用户组：`sudo Scripts/install-udev`（till 组获得 Devices/scanners 中扫描枪的权限，"
                    + "\(ScannerUdevRules.fileName)），然后重新登录。或将收银用户加入 \(accessGroup) 组"
                    + "（sudo usermod -aG \(accessGroup) 用户名，然后重新登录）。")
        case ENOENT, ENODEV, ENXIO:
            return LocalizedText(en: "Check that the device is plugged in and powered; list what is present with `till scanner list`.",
                                 zh: "请检查设备是否已连接并通电；用 `till scanner list` 查看现有设备。")
        case EBUSY:
            return LocalizedText(en: "Another program is using the device: close it (or stop ModemManager for serial ports) and try again.",
                                 zh: "其他程序正在使用该设备：请关闭该程序（串口请停止 ModemManager）后重试。")
        case ENOTTY:
            return LocalizedText(en: "This is not a serial port or input device: check the path.",
                                 zh: "这不是串口或输入设备：请检查路径。")
        case EIO:
            return LocalizedText(en: "The device stopped answering: check the cable, unplug and replug it.",
                                 zh: "设备无响应：请检查连线，拔下后重新插上。")
        default:
            return LocalizedText(en: "Check the device and its cable, then try again.", zh: "请检查设备及其连线后重试。")
        }
    }

    public var description: String { message.en + " " + remedy.en }
}
