package org.pycotr.protocol.crypto;

import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * The one signature rule every node applies: RFC 8032 verification as BouncyCastle implements it,
 * which rejects a non-canonical S (S ≥ L) and non-canonical or off-curve point encodings. Ed25519
 * libraries disagree at these edges, so the rule is pinned here and by edge-vector tests.
 */
public final class Ed25519Verifier {
    private Ed25519Verifier() {}

    public static boolean verify(Address signer, byte[] message, Signature signature) {
        return Ed25519.verify(signature.unsafeBytes(), 0, signer.unsafeBytes(), 0, message, 0, message.length);
    }
}
