#if canImport(Glibc)
import Glibc
#endif

/// Swaps two paths in one step, so that a reader sees the old folder or the new one and
/// never neither: Linux's `renameat2` with `RENAME_EXCHANGE`.
enum FolderExchange {
    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// glibc's `renameat2`, looked up at run time because Swift's Glibc module only
    /// declares it under `_GNU_SOURCE`.
    private static let renameAt2: RenameAt2? = {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
    }()

    private static let renameExchange: UInt32 = 1 << 1

    /// Whether the two paths were exchanged; false where the kernel or the file system
    /// cannot, and the caller must move them one after the other.
    static func exchange(_ first: String, _ second: String) -> Bool {
        guard let renameAt2 else { return false }
        return renameAt2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0
    }
}
