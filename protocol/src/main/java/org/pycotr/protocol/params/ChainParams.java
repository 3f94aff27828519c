package org.pycotr.protocol.params;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.crypto.Sha256;
import org.pycotr.protocol.encoding.ByteWriter;
import org.pycotr.protocol.pow.CompactTarget;
import org.pycotr.protocol.pow.LwmaDifficulty;
import org.pycotr.protocol.rules.HeaderRules;

/**
 * Everything that defines a network, as read from its genesis file. The genesis header commits to
 * all of it (its merkle-root field holds {@code SHA-256} of the parameters and allocations), so the
 * genesis hash, which every transaction and handshake carries, names the network exactly: two
 * nodes with different parameters can never mistake each other's chains.
 */
public final class ChainParams {
    /** Largest block we allow a genesis to set: a block must fit in one 4 MiB P2P frame with room to spare. */
    public static final int MAX_BLOCK_BYTES_LIMIT = 4_000_000;
    /** Smallest useful block: a header and a few transactions. */
    public static final int MIN_BLOCK_BYTES = 1024;
    private static final byte[] GENESIS_TAG = "pycotr/genesis/v1".getBytes(StandardCharsets.US_ASCII);

    private final String network;
    private final int protocolVersion;
    private final long genesisTimestamp;
    private final CompactTarget initialTarget;
    private final CompactTarget powLimit;
    private final long targetBlockTimeMs;
    private final long blockReward;
    private final int maxBlockBytes;
    private final List<Allocation> allocations;
    private final BlockHeader genesisHeader;
    private final Hash networkId;
    private final HeaderRules headerRules;

    public ChainParams(String network, int protocolVersion, long genesisTimestamp, CompactTarget initialTarget,
            CompactTarget powLimit, long targetBlockTimeMs, long blockReward, int maxBlockBytes,
            List<Allocation> allocations) {
        this.network = require(network, "network");
        if (network.isBlank() || network.getBytes(StandardCharsets.UTF_8).length > 64) {
            throw new IllegalArgumentException("network name must be 1 to 64 bytes");
        }
        this.protocolVersion = protocolVersion;
        this.genesisTimestamp = genesisTimestamp;
        this.initialTarget = require(initialTarget, "initialTarget");
        this.powLimit = require(powLimit, "powLimit");
        this.targetBlockTimeMs = targetBlockTimeMs;
        this.blockReward = blockReward;
        this.maxBlockBytes = maxBlockBytes;
        this.allocations = List.copyOf(require(allocations, "allocations"));
        if (protocolVersion < 1) {
            throw new IllegalArgumentException("protocolVersion must be at least 1, got " + protocolVersion);
        }
        if (genesisTimestamp < 0) {
            throw new IllegalArgumentException("timestamp must not be negative");
        }
        if (initialTarget.toBigInteger().compareTo(powLimit.toBigInteger()) > 0) {
            throw new IllegalArgumentException("initialTarget " + initialTarget + " is easier than powLimit " + powLimit);
        }
        if (targetBlockTimeMs <= 0) {
            throw new IllegalArgumentException("targetBlockTimeMs must be positive, got " + targetBlockTimeMs);
        }
        if (blockReward < 0) {
            throw new IllegalArgumentException("blockReward must not be negative, got " + blockReward);
        }
        if (maxBlockBytes < MIN_BLOCK_BYTES || maxBlockBytes > MAX_BLOCK_BYTES_LIMIT) {
            throw new IllegalArgumentException("maxBlockBytes must be in [" + MIN_BLOCK_BYTES + ", "
                    + MAX_BLOCK_BYTES_LIMIT + "], got " + maxBlockBytes);
        }
        Set<Object> seen = new HashSet<>();
        long total = 0;
        for (Allocation a : this.allocations) {
            if (!seen.add(a.address())) {
                throw new IllegalArgumentException("address " + a.address() + " is allocated twice");
            }
            try {
                total = Math.addExact(total, a.amount());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("allocations add up to more than 2^63-1");
            }
        }
        this.genesisHeader = new BlockHeader(BlockHeader.CURRENT_VERSION, 0, Hash.ZERO, commitment(),
                genesisTimestamp, initialTarget, 0);
        this.networkId = genesisHeader.hash();
        this.headerRules = new HeaderRules(new LwmaDifficulty(targetBlockTimeMs, powLimit));
    }

    private static <T> T require(T value, String what) {
        return Objects.requireNonNull(value, what + " is required");
    }

    /** SHA-256 over a fixed layout of every parameter and allocation; see proto/README.md. */
    private Hash commitment() {
        byte[] name = network.getBytes(StandardCharsets.UTF_8);
        ByteWriter w = new ByteWriter(256 + allocations.size() * 40);
        w.bytes(GENESIS_TAG).u16(name.length).bytes(name).u32(protocolVersion).u64(genesisTimestamp)
                .u32(initialTarget.bits() & 0xffffffffL).u32(powLimit.bits() & 0xffffffffL)
                .u64(targetBlockTimeMs).u64(blockReward).u32(maxBlockBytes).u32(allocations.size());
        for (Allocation a : allocations) {
            w.bytes(a.address().bytes()).u64(a.amount());
        }
        return Sha256.hash(w.toByteArray());
    }

    public String network() {
        return network;
    }

    public int protocolVersion() {
        return protocolVersion;
    }

    public long genesisTimestamp() {
        return genesisTimestamp;
    }

    public CompactTarget initialTarget() {
        return initialTarget;
    }

    /** The easiest target any block may have. */
    public CompactTarget powLimit() {
        return powLimit;
    }

    public long targetBlockTimeMs() {
        return targetBlockTimeMs;
    }

    public long blockReward() {
        return blockReward;
    }

    public int maxBlockBytes() {
        return maxBlockBytes;
    }

    public List<Allocation> allocations() {
        return allocations;
    }

    public long totalAllocated() {
        return allocations.stream().mapToLong(Allocation::amount).sum();
    }

    public BlockHeader genesisHeader() {
        return genesisHeader;
    }

    /** The genesis block hash: names this network in transactions and handshakes. */
    public Hash networkId() {
        return networkId;
    }

    public HeaderRules headerRules() {
        return headerRules;
    }
}
