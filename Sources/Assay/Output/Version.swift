/// The Assay version, printed by `--version` and part of the batch cache key.
public enum AssayVersion {
    public static let string = "0.1.0"
}
