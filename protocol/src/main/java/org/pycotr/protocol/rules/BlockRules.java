package org.pycotr.protocol.rules;

import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.tx.Coinbase;
import org.pycotr.protocol.tx.Transfer;

/**
 * Body rules that need no account state: size, merkle root, the coinbase, and each transfer's
 * stateless rules. Balances and nonces are checked as the block is applied to the state.
 */
public final class BlockRules {
    private BlockRules() {}

    public static void checkBody(Block block, ChainParams params) {
        if (block.size() > params.maxBlockBytes()) {
            throw new RuleViolation(RejectReason.BLOCK_TOO_LARGE, block.size() + " bytes, limit "
                    + params.maxBlockBytes());
        }
        if (!Block.merkleRoot(block.coinbase(), block.transfers()).equals(block.header().merkleRoot())) {
            throw new RuleViolation(RejectReason.BAD_MERKLE_ROOT);
        }
        checkCoinbase(block, params);
        for (Transfer t : block.transfers()) {
            TransactionRules.checkStateless(t, params.networkId());
        }
    }

    /** The amount the coinbase of a block with these fees must pay: reward + fees, overflow-checked. */
    public static long coinbaseAmount(ChainParams params, long fees) {
        try {
            return Math.addExact(params.blockReward(), fees);
        } catch (ArithmeticException e) {
            throw new RuleViolation(RejectReason.AMOUNT_OUT_OF_RANGE, "reward plus fees overflow");
        }
    }

    private static void checkCoinbase(Block block, ChainParams params) {
        Coinbase cb = block.coinbase();
        if (!cb.network().equals(params.networkId())) {
            throw new RuleViolation(RejectReason.BAD_COINBASE, "coinbase for another network");
        }
        if (cb.height() != block.height()) {
            throw new RuleViolation(RejectReason.BAD_COINBASE, "coinbase height " + cb.height() + " in block "
                    + block.height());
        }
        long fees;
        try {
            fees = block.totalFees();
        } catch (ArithmeticException e) {
            throw new RuleViolation(RejectReason.AMOUNT_OUT_OF_RANGE, "sum of fees overflows");
        }
        long expected = coinbaseAmount(params, fees);
        if (cb.amount() != expected) {
            throw new RuleViolation(RejectReason.BAD_COINBASE, "coinbase pays " + cb.amount() + ", must pay reward + fees = "
                    + expected);
        }
    }
}
