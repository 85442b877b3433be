/// The system's reason for a failed call (an errno) in Chinese: strerror gives English only,
/// so the errnos a till meets at its devices, files and sockets have their Chinese here (Linux
/// numbering; TillCore does no I/O and links no libc); any other is named by its number
/// ("系统错误 N"). Callers pair it with strerror's English: `LocalizedText(en:zh:)`.
public enum SystemReason {
    public static func chinese(_ errno: Int32) -> String { chinese[errno] ?? "系统错误 \(errno)" }

    static let chinese: [Int32: String] = [
        1: "不允许该操作", 2: "没有该文件或目录", 4: "调用被中断", 5: "输入/输出错误", 6: "没有该设备或地址",
        11: "资源暂时不可用", 13: "权限不足", 16: "设备或资源忙", 17: "文件已存在", 19: "没有该设备", 20: "不是目录",
        21: "是一个目录", 22: "参数无效", 23: "系统打开的文件过多", 24: "打开的文件过多", 25: "该设备不支持此控制操作",
        28: "设备上没有空间", 30: "只读文件系统", 32: "管道已断开", 36: "文件名过长", 88: "不是套接字",
        98: "地址已被占用", 99: "无法分配所请求的地址", 101: "网络不可达", 104: "连接被对方重置", 110: "连接超时",
        111: "连接被拒绝", 113: "无法到达主机",
    ]
}
