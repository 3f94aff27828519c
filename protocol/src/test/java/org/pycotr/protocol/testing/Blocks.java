package org.pycotr.protocol.testing;

import java.util.List;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.tx.Coinbase;
import org.pycotr.protocol.tx.Transfer;

/** Mining for tests: a plain nonce search, fine at test targets. */
public final class Blocks {
    private Blocks() {}

    public static Block mine(BlockHeader header, Coinbase coinbase, List<Transfer> transfers) {
        BlockHeader h = header;
        while (!h.target().isMetBy(h.hash())) {
            h = h.withNonce(h.nonce() + 1);
        }
        return Block.of(h, coinbase, transfers);
    }

    /** Re-mines {@code header} after a test changed a field. */
    public static Block remine(Block b, BlockHeader header) {
        return mine(header.withNonce(0), b.coinbase(), b.transfers());
    }
}
