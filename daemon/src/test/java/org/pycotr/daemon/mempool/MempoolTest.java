package org.pycotr.daemon.mempool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pycotr.protocol.testing.Keys.ALICE;
import static org.pycotr.protocol.testing.Keys.BOB;
import static org.pycotr.protocol.testing.Keys.CAROL;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pycotr.daemon.testing.TestNode;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.crypto.Signature;
import org.pycotr.protocol.encoding.ChainCodec;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.rules.RuleViolation;
import org.pycotr.protocol.testing.Keys;
import org.pycotr.protocol.testing.TestChain;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

class MempoolTest {
    private final TestNode node = new TestNode();
    private final Mempool pool = node.mempool;

    private void assertRefused(RejectReason reason, Transfer tx) {
        int size = pool.size();
        long bytes = pool.bytes();
        Executable add = () -> pool.add(tx);
        assertEquals(reason, assertThrows(RuleViolation.class, add).reason());
        assertEquals(size, pool.size(), "a refused transaction changes nothing");
        assertEquals(bytes, pool.bytes());
    }

    @Test
    void acceptsASendersChainOfNonces() {
        node.add(Txs.transfer(ALICE, BOB, 5, 0), Txs.transfer(ALICE, BOB, 5, 1), Txs.transfer(ALICE, BOB, 5, 2));
        assertEquals(3, pool.size());
        assertEquals(3, pool.nextNonce(ALICE.address()));
        assertEquals(18, pool.pendingCost(ALICE.address()));
    }

    @Test
    void refusesWithTheReasonAndChangesNothing() {
        Transfer first = Txs.transfer(ALICE, BOB, 5, 0);
        pool.add(first);
        assertRefused(RejectReason.DUPLICATE, first);
        assertRefused(RejectReason.NONCE_ALREADY_PENDING, Txs.transfer(ALICE, CAROL, 5, 0));
        assertRefused(RejectReason.NONCE_GAP_TOO_LARGE, Txs.transfer(ALICE, BOB, 5, 2 + MempoolLimits.DEFAULT.maxNonceGap()));
        assertRefused(RejectReason.INSUFFICIENT_BALANCE, Txs.transfer(ALICE, BOB, TestGenesis.ALLOCATION - 6, 1));
        assertRefused(RejectReason.SELF_TRANSFER, Txs.transfer(BOB, BOB, 5, 0));
        assertRefused(RejectReason.ZERO_AMOUNT, Txs.transfer(BOB, ALICE, 0, 0));
        assertRefused(RejectReason.WRONG_NETWORK, Txs.on(org.pycotr.protocol.crypto.Hash.ZERO, BOB, ALICE, 1, 0, 1));
        Transfer good = Txs.transfer(BOB, ALICE, 5, 0);
        byte[] sig = good.signature().bytes();
        sig[0] ^= 1;
        assertRefused(RejectReason.BAD_SIGNATURE, Transfer.of(good.network(), good.from(), good.to(), 5, good.fee(), 0, "", Signature.of(sig)));
        assertEquals(List.of(first), pool.transactions());
    }

    @Test
    void smallNonceGapIsAcceptedButNotMinedUntilFilled() {
        Transfer later = Txs.transfer(ALICE, BOB, 5, 2);
        pool.add(later);
        assertTrue(pool.selectForBlock(1 << 20).isEmpty());
        Transfer n0 = Txs.transfer(ALICE, BOB, 5, 0);
        Transfer n1 = Txs.transfer(ALICE, BOB, 5, 1);
        pool.add(n0);
        pool.add(n1);
        assertEquals(List.of(n0, n1, later), pool.selectForBlock(1 << 20));
    }

    @Test
    void usedNonceIsTooLow() {
        Transfer spent = Txs.transfer(ALICE, BOB, 5, 0);
        node.submitAll(TestChain.withBlocks(1).mine(spent));
        assertRefused(RejectReason.NONCE_TOO_LOW, spent);
    }

    @Test
    void newTipRemovesIncludedAndNowInvalidTransactions() {
        Transfer included = Txs.transfer(ALICE, BOB, 5, 0);
        Transfer next = Txs.transfer(ALICE, BOB, 5, 1);
        Transfer carolsSpend = Txs.transfer(CAROL, BOB, TestGenesis.ALLOCATION - 10, 0, 1);
        pool.add(included);
        pool.add(next);
        pool.add(carolsSpend);
        // Another miner's block spends most of Carol's money with a different transaction.
        Transfer carolElsewhere = Txs.transfer(CAROL, ALICE, TestGenesis.ALLOCATION / 2, 0, 1);
        node.submitAll(TestChain.withBlocks(1).mine(included, carolElsewhere));
        assertEquals(List.of(next), pool.transactions());
    }

    @Test
    void expiresOldTransactionsWithTheirSuccessors() {
        pool.add(Txs.transfer(ALICE, BOB, 5, 0));
        node.clock.advance(Duration.ofHours(1));
        pool.add(Txs.transfer(ALICE, BOB, 5, 1));
        Transfer fresh = Txs.transfer(BOB, ALICE, 5, 0);
        pool.add(fresh);
        node.clock.advance(Duration.ofHours(23).plusSeconds(1));
        assertEquals(2, pool.expire());
        assertEquals(List.of(fresh), pool.transactions());
    }

