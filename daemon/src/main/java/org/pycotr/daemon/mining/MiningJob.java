package org.pycotr.daemon.mining;

import java.util.List;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.tx.Coinbase;
import org.pycotr.protocol.tx.Transfer;

/**
 * A block to search for: everything but the timestamp and nonce is fixed. Mining threads set the
 * timestamp from their clock (never below {@code minTimestamp}) when they start and refresh it as
 * they go, so a job that waited out the miner pause still carries the current time.
 *
 * @param template header with the parent, merkle root and target of the block to mine
 * @param minTimestamp lowest valid timestamp: one above the median of the last 11 blocks
 * @param notBeforeMs wall-clock time before which no thread starts (the miner pause)
 */
public record MiningJob(BlockHeader template, Coinbase coinbase, List<Transfer> transfers, long minTimestamp,
        long notBeforeMs) {
    public MiningJob {
        transfers = List.copyOf(transfers);
    }

    BlockHeader headerAt(long timestamp, long nonce) {
        return new BlockHeader(template.version(), template.height(), template.previousHash(), template.merkleRoot(),
                Math.max(minTimestamp, timestamp), template.target(), nonce);
    }

    Block toBlock(BlockHeader solved) {
        return Block.of(solved, coinbase, transfers);
    }
}
