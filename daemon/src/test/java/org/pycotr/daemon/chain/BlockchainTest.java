package org.pycotr.daemon.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pycotr.protocol.testing.Keys.ALICE;
import static org.pycotr.protocol.testing.Keys.BOB;
import static org.pycotr.protocol.testing.Keys.CAROL;
import static org.pycotr.protocol.testing.Keys.MINER;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pycotr.daemon.chain.BlockResult.Status;
import org.pycotr.daemon.mempool.MempoolLimits;
import org.pycotr.daemon.testing.TestNode;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.params.Allocation;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.rules.HeaderRules;
import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.testing.Blocks;
import org.pycotr.protocol.testing.TestChain;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Coinbase;
import org.pycotr.protocol.tx.Transfer;

class BlockchainTest {
    private final TestNode node = new TestNode();

    @Test
    void connectsAChainAndIndexesIt() {
        Transfer pay = Txs.transfer(ALICE, BOB, 500, 0, 5);
        TestChain c = TestChain.withBlocks(3).mine(pay).mine(2);

        assertEquals(Status.CONNECTED, node.submitAll(c).status());
        assertEquals(6, node.chain.height());
        assertEquals(c.tip().hash(), node.chain.tip().hash());
        assertEquals(c.block(4).hash(), node.chain.atHeight(4).orElseThrow().hash());
        assertTrue(node.chain.byHash(c.block(2).hash()).isPresent());

        TxLocation where = node.chain.findTransaction(pay.txid()).orElseThrow();
        assertEquals(new TxLocation(c.block(4).hash(), 4, 1), where);
        assertEquals(3, node.chain.confirmations(where.height()));
        assertEquals(TestGenesis.ALLOCATION - 505, node.balance(ALICE.address()));
        assertEquals(TestGenesis.ALLOCATION + 500, node.balance(BOB.address()));
        assertEquals(1, node.chain.account(ALICE.address()).nonce());
        assertEquals(6 * TestGenesis.REWARD + 5, node.balance(MINER.address()));
        assertTrue(node.chain.recipients().containsAll(List.of(BOB.address(), MINER.address())));
    }

    @Test
    void duplicateIsANoOp() {
        TestChain c = TestChain.withBlocks(2);
        node.submitAll(c);
        assertEquals(Status.DUPLICATE, node.submit(c.tip()).status());
        assertEquals(2, node.chain.height());
    }

    /*
     *  genesis ─ 1 ─ 2 ─ 3 ─ 4 ─ 5 ─ 6       long branch: slow blocks, easy targets
     *                └─ 3' ─ 4' ─ 5'        short branch: fast blocks, harder targets, more work
     */
    @Test
    void moreWorkWinsOverMoreBlocks() {
        TestChain base = TestChain.withBlocks(2);
        TestChain longLight = base.fork(2).step(5 * TestGenesis.BLOCK_TIME_MS).mine(4);
        TestChain shortHeavy = base.fork(2).step(1).mine(3);
        assertTrue(shortHeavy.height() < longLight.height(), "precondition: the heavy branch is shorter");
        assertTrue(shortHeavy.work().compareTo(longLight.work()) > 0, "precondition: and has more work");

        node.submitAll(longLight);
        assertEquals(longLight.tip().hash(), node.chain.tip().hash());
        node.submitAll(shortHeavy.blocksAfter(2));
        assertEquals(shortHeavy.tip().hash(), node.chain.tip().hash(), "the heavier, shorter branch wins");

        TestNode other = new TestNode();
        other.submitAll(shortHeavy);
        other.submitAll(longLight.blocksAfter(2));
        assertEquals(shortHeavy.tip().hash(), other.chain.tip().hash(), "a longer, lighter branch does not take over");
    }

    @Test
    void equalWorkKeepsTheFirstSeen() {
        TestChain base = TestChain.withBlocks(2);
        TestChain a = base.fork(2).mine(1);
        TestChain b = base.fork(2).minedBy(BOB.address()).mine(1);
        assertEquals(a.work(), b.work());
        node.submitAll(a);
        assertEquals(Status.SIDE_BRANCH, node.submit(b.tip()).status());
        assertEquals(a.tip().hash(), node.chain.tip().hash());
    }

