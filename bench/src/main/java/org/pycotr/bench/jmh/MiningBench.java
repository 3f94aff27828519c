package org.pycotr.bench.jmh;

import java.security.MessageDigest;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pycotr.daemon.mining.HeaderHasher;
import org.pycotr.protocol.crypto.Sha256;
import org.pycotr.protocol.testing.TestChain;

/** Hashes per second on one thread: the miner's midstate hasher against a naive double SHA-256 of the whole header. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MiningBench {
    byte[] header;
    MessageDigest digest;
    HeaderHasher hasher;
    byte[] out = new byte[32];
    long nonce;

    @Setup
    public void setup() {
        header = TestChain.withBlocks(1).tipHeader().encoded();
        digest = Sha256.newDigest();
        hasher = new HeaderHasher(header);
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
    public byte[] midstateHasher() {
        hasher.hash(nonce++, out);
        return out;
    }
}
