import Glibc
import TillCore

/// The system's reason for a failed call (an errno) in both languages: strerror gives English
/// only, so the errnos a till meets at its devices, files and sockets have their Chinese here;
/// any other is named by its symbol-free number in Chinese ("系统错误 N").
public enum SystemReason {
    public static func text(_ errno: Int32) -> LocalizedText {
        LocalizedText(en: String(cString: strerror(errno)), zh: chinese[errno] ?? "系统错误 \(errno)")
    }

    static let chinese: [Int32: String] = [
        EPERM: "不允许该操作", ENOENT: "没有该文件或目录", EIO: "输入/输出错误", ENXIO: "没有该设备或地址",
        EACCES: "权限不足", EBUSY: "设备或资源忙", EEXIST: "文件已存在", ENODEV: "没有该设备", ENOTDIR: "不是目录",
        EISDIR: "是一个目录", EINVAL: "参数无效", ENOTTY: "该设备不支持此控制操作", ENOSPC: "设备上没有空间",
        EROFS: "只读文件系统", EAGAIN: "资源暂时不可用", EINTR: "调用被中断", ENAMETOOLONG: "文件名过长",
        EADDRINUSE: "地址已被占用", EADDRNOTAVAIL: "无法分配所请求的地址", ECONNREFUSED: "连接被拒绝",
        ECONNRESET: "连接被对方重置", ETIMEDOUT: "连接超时", EHOSTUNREACH: "无法到达主机", ENETUNREACH: "网络不可达",
        EPIPE: "管道已断开", ENOTSOCK: "不是套接字", EMFILE: "打开的文件过多", ENFILE: "系统打开的文件过多",
    ]
}