    /*
     *  genesis ─ 1 ─ 2 ─ A3 ─ A4 ─ A5            A: Alice pays Bob (nonce 0), Carol pays Bob
     *                └─ B3 ─ B4 ─ B5 ─ B6       B: Alice pays Carol (nonce 0) -- a double spend of A's
     */
    @Test
    void reorgReturnsLosingTransactionsAndResolvesDoubleSpends() {
        TestChain base = TestChain.withBlocks(2);
        Transfer aliceToBob = Txs.transfer(ALICE, BOB, 100, 0, 2);
        Transfer carolToBob = Txs.transfer(CAROL, BOB, 70, 0, 3);
        Transfer aliceToCarol = Txs.transfer(ALICE, CAROL, 40, 0, 1);
        TestChain a = base.fork(2).mine(aliceToBob, carolToBob).mine(2);
        TestChain b = base.fork(2).minedBy(org.pycotr.protocol.testing.Keys.seeded(50).address()).mine(aliceToCarol).mine(3);
        node.submitAll(a);
        long totalBefore = node.chain.totalBalance();
        assertEquals(totalBefore, TestGenesis.params().totalAllocated() + 5 * TestGenesis.REWARD);

        node.submitAll(b.blocksAfter(2));

        assertEquals(b.tip().hash(), node.chain.tip().hash());
        TipChange reorg = node.changes.get(node.changes.size() - 1);
        assertEquals(3, reorg.disconnected().size(), "reorg depth");
        assertTrue(node.chain.findTransaction(aliceToCarol.txid()).isPresent());
        assertFalse(node.chain.findTransaction(aliceToBob.txid()).isPresent());
        assertFalse(node.mempool.contains(aliceToBob.txid()), "the losing double spend is gone");
        assertTrue(node.mempool.contains(carolToBob.txid()), "a transaction only the loser had is pending again");
        assertEquals(1, node.mempool.size());
        assertEquals(TestGenesis.params().totalAllocated() + 6 * TestGenesis.REWARD, node.chain.totalBalance());

        Block next = node.mineBlock();
        assertEquals(List.of(carolToBob), next.transfers(), "and is mined again");
        assertEquals(TestGenesis.ALLOCATION + 70, node.balance(BOB.address()));
        assertEquals(TestGenesis.ALLOCATION - 41, node.balance(ALICE.address()));
        assertEquals(TestGenesis.ALLOCATION + 40 - 73, node.balance(CAROL.address()));
        assertEquals(0, node.mempool.size());
    }

    /*
     *  genesis ─ 1 ─ 2 ─ 3 ─ 4                     tip before
     *                └─ 3' ─ 4'(invalid) ─ 5' ─ 6'   more work, but 4' spends money Alice lacks
     */
    @Test
    void invalidBlockInsideAHeavierBranchLeavesTheOldTipAndState() {
        TestChain base = TestChain.withBlocks(2);
        TestChain good = base.fork(2).mine(Txs.transfer(ALICE, BOB, 10)).mine(1);
        node.submitAll(good);
        long alice = node.balance(ALICE.address());
        long bob = node.balance(BOB.address());
        long total = node.chain.totalBalance();

        TestChain bad = base.fork(2).mine(1);
        Transfer overspend = Txs.transfer(CAROL, BOB, TestGenesis.ALLOCATION * 5);
        bad.append(bad.next(List.of(overspend))).mine(2);
        assertTrue(bad.work().compareTo(good.work()) > 0);

        node.submit(bad.block(3));
        BlockResult atBad = node.submit(bad.block(4));
        assertEquals(Status.SIDE_BRANCH, atBad.status(), "not heavier yet: stored, not connected");
        BlockResult r = node.submit(bad.block(5));
        assertEquals(Status.INVALID, r.status());
        assertEquals(RejectReason.INVALID_PARENT, r.violation().reason());
        assertEquals(RejectReason.INSUFFICIENT_BALANCE,
                node.chain.byHash(bad.block(4).hash()).orElseThrow().invalidReason().reason());

        assertEquals(good.tip().hash(), node.chain.tip().hash());
        assertEquals(alice, node.balance(ALICE.address()));
        assertEquals(bob, node.balance(BOB.address()));
        assertEquals(total, node.chain.totalBalance());
        assertEquals(Status.INVALID, node.submit(bad.block(6)).status(), "descendants of an invalid block are refused");
        assertEquals(RejectReason.INVALID_PARENT, node.submit(bad.block(6)).violation().reason());
    }

    @Test
    void orphansConnectWhenTheirParentArrives() {
        TestChain c = TestChain.withBlocks(5);
        for (int h = 5; h >= 2; h--) {
            assertEquals(Status.ORPHAN, node.submit(c.block(h)).status());
        }
        assertEquals(0, node.chain.height());
        assertEquals(Status.CONNECTED, node.submit(c.block(1)).status());
        assertEquals(5, node.chain.height());
        assertEquals(0, node.chain.orphanCount());
        assertEquals(1, node.changes.size(), "listeners hear one change for the whole batch");
    }

