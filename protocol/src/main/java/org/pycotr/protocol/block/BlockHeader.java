package org.pycotr.protocol.block;

import java.util.Objects;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.crypto.Sha256;
import org.pycotr.protocol.encoding.ChainCodec;
import org.pycotr.protocol.pow.CompactTarget;

/**
 * A block header: 96 fixed-width bytes that commit to everything in the block. The nonce comes
 * last so a miner can keep the SHA-256 state of the first 88 bytes (see {@code ChainCodec}).
 */
public record BlockHeader(int version, long height, Hash previousHash, Hash merkleRoot, long timestamp,
        CompactTarget target, long nonce) {

    /** The only block version this software knows; a new one would come with a protocol upgrade. */
    public static final int CURRENT_VERSION = 1;

    public BlockHeader {
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(merkleRoot, "merkleRoot");
        Objects.requireNonNull(target, "target");
    }

    public byte[] encoded() {
        return ChainCodec.encodeHeader(this);
    }

    /** {@code SHA-256(SHA-256(header))}. Computed on each call: callers that need it often keep it. */
    public Hash hash() {
        return Sha256.doubleHash(encoded());
    }

    public BlockHeader withNonce(long newNonce) {
        return new BlockHeader(version, height, previousHash, merkleRoot, timestamp, target, newNonce);
    }
}
