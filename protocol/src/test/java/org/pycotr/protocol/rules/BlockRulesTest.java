package org.pycotr.protocol.rules;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.pycotr.protocol.testing.Keys.ALICE;
import static org.pycotr.protocol.testing.Keys.BOB;
import static org.pycotr.protocol.testing.Keys.MINER;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.encoding.ByteWriter;
import org.pycotr.protocol.encoding.ChainCodec;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.testing.Blocks;
import org.pycotr.protocol.testing.TestChain;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Coinbase;
import org.pycotr.protocol.tx.Transfer;

/** Each block and header rule, broken alone on an otherwise valid block, is rejected with its reason. */
class BlockRulesTest {
    private final TestChain chain = TestChain.withBlocks(12);
    private final ChainParams params = chain.params();
    private final HeaderRules rules = params.headerRules();
    private final long now = chain.tipHeader().timestamp() + 10_000;

    private static void assertRejected(RejectReason reason, Executable check) {
        RuleViolation e = assertThrows(RuleViolation.class, check);
        assertEquals(reason, e.reason(), e.getMessage());
    }

    private void checkHeader(BlockHeader h) {
        HeaderRules.checkStandalone(h, h.hash());
        rules.checkContextual(h, chain.recent(), now);
    }

    private BlockHeader validHeader() {
        return chain.next(List.of()).header();
    }

    private Block remined(BlockHeader changed) {
        Block b = chain.next(List.of());
        return Blocks.mine(changed.withNonce(0), b.coinbase(), b.transfers());
    }

    private static BlockHeader with(BlockHeader h, int version, long height, long timestamp, org.pycotr.protocol.pow.CompactTarget target) {
        return new BlockHeader(version, height, h.previousHash(), h.merkleRoot(), timestamp, target, h.nonce());
    }

    @Test
    void validNextBlockPasses() {
        Block b = chain.next(List.of(Txs.transfer(ALICE, BOB, 5)));
        assertDoesNotThrow(() -> checkHeader(b.header()));
        assertDoesNotThrow(() -> BlockRules.checkBody(b, params));
    }

    @Test
    void versionMustBeCurrent() {
        BlockHeader h = validHeader();
        assertRejected(RejectReason.BAD_VERSION, () -> checkHeader(remined(with(h, 2, h.height(), h.timestamp(), h.target())).header()));
    }

    @Test
    void hashMustMeetTarget() {
        BlockHeader h = validHeader();
        long nonce = 0;
        while (h.withNonce(nonce).target().isMetBy(h.withNonce(nonce).hash())) {
            nonce++;
        }
        BlockHeader unmined = h.withNonce(nonce);
        assertRejected(RejectReason.BAD_PROOF_OF_WORK, () -> checkHeader(unmined));
    }

    @Test
    void heightMustFollowParent() {
        BlockHeader h = validHeader();
        assertRejected(RejectReason.BAD_HEIGHT, () -> checkHeader(remined(with(h, 1, h.height() + 1, h.timestamp(), h.target())).header()));
    }

    @Test
    void targetMustBeWhatTheDifficultyRuleDemands() {
        BlockHeader h = validHeader();
        assertRejected(RejectReason.BAD_TARGET, () -> checkHeader(remined(with(h, 1, h.height(), h.timestamp(), TestGenesis.POW_LIMIT)).header()));
    }

    @Test
    void timestampMustBeAboveMedianOfLastEleven() {
        BlockHeader h = validHeader();
        long median = HeaderRules.medianTimePast(chain.recent());
        assertRejected(RejectReason.TIMESTAMP_TOO_OLD, () -> checkHeader(remined(with(h, 1, h.height(), median, h.target())).header()));
        assertDoesNotThrow(() -> checkHeader(remined(with(h, 1, h.height(), median + 1, h.target())).header()));
    }

    @Test
    void timestampAtMostTwoMinutesAhead() {
        BlockHeader h = validHeader();
        long tooLate = now + HeaderRules.MAX_FUTURE_MS + 1;
        assertRejected(RejectReason.TIMESTAMP_TOO_NEW, () -> checkHeader(remined(with(h, 1, h.height(), tooLate, h.target())).header()));
        assertDoesNotThrow(() -> checkHeader(remined(with(h, 1, h.height(), now + HeaderRules.MAX_FUTURE_MS, h.target())).header()));
    }

