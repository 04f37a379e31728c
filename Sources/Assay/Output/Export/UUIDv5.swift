import AssayCore
import Foundation

/// Name-based UUIDs, version 5 (RFC 9562 §5.5, formerly RFC 4122 §4.3): the SHA-1 of a namespace
/// UUID's 16 bytes followed by the name's UTF-8 bytes, cut to 16 bytes, with the version nibble set
/// to 5 and the variant bits to `10`. The same namespace and name always give the same UUID, which
/// is what lets an export be byte-identical when it is run again.
public enum UUIDv5 {
    /// The namespace every Assay export derives its UUIDs from: itself the version 5 UUID of the URL
    /// `https://assay.invalid/ns/oscal` in the RFC's URL namespace (6ba7b811-9dad-11d1-80b4-00c04fd430c8),
    /// so anyone can recompute it.
    public static let assayNamespace = "23346f67-d8e4-5af8-81df-0a0fafdca864"

    /// The RFC's predefined namespace for URLs.
    public static let urlNamespace = "6ba7b811-9dad-11d1-80b4-00c04fd430c8"

    /// The lower-case UUID for `name` in `namespace` (a UUID string); nil when `namespace` is not a UUID.
    public static func make(namespace: String, name: String) -> String? {
        guard let space = bytes(namespace) else { return nil }
        var digest = SHA1.digest(space + Array(name.utf8))
        digest[6] = (digest[6] & 0x0F) | 0x50
        digest[8] = (digest[8] & 0x3F) | 0x80
        return format(Array(digest.prefix(16)))
    }

    /// The UUID for `name` in the Assay namespace.
    public static func assay(_ name: String) -> String {
        // The namespace constant is checked by a test, so the fallback never runs.
        make(namespace: assayNamespace, name: name) ?? assayNamespace
    }

    /// The 16 bytes of a UUID written `8-4-4-4-12` in hex, or nil.
    static func bytes(_ uuid: String) -> [UInt8]? {
        let hex = uuid.replacingOccurrences(of: "-", with: "")
        guard hex.utf8.count == 32, uuid.utf8.count == 36 else { return nil }
        var out: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            guard let byte = UInt8(hex[index..<next], radix: 16) else { return nil }
            out.append(byte)
            index = next
        }
        return out
    }

    static func format(_ bytes: [UInt8]) -> String {
        let hex = bytes.map { String($0, radix: 16).leftPadded(to: 2) }.joined()
        let cuts = [8, 12, 16, 20]
        var out = ""
        for (offset, char) in hex.enumerated() {
            if cuts.contains(offset) { out.append("-") }
            out.append(char)
        }
        return out
    }
}

/// SHA-1 (FIPS 180-4), used only to derive version 5 UUIDs — never as a security hash.
enum SHA1 {
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var h: [UInt32] = [0x6745_2301, 0xEFCD_AB89, 0x98BA_DCFE, 0x1032_5476, 0xC3D2_E1F0]
        var data = message
        let bitLength = UInt64(message.count) * 8
        data.append(0x80)
        while data.count % 64 != 56 { data.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { data.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        var w = [UInt32](repeating: 0, count: 80)
        for chunk in stride(from: 0, to: data.count, by: 64) {
            for i in 0..<16 {
                let j = chunk + i * 4
                w[i] = UInt32(data[j]) << 24 | UInt32(data[j + 1]) << 16 | UInt32(data[j + 2]) << 8 | UInt32(data[j + 3])
            }
            for i in 16..<80 { w[i] = (w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16]).rotatedLeft(1) }
            var a = h[0], b = h[1], c = h[2], d = h[3], e = h[4]
            for i in 0..<80 {
                let f: UInt32, k: UInt32
                switch i {
                case 0..<20: f = (b & c) | (~b & d); k = 0x5A82_7999
                case 20..<40: f = b ^ c ^ d; k = 0x6ED9_EBA1
                case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1B_BCDC
                default: f = b ^ c ^ d; k = 0xCA62_C1D6
                }
                let t = a.rotatedLeft(5) &+ f &+ e &+ k &+ w[i]
                e = d; d = c; c = b.rotatedLeft(30); b = a; a = t
            }
            h[0] = h[0] &+ a; h[1] = h[1] &+ b; h[2] = h[2] &+ c; h[3] = h[3] &+ d; h[4] = h[4] &+ e
        }
        return h.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> UInt32(24 - $0 * 8)) } }
    }
}

extension UInt32 {
    fileprivate func rotatedLeft(_ n: UInt32) -> UInt32 { (self << n) | (self >> (32 - n)) }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
