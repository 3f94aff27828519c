package org.pycotr.daemon.mining;

import java.util.List;
import org.pycotr.daemon.chain.Blockchain;
import org.pycotr.daemon.mempool.Mempool;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.encoding.ChainCodec;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.rules.BlockRules;
import org.pycotr.protocol.rules.HeaderRules;
import org.pycotr.protocol.tx.Coinbase;
import org.pycotr.protocol.tx.Transfer;

/** Builds the next block to mine on the tip: mempool selection, coinbase, merkle root and target. */
public final class BlockAssembler {
    private BlockAssembler() {}

    public static MiningJob assemble(Blockchain chain, Mempool mempool, Address rewardTo, long notBeforeMs) {
        ChainParams params = chain.params();
        List<BlockHeader> recent = chain.recentHeaders();
        BlockHeader parent = recent.get(recent.size() - 1);
        List<Transfer> transfers = mempool.selectForBlock(params.maxBlockBytes() - ChainCodec.BLOCK_OVERHEAD_BYTES);
        long fees = transfers.stream().mapToLong(Transfer::fee).sum();
        long height = parent.height() + 1;
        Coinbase coinbase = Coinbase.create(params.networkId(), rewardTo, BlockRules.coinbaseAmount(params, fees), height);
        BlockHeader template = new BlockHeader(BlockHeader.CURRENT_VERSION, height, chain.tip().hash(),
                Block.merkleRoot(coinbase, transfers), 0, params.headerRules().nextTarget(recent), 0);
        return new MiningJob(template, coinbase, transfers, HeaderRules.medianTimePast(recent) + 1, notBeforeMs);
    }
}