    @Test
    void blockMustFitMaxBlockBytes() {
        ChainParams small = TestGenesis.params(ChainParams.MIN_BLOCK_BYTES, ALICE);
        TestChain c = TestChain.on(small);
        List<Transfer> txs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            txs.add(Txs.on(small.networkId(), ALICE, BOB, 1, i, 1));
        }
        Block b = c.next(txs);
        assertRejected(RejectReason.BLOCK_TOO_LARGE, () -> BlockRules.checkBody(b, small));
        assertDoesNotThrow(() -> BlockRules.checkBody(c.next(txs.subList(0, 3)), small));
    }

    @Test
    void merkleRootMustMatch() {
        Block b = chain.next(List.of(Txs.transfer(ALICE, BOB, 5)));
        Block dropped = Blocks.mine(b.header(), b.coinbase(), List.of());
        assertRejected(RejectReason.BAD_MERKLE_ROOT, () -> BlockRules.checkBody(dropped, params));
    }

    @Test
    void coinbaseMustPayRewardPlusFeesExactly() {
        Transfer t = Txs.transfer(ALICE, BOB, 5, 0, 3);
        assertRejected(RejectReason.BAD_COINBASE, () -> BlockRules.checkBody(withCoinbase(
                Coinbase.create(params.networkId(), MINER.address(), params.blockReward() + 4, chain.height() + 1), t), params));
        assertRejected(RejectReason.BAD_COINBASE, () -> BlockRules.checkBody(withCoinbase(
                Coinbase.create(params.networkId(), MINER.address(), params.blockReward() + 2, chain.height() + 1), t), params));
        assertDoesNotThrow(() -> BlockRules.checkBody(withCoinbase(
                Coinbase.create(params.networkId(), MINER.address(), params.blockReward() + 3, chain.height() + 1), t), params));
    }

    @Test
    void coinbaseNonceMustBeTheHeightAndNetworkOurs() {
        assertRejected(RejectReason.BAD_COINBASE, () -> BlockRules.checkBody(withCoinbase(
                Coinbase.create(params.networkId(), MINER.address(), params.blockReward(), chain.height())), params));
        assertRejected(RejectReason.BAD_COINBASE, () -> BlockRules.checkBody(withCoinbase(
                Coinbase.create(Hash.ZERO, MINER.address(), params.blockReward(), chain.height() + 1)), params));
    }

    @Test
    void coinbaseFirstAndOnlyFirst() {
        Block b = chain.next(List.of(Txs.transfer(ALICE, BOB, 5)));
        byte[] transferFirst = blockBytes(b.header(), b.transfers().get(0).encoded(), b.coinbase().encoded());
        assertRejected(RejectReason.COINBASE_MISSING, () -> ChainCodec.decodeBlock(transferFirst, 1 << 20));
        byte[] twoCoinbases = blockBytes(b.header(), b.coinbase().encoded(), b.coinbase().encoded());
        assertRejected(RejectReason.COINBASE_MISPLACED, () -> ChainCodec.decodeBlock(twoCoinbases, 1 << 20));
    }

    @Test
    void everyTransferInTheBlockMustPassItsStatelessRules() {
        Transfer selfPay = Txs.transfer(ALICE, ALICE, 5);
        assertRejected(RejectReason.SELF_TRANSFER, () -> BlockRules.checkBody(chain.next(List.of(selfPay)), params));
        Transfer otherNetwork = Txs.on(Hash.ZERO, ALICE, BOB, 5, 0, 1);
        assertRejected(RejectReason.WRONG_NETWORK, () -> BlockRules.checkBody(chain.next(List.of(otherNetwork)), params));
    }

    private Block withCoinbase(Coinbase cb, Transfer... transfers) {
        BlockHeader h = validHeader();
        List<Transfer> list = List.of(transfers);
        return Blocks.mine(new BlockHeader(1, h.height(), h.previousHash(), Block.merkleRoot(cb, list), h.timestamp(), h.target(), 0), cb, list);
    }

    private static byte[] blockBytes(BlockHeader h, byte[]... txs) {
        ByteWriter w = new ByteWriter(1024).bytes(h.encoded()).u32(txs.length);
        for (byte[] t : txs) {
            w.bytes(t);
        }
        return w.toByteArray();
    }
}
