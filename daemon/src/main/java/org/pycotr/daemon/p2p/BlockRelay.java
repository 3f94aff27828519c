package org.pycotr.daemon.p2p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pycotr.daemon.chain.BlockResult;
import org.pycotr.daemon.chain.TipChange;
import org.pycotr.daemon.node.ChainContext;
import org.pycotr.proto.BlockTxs;
import org.pycotr.proto.Envelope;
import org.pycotr.proto.GetBlockTxs;
import org.pycotr.proto.GetBlocks;
import org.pycotr.proto.NewBlock;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.tx.Coinbase;
import org.pycotr.protocol.tx.Transfer;
import org.pycotr.protocol.wire.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Block announcements as compact blocks: a new tip goes out as header, coinbase and txids; a
 * receiver rebuilds the block from its mempool and asks only for the transactions it lacks, or
 * for the full block if the rebuild fails. State confined to the chain thread.
 */
final class BlockRelay {
    private static final Logger log = LoggerFactory.getLogger(BlockRelay.class);
    /** Half-built blocks waiting for their missing transactions. */
    static final int MAX_PENDING = 16;

    private record Partial(BlockHeader header, Coinbase coinbase, List<Hash> txids, Map<Hash, Transfer> have) {}

    private final PeerManager peers;
    private final ChainSync sync;
    private final Map<Hash, Partial> pending = new LinkedHashMap<>();

    BlockRelay(PeerManager peers, ChainSync sync) {
        this.peers = peers;
        this.sync = sync;
    }

    /** Announces the new tip to every peer that does not have it. */
    void onTipChanged(TipChange change) {
        if (change.connected().isEmpty()) {
            return;
        }
        Block tip = change.connected().get(change.connected().size() - 1);
        NewBlock message = NewBlock.newBuilder()
                .setHeader(com.google.protobuf.ByteString.copyFrom(tip.header().encoded()))
                .setCoinbase(Messages.encoded(tip.coinbase()))
                .addAllTxids(Messages.hashBytes(tip.transfers().stream().map(Transfer::txid).toList()))
                .build();
        for (Peer p : peers.peers()) {
            p.announceBlock(tip.hash(), message);
        }
    }

    void onNewBlock(Peer peer, BlockHeader header, Coinbase coinbase, List<Hash> txids, ChainContext c) {
        Hash hash = header.hash();
        if (c.view().byHash(hash).isPresent() || pending.containsKey(hash)) {
            return;
        }
        if (c.view().byHash(header.previousHash()).isEmpty()) {
            log.debug("Block {} from {} builds on an unknown parent: syncing headers", hash.shortHex(), peer);
            sync.requestHeaders(peer, c);
            return;
        }
        Map<Hash, Transfer> have = new HashMap<>();
        List<Hash> missing = new ArrayList<>();
        for (Hash id : txids) {
            c.view().pendingTransaction(id).ifPresentOrElse(t -> have.put(id, t), () -> missing.add(id));
        }
        Partial partial = new Partial(header, coinbase, txids, have);
        if (missing.isEmpty()) {
            complete(peer, partial, c);
            return;
        }
        if (pending.size() >= MAX_PENDING) {
            pending.remove(pending.keySet().iterator().next());
        }
        pending.put(hash, partial);
        peer.send(Envelope.newBuilder().setGetBlockTxs(GetBlockTxs.newBuilder()
                .setBlockHash(Messages.bytes(hash)).addAllTxids(Messages.hashBytes(missing))).build());
    }

    void onBlockTxs(Peer peer, Hash blockHash, List<Transfer> txs, ChainContext c) {
        Partial partial = pending.remove(blockHash);
        if (partial == null) {
            return;
        }
        txs.forEach(t -> partial.have().put(t.txid(), t));
        if (!partial.have().keySet().containsAll(partial.txids())) {
            log.debug("Peer {} did not send every transaction of {}: fetching the full block", peer, blockHash.shortHex());
            peer.send(Envelope.newBuilder().setGetBlocks(GetBlocks.newBuilder().addHashes(Messages.bytes(blockHash))).build());
            return;
        }
        complete(peer, partial, c);
    }

    void onGetBlockTxs(Peer peer, Hash blockHash, List<Hash> ids, ChainContext c) {
        c.view().byHash(blockHash).filter(n -> n.block() != null).ifPresent(n -> {
            Map<Hash, Transfer> inBlock = new HashMap<>();
            n.block().transfers().forEach(t -> inBlock.put(t.txid(), t));
            BlockTxs.Builder reply = BlockTxs.newBuilder().setBlockHash(Messages.bytes(blockHash));
            for (Hash id : ids) {
                Transfer t = inBlock.get(id);
                if (t != null) {
                    reply.addTransactions(Messages.encoded(t));
                }
            }
            peer.send(Envelope.newBuilder().setBlockTxs(reply).build());
        });
    }

    private void complete(Peer peer, Partial p, ChainContext c) {
        List<Transfer> transfers = p.txids().stream().map(p.have()::get).toList();
        Block block = Block.of(p.header(), p.coinbase(), transfers);
        handleResult(peer, c.submitBlock(block, peer.name()), c);
    }

    /** What a block a peer gave us tells about the peer. */
    void handleResult(Peer peer, BlockResult result, ChainContext c) {
        switch (result.status()) {
            case INVALID -> {
                if (Penalties.provableForBlock(result.violation().reason())) {
                    peer.misbehaved(Penalties.INVALID_BLOCK, "invalid block " + result.hash().shortHex() + ": "
                            + result.violation().getMessage());
                }
            }
            case ORPHAN -> sync.requestHeaders(peer, c);
            default -> { }
        }
    }
}
