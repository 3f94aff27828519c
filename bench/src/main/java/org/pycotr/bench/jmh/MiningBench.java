package org.pycotr.bench.jmh;

import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pycotr.daemon.mining.HashEngine;
import org.pycotr.daemon.mining.Miner;
import org.pycotr.daemon.mining.NativeSha256d;
import org.pycotr.daemon.mining.NonceScanner;
import org.pycotr.protocol.crypto.Sha256;
import org.pycotr.protocol.testing.TestChain;

/**
 * Hashes per second on one thread: the miner's scanners, as it runs them (batches of 4,096 nonces
 * against a target no hash meets), against a naive double SHA-256 of the whole header per nonce.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MiningBench {
    private static final int BATCH = Miner.BATCH;
    byte[] header;
    MessageDigest digest;
    NonceScanner nativeScanner;
    NonceScanner jdkScanner;
    long nonce;

    @Setup
    public void setup() {
        header = TestChain.withBlocks(1).tipHeader().encoded();
        digest = Sha256.newDigest();
        byte[] unreachable = new byte[32];
        jdkScanner = HashEngine.JDK.scanner(header, unreachable);
        nativeScanner = NativeSha256d.available() ? HashEngine.NATIVE.scanner(header, unreachable) : null;
    }

    @Benchmark
    public byte[] naiveDoubleSha256() {
        long n = nonce++;
        for (int i = 0; i < 8; i++) {
            header[88 + i] = (byte) (n >>> (56 - 8 * i));
        }
        return digest.digest(digest.digest(header));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int jdkMidstateScanner() {
        int hit = jdkScanner.scan(nonce, BATCH);
        nonce += BATCH;
        return hit;
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public int nativeShaNiScanner() {
        if (nativeScanner == null) {
            throw new IllegalStateException("native SHA-256 is unavailable: " + NativeSha256d.unavailableReason());
        }
        int hit = nativeScanner.scan(nonce, BATCH);
        nonce += BATCH;
        return hit;
    }
}