    @Test
    void fullPoolEvictsTheLowestFeeRateOrRefuses() {
        TestNode small = new TestNode(TestGenesis.params(), new MempoolLimits(3, 1 << 20, Duration.ofHours(1), 16));
        Mempool p = small.mempool;
        Transfer cheap = Txs.transfer(ALICE, BOB, 5, 0, 1);
        Transfer mid = Txs.transfer(BOB, ALICE, 5, 0, 2);
        Transfer midNext = Txs.transfer(BOB, ALICE, 5, 1, 50);
        p.add(cheap);
        p.add(mid);
        p.add(midNext);
        assertEquals(RejectReason.MEMPOOL_FULL,
                assertThrows(RuleViolation.class, () -> p.add(Txs.transfer(CAROL, ALICE, 5, 0, 1))).reason());
        assertEquals(3, p.size());

        List<Transfer> evicted = p.add(Txs.transfer(CAROL, ALICE, 5, 0, 3));
        assertEquals(List.of(cheap), evicted);
        evicted = p.add(Txs.transfer(Keys.DAVE, ALICE, 5, 0, 10));
        assertEquals(List.of(Txs.transfer(CAROL, ALICE, 5, 0, 3)), evicted,
                "only a sender's last transaction can leave: Bob's cheap first one is protected by his rich second");
        assertEquals(3, p.size());
        assertTrue(p.contains(mid.txid()));
    }

    private static long totalFees(List<Transfer> txs) {
        return txs.stream().mapToLong(Transfer::fee).sum();
    }

    /**
     * 10,000 transactions from 100 senders with random fees: templates keep each sender's nonce
     * order, take higher fee rates first, never exceed the block size, and the pool bound holds.
     */
    @Test
    void tenThousandTransactionsFromOneHundredSenders() {
        int senders = 100;
        int perSender = 100;
        ChainParams params = TestGenesis.withFundedKeys(senders);
        TestNode big = new TestNode(params, new MempoolLimits(9_000, 64L << 20, Duration.ofHours(24), 16));
        Random random = new Random(42);
        List<Transfer> all = new ArrayList<>();
        for (int s = 1; s <= senders; s++) {
            PrivateKey from = Keys.seeded(s);
            PrivateKey to = Keys.seeded(s % senders + 1);
            for (int n = 0; n < perSender; n++) {
                all.add(Txs.on(params.networkId(), from, to, 1 + random.nextInt(100), n, random.nextInt(1000)));
            }
        }
        int refused = 0;
        for (Transfer t : all) {
            try {
                big.mempool.add(t);
            } catch (RuleViolation v) {
                // once a sender's nonce was refused, its later ones may run into the gap limit
                assertTrue(v.reason() == RejectReason.MEMPOOL_FULL || v.reason() == RejectReason.NONCE_GAP_TOO_LARGE, v.getMessage());
                refused++;
            }
            assertTrue(big.mempool.size() <= 9_000, "pool bound holds");
        }
        assertTrue(big.mempool.size() > 8_500, "evictions free only what is needed");
        assertTrue(refused > 0, "refused " + refused + ", evicted to " + big.mempool.size());

        int maxBytes = 64 * 1024;
        List<Transfer> template = big.mempool.selectForBlock(maxBytes);
        assertFalse(template.isEmpty());
        assertTrue(template.stream().mapToInt(Transfer::size).sum() <= maxBytes, "never exceeds the block size");

        Map<Address, Long> nextNonce = new HashMap<>();
        for (Transfer t : template) {
            long expected = nextNonce.getOrDefault(t.from(), 0L);
            assertEquals(expected, t.nonce(), "nonce order per sender");
            nextNonce.put(t.from(), expected + 1);
        }
        // Higher fees first: the ten best-paying executable transactions are all taken, and the
        // template pays better than taking the pool in arrival order, as the seed project did.
        List<Transfer> executableNow = big.mempool.transactions().stream().filter(t -> t.nonce() == 0)
                .sorted((x, y) -> Long.compare(y.fee(), x.fee())).limit(10).toList();
        assertTrue(template.containsAll(executableNow));
        List<Transfer> arrivalOrder = new ArrayList<>();
        int used = 0;
        Map<Address, Long> fifoNonce = new HashMap<>();
        for (Transfer t : big.mempool.transactions()) {
            if (t.nonce() == fifoNonce.getOrDefault(t.from(), 0L) && used + t.size() <= maxBytes) {
                arrivalOrder.add(t);
                used += t.size();
                fifoNonce.put(t.from(), t.nonce() + 1);
            }
        }
        assertTrue(totalFees(template) > totalFees(arrivalOrder) * 1.1,
                "fee-rate template earns " + totalFees(template) + ", arrival order " + totalFees(arrivalOrder));

        Transfer full = big.mempool.selectForBlock(params.maxBlockBytes() - ChainCodec.BLOCK_OVERHEAD_BYTES).get(0);
        assertTrue(full.size() > 0);
    }
}
