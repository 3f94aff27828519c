package org.pycotr.protocol.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.pycotr.protocol.encoding.Hex;

/**
 * Pins the signature rule at the edges where Ed25519 libraries disagree. If BouncyCastle (or a
 * replacement) ever answers differently here, nodes could split on a signature, so these fail.
 */
class Ed25519RuleTest {
    // RFC 8032, section 7.1, TEST 1 (empty message).
    private static final String SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
            + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    /** The group order L; S must be below it. */
    private static final BigInteger L = BigInteger.ONE.shiftLeft(252)
            .add(new BigInteger("27742317777372353535851937790883648493"));

    private static final Address SIGNER = Address.fromHex(PUBLIC);
    private static final byte[] EMPTY = new byte[0];

    @Test
    void rfc8032VectorSignsAndVerifies() {
        PrivateKey key = PrivateKey.fromHex(SECRET);
        assertEquals(PUBLIC, key.address().toHex());
        assertEquals(SIGNATURE, key.sign(EMPTY).toHex());
        assertTrue(Ed25519Verifier.verify(SIGNER, EMPTY, Signature.fromHex(SIGNATURE)));
    }

    @Test
    void anyFlippedBitFails() {
        byte[] sig = Hex.decode(SIGNATURE, "sig");
        for (int bit = 0; bit < 512; bit += 7) {
            byte[] bad = sig.clone();
            bad[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(Ed25519Verifier.verify(SIGNER, EMPTY, Signature.of(bad)), "bit " + bit);
        }
        assertFalse(Ed25519Verifier.verify(SIGNER, new byte[] {0}, Signature.fromHex(SIGNATURE)));
    }

    @Test
    void nonCanonicalSIsRejected() {
        // S + L is the same scalar mod L: lax verifiers accept it, which makes signatures malleable.
        byte[] sig = Hex.decode(SIGNATURE, "sig");
        BigInteger s = littleEndian(sig, 32);
        byte[] bumped = sig.clone();
        writeLittleEndian(s.add(L), bumped, 32);
        assertFalse(Ed25519Verifier.verify(SIGNER, EMPTY, Signature.of(bumped)));
    }

    @Test
    void nonCanonicalPublicKeyEncodingIsRejected() {
        // y = p + 1 encodes the same point as y = 1 (the identity) but is not canonical.
        BigInteger p = BigInteger.ONE.shiftLeft(255).subtract(BigInteger.valueOf(19));
        byte[] pk = new byte[32];
        writeLittleEndian(p.add(BigInteger.ONE), pk, 0);
        assertFalse(Ed25519Verifier.verify(Address.of(pk), EMPTY, Signature.fromHex(SIGNATURE)));
    }

    @Test
    void smallOrderPublicKeyIsRejected() {
        // The identity point: with it, the all-zero-R forgery "verifies" under lax rules for any message.
        byte[] identity = new byte[32];
        identity[0] = 1;
        byte[] forged = new byte[64];
        forged[0] = 1; // R = identity, S = 0
        assertFalse(Ed25519Verifier.verify(Address.of(identity), EMPTY, Signature.of(forged)));
        assertFalse(Ed25519Verifier.verify(Address.of(identity), new byte[] {42}, Signature.of(forged)));
    }

    @Test
    void keysAndAddressesParseWithClearErrors() {
        assertEquals("address must be 64 hex characters, got 3",
                assertThrows(IllegalArgumentException.class, () -> Address.fromHex("abc")).getMessage());
        assertEquals("address is not hex: bad character at position 0",
                assertThrows(IllegalArgumentException.class, () -> Address.fromHex("z" + PUBLIC.substring(1))).getMessage());
        assertEquals("private key is missing",
                assertThrows(IllegalArgumentException.class, () -> PrivateKey.fromHex(null)).getMessage());
        assertEquals("private key must be 64 hex characters, got 66",
                assertThrows(IllegalArgumentException.class, () -> PrivateKey.fromHex(SECRET + "00")).getMessage());
        assertEquals("signature must be 128 hex characters, got 2",
                assertThrows(IllegalArgumentException.class, () -> Signature.fromHex("00")).getMessage());
        assertEquals(SIGNER, Address.fromHex(PUBLIC.toUpperCase()));
    }

    @Test
    void privateKeyNeverPrintsItself() {
        PrivateKey key = PrivateKey.fromHex(SECRET);
        assertFalse(key.toString().contains(SECRET));
    }

    private static BigInteger littleEndian(byte[] b, int offset) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[31 - i] = b[offset + i];
        }
        return new BigInteger(1, be);
    }

    private static void writeLittleEndian(BigInteger v, byte[] out, int offset) {
        byte[] be = v.toByteArray();
        for (int i = 0; i < 32; i++) {
            int src = be.length - 1 - i;
            out[offset + i] = src >= 0 ? be[src] : 0;
        }
    }
}
