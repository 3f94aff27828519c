package org.pycotr.bench.tools;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import org.pycotr.protocol.crypto.Ed25519Verifier;
import org.pycotr.protocol.testing.Keys;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

/**
 * The verification limit, measured in the same run as the figure it judges: Ed25519 verifications
 * per second with {@code threads} threads (BouncyCastle), over {@code millis}.
 */
public final class VerifyRate {
    private VerifyRate() {}

    public static double measure(int threads, long millis) throws InterruptedException {
        Transfer t = Txs.transfer(Keys.ALICE, Keys.BOB, 5);
        byte[] message = t.signingBytes();
        LongAdder done = new LongAdder();
        long end = System.nanoTime() + millis * 1_000_000;
        List<Thread> workers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            Thread w = new Thread(() -> {
                while (System.nanoTime() < end) {
                    if (Ed25519Verifier.verify(t.from(), message, t.signature())) {
                        done.increment();
                    }
                }
            });
            workers.add(w);
            w.start();
        }
        for (Thread w : workers) {
            w.join();
        }
        return done.sum() / (millis / 1000.0);
    }
}
