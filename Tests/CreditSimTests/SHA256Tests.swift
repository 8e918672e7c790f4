import Foundation
import Testing

@testable import CreditSim

@Suite("SHA-256")
struct SHA256Tests {
    /// FIPS 180-2, appendix B (and the empty message).
    static let vectors: [(String, String)] = [
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ]

    @Test("FIPS 180-2 examples", arguments: vectors)
    func knownAnswers(message: String, digest: String) {
        #expect(SHA256.hex(Data(message.utf8)) == digest)
    }

    @Test("a million 'a' fed in uneven pieces (FIPS 180-2 B.3)")
    func million() {
        var hasher = SHA256()
        var fed = 0
        var piece = 1
        while fed < 1_000_000 {
            let n = min(piece, 1_000_000 - fed)
            hasher.update(Data(repeating: UInt8(ascii: "a"), count: n))
            fed += n
            piece = piece * 3 % 1000 + 1
        }
        let digest = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }
}
