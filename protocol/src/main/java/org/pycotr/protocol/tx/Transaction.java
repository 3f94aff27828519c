package org.pycotr.protocol.tx;

import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.Hash;

/**
 * A transaction: either the block's {@link Coinbase} or a signed {@link Transfer}. Instances are
 * immutable and already passed the structural checks of their factories (ranges, memo length), so
 * the rest of the code never handles a half-valid value.
 */
public sealed interface Transaction permits Coinbase, Transfer {
    /** Longest memo, in UTF-8 bytes: room for a note, too short to store files on chain. */
    int MAX_MEMO_BYTES = 256;

    Hash txid();

    Hash network();

    Address to();

    long amount();

    long nonce();

    String memo();

    /** The canonical signing bytes; {@code txid = SHA-256(signingBytes())}. */
    byte[] signingBytes();

    /** The full canonical encoding, as inside a block. */
    byte[] encoded();

    /** Length of {@link #encoded()} in bytes: what the transaction costs in a block. */
    int size();
}
