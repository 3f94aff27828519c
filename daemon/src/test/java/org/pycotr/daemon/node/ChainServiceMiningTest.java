package org.pycotr.daemon.node;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.pycotr.protocol.testing.Keys.ALICE;
import static org.pycotr.protocol.testing.Keys.BOB;
import static org.pycotr.protocol.testing.Keys.MINER;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pycotr.daemon.chain.BlockNode;
import org.pycotr.daemon.chain.BlockResult;
import org.pycotr.daemon.mempool.MempoolLimits;
import org.pycotr.daemon.mining.HashEngine;
import org.pycotr.daemon.mining.NativeSha256d;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.rules.RuleViolation;
import org.pycotr.protocol.testing.TestChain;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

/** The real miner on its threads, driven through ChainService as the running node drives it. */
class ChainServiceMiningTest {
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private final ChainParams params = TestGenesis.fastMining();
    private ChainService service;

    private ChainService start(boolean mining, Duration pause) {
        return start(mining, pause, HashEngine.AUTO);
    }

    private ChainService start(boolean mining, Duration pause, HashEngine engine) {
        service = new ChainService(params, MempoolLimits.DEFAULT, new MinerSettings(mining, 2, MINER.address(), pause, engine),
                Clock.systemUTC());
        return service;
    }

    @AfterEach
    void stop() {
        if (service != null) {
            service.close();
        }
    }

    private long height() {
        return service.read(ChainView::height).join();
    }

    @ParameterizedTest
    @EnumSource(value = HashEngine.class, names = {"JDK", "NATIVE"})
    void twoHundredMinedBlocksValidateAndConserveMoney(HashEngine engine) {
        assumeTrue(engine != HashEngine.NATIVE || NativeSha256d.available(), NativeSha256d.unavailableReason());
        start(true, Duration.ZERO, engine);
        assertEquals(engine, service.miningStatus().join().engine());
        Transfer pay = Transfer.sign(ALICE, params.networkId(), BOB.address(), 1234, 7, 0, "mined in process");
        service.submitTransaction(pay, "test").join();
        await().atMost(PATIENCE).until(() -> height() >= 200);
        service.stopMining().join();

        record Snapshot(long height, long total, long miner, long bob, List<BlockNode> blocks, boolean payConfirmed) {}
        Snapshot s = service.read(v -> new Snapshot(v.height(), v.totalBalance(), v.account(MINER.address()).balance(),
                v.account(BOB.address()).balance(),
                java.util.stream.LongStream.rangeClosed(0, v.height()).mapToObj(h -> v.atHeight(h).orElseThrow()).toList(),
                v.findTransaction(pay.txid()).isPresent())).join();

        assertEquals(params.totalAllocated() + s.height() * params.blockReward(), s.total(), "money is conserved");
        assertEquals(s.height() * params.blockReward() + 7, s.miner());
        assertEquals(TestGenesis.ALLOCATION + 1234, s.bob());
        assertTrue(s.payConfirmed());

        // Every mined block passes validation again on a fresh node.
        try (ChainService replay = new ChainService(params, MempoolLimits.DEFAULT,
                new MinerSettings(false, 1, MINER.address(), Duration.ZERO), Clock.systemUTC())) {
            for (BlockNode n : s.blocks().subList(1, s.blocks().size())) {
                assertEquals(BlockResult.Status.CONNECTED, replay.submitBlock(n.block(), "replay").join().status());
            }
            assertEquals(s.height(), replay.read(ChainView::height).join());
        }
    }

    @Test
    void stopHaltsAndStartResumes() {
        start(true, Duration.ZERO);
        await().atMost(PATIENCE).until(() -> height() >= 5);
        service.stopMining().join();
        long stoppedAt = height();
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(3)).until(() -> height() == stoppedAt);
        assertEquals(false, service.miningStatus().join().mining());

        service.startMining().join();
        await().atMost(PATIENCE).until(() -> height() > stoppedAt + 5);
        ExecutionException twice = assertThrows(ExecutionException.class, () -> service.startMining().get());
        assertTrue(twice.getCause().getMessage().contains("already mining"));
    }

    @Test
    void pauseSpacesBlocksOut() {
        start(true, Duration.ofMillis(300));
        await().atMost(PATIENCE).until(() -> height() >= 4);
        List<BlockHeader> headers = service.read(v -> java.util.stream.LongStream.rangeClosed(1, 4)
                .mapToObj(h -> v.atHeight(h).orElseThrow().header()).toList()).join();
        for (int i = 1; i < headers.size(); i++) {
            long gap = headers.get(i).timestamp() - headers.get(i - 1).timestamp();
            assertTrue(gap >= 300, "block " + headers.get(i).height() + " came " + gap + " ms after its parent");
        }
    }

    @Test
    void minerDropsStaleWorkWhenAnotherBlockTakesTheTip() {
        start(false, Duration.ZERO);
        TestChain outside = TestChain.on(params).step(1).mine(3);
        service.startMining().join();
        // Feed a competing chain while mining: whatever the tip becomes, mining continues on it.
        for (var b : outside.blocks()) {
            service.submitBlock(b, "peer");
        }
        await().atMost(PATIENCE).until(() -> height() >= 10);
        BlockNode tip = service.read(ChainView::tip).join();
        assertEquals(tip.hash(), service.read(v -> v.atHeight(tip.height()).orElseThrow().hash()).join());
    }

    @Test
    void refusedTransactionReportsItsReason() {
        start(false, Duration.ZERO);
        Transfer broke = Transfer.sign(ALICE, params.networkId(), BOB.address(), TestGenesis.ALLOCATION + 1, 0, 0, "");
        ExecutionException e = assertThrows(ExecutionException.class, () -> service.submitTransaction(broke, "test").get());
        assertEquals(RejectReason.INSUFFICIENT_BALANCE, ((RuleViolation) e.getCause()).reason());
        assertEquals(0, service.read(ChainView::mempoolSize).join());
    }

    @Test
    void newTransactionsReachTheRunningMinersTemplate() {
        start(true, Duration.ZERO);
        await().atMost(PATIENCE).until(() -> height() >= 2);
        Transfer pay = Txs.on(params.networkId(), ALICE, BOB, 5, 0, 1);
        service.submitTransaction(pay, "test").join();
        await().atMost(PATIENCE).until(() -> service.read(v -> v.findTransaction(pay.txid()).isPresent()).join());
    }
}
