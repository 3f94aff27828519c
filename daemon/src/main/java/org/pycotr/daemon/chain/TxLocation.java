package org.pycotr.daemon.chain;

import org.pycotr.protocol.crypto.Hash;

/** Where a confirmed transaction sits: block, height and index inside the block (0 = coinbase). */
public record TxLocation(Hash blockHash, long height, int position) {}