    @Test
    void orphanPoolIsBounded() {
        TestChain c = TestChain.withBlocks(OrphanPool.MAX_ORPHANS + 10);
        for (Block b : c.blocksAfter(1)) {
            node.submit(b);
        }
        assertEquals(OrphanPool.MAX_ORPHANS, node.chain.orphanCount());
    }

    @Test
    void blockFromTheFutureIsHeldAndRetried() {
        TestChain c = TestChain.withBlocks(1);
        node.clock.set(c.tip().header().timestamp() - HeaderRules.MAX_FUTURE_MS - 1000);
        assertEquals(Status.FUTURE, node.submit(c.tip()).status());
        assertEquals(0, node.chain.height());
        assertEquals(0, node.chain.retryFutureBlocks());
        node.clock.advance(Duration.ofSeconds(1));
        assertEquals(1, node.chain.retryFutureBlocks());
        assertEquals(1, node.chain.height());
    }

    @Test
    void invalidBlocksChangeNothing() {
        TestChain c = TestChain.withBlocks(3);
        node.submitAll(c);
        long total = node.chain.totalBalance();
        Block valid = c.next(List.of(Txs.transfer(ALICE, BOB, 5)));
        BlockHeader h = valid.header();
        Block wrongTarget = Blocks.remine(valid, new BlockHeader(1, h.height(), h.previousHash(), h.merkleRoot(), h.timestamp(),
                TestGenesis.POW_LIMIT, 0));

        BlockResult r = node.submit(wrongTarget);
        assertEquals(Status.INVALID, r.status());
        assertEquals(RejectReason.BAD_TARGET, r.violation().reason());
        assertEquals(3, node.chain.height());
        assertEquals(total, node.chain.totalBalance());
        assertEquals(Status.CONNECTED, node.submit(valid).status());
    }

    @Test
    void creditBeyondTwoTo63IsRefused() {
        long half = 1L << 62;
        ChainParams rich = new ChainParams("overflow", 1, TestGenesis.TIMESTAMP, TestGenesis.INITIAL_TARGET,
                TestGenesis.POW_LIMIT, 1000, half, 1 << 20, List.of(new Allocation(MINER.address(), half, "")));
        TestNode n = new TestNode(rich, MempoolLimits.DEFAULT);
        Block b = TestChain.on(rich).next(List.of());
        BlockResult r = n.submit(b);
        assertEquals(Status.INVALID, r.status());
        assertEquals(RejectReason.BALANCE_OVERFLOW, r.violation().reason());
        assertEquals(half, n.balance(MINER.address()));
    }

    @Test
    void unknownParentIsHeldAsOrphanNotConnected() {
        Block stray = TestChain.withBlocks(3).tip();
        assertEquals(Status.ORPHAN, node.submit(stray).status());
        assertSame(node.chain.atHeight(0).orElseThrow(), node.chain.tip());
    }

    @Test
    void coinbaseOnlyPaysWhatTheBlockEarns() {
        TestChain c = TestChain.withBlocks(1);
        Coinbase greedy = Coinbase.create(c.params().networkId(), MINER.address(), TestGenesis.REWARD * 2, 2);
        BlockHeader t = c.next(List.of()).header();
        Block b = Blocks.mine(new BlockHeader(1, 2, t.previousHash(), Block.merkleRoot(greedy, List.of()), t.timestamp(), t.target(), 0), greedy, List.of());
        node.submitAll(c);
        assertEquals(RejectReason.BAD_COINBASE, node.submit(b).violation().reason());
        assertEquals(BigInteger.ONE.signum(), node.chain.tip().chainWork().signum());
    }

    @Test
    void recipientsForgetDisconnectedOnes() {
        TestChain base = TestChain.withBlocks(1);
        Address dave = org.pycotr.protocol.testing.Keys.DAVE.address();
        TestChain a = base.fork(1).mine(Txs.transfer(ALICE, org.pycotr.protocol.testing.Keys.DAVE, 5));
        TestChain b = base.fork(1).mine(2);
        node.submitAll(a);
        assertTrue(node.chain.recipients().contains(dave));
        node.submitAll(b.blocksAfter(1));
        assertFalse(node.chain.recipients().contains(dave));
    }
}
