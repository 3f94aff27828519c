package org.pycotr.bench.jmh;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.Ed25519Verifier;
import org.pycotr.protocol.crypto.Signature;
import org.pycotr.protocol.testing.Keys;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

/** Ed25519 verifications per second on one thread (BouncyCastle): the limit the validation figures are measured against. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class VerifyBench {
    Address signer;
    byte[] message;
    Signature signature;

    @Setup
    public void setup() {
        Transfer t = Txs.transfer(Keys.ALICE, Keys.BOB, 5);
        signer = t.from();
        message = t.signingBytes();
        signature = t.signature();
    }

    @Benchmark
    public boolean verify() {
        return Ed25519Verifier.verify(signer, message, signature);
    }
}
