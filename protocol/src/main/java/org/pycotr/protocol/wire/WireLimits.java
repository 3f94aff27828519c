package org.pycotr.protocol.wire;

/**
 * Message limits every node enforces before parsing further (DESIGN.md, "Limits"). Each says
 * which attack it stops; the numbers follow Bitcoin Core where it has an equivalent.
 */
public final class WireLimits {
    /** One frame: larger ones are refused from the length field, before any byte is buffered (Core: 4,000,000 B). */
    public static final int MAX_FRAME_BYTES = 4 * 1024 * 1024;
    /** Headers per Headers message: bounds the work of validating one reply (Core: 2,000). */
    public static final int MAX_HEADERS = 2000;
    /** Hashes in a block locator: enough for exponential spacing back to genesis of any chain (Core: 101). */
    public static final int MAX_LOCATOR = 101;
    /** Ids accepted in one InvTx or GetTxs: more is an inventory flood (Core: 50,000). */
    public static final int MAX_INV_RECEIVE = 50_000;
    /** Ids we put in one InvTx or GetTxs: keeps our messages small and fair (Core: 1,000 per trickle). */
    public static final int MAX_INV_SEND = 1000;
    /** Block hashes per GetBlocks, which is also the blocks in flight per peer (Core: 16). */
    public static final int MAX_BLOCKS_IN_FLIGHT = 16;
    /** How far ahead of our tip blocks are downloaded: bounds memory held for reordering (Core: 1,024). */
    public static final int DOWNLOAD_WINDOW = 1024;
    /** Addresses in one Peers message: an address book cannot be flooded in one go (Core: 1,000). */
    public static final int MAX_PEER_ADDRESSES = 1000;
    /** Transactions requested with one GetBlockTxs. */
    public static final int MAX_BLOCK_TXS = 50_000;

    private WireLimits() {}
}
