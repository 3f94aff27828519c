package org.pycotr.daemon.p2p;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.pycotr.daemon.node.ChainContext;
import org.pycotr.proto.Envelope;
import org.pycotr.proto.GetTxs;
import org.pycotr.proto.Txs;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.rules.RuleViolation;
import org.pycotr.protocol.tx.Transfer;
import org.pycotr.protocol.wire.Messages;
import org.pycotr.protocol.wire.WireLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Transaction gossip, receiving half: asks for announced transactions we lack (each from one peer
 * at a time), serves what we have, and offers received ones to the mempool. Announcing accepted
 * transactions is done by the network's chain listener. State confined to the chain thread.
 */
final class TxRelay {
    private static final Logger log = LoggerFactory.getLogger(TxRelay.class);
    /** How long we wait for a requested transaction before asking another peer that announces it. */
    static final long REQUEST_TIMEOUT_MS = 30_000;
    /** Bytes of transactions per Txs reply: well inside a frame. */
    static final int MAX_REPLY_BYTES = 1 << 20;

    private final Map<Hash, Long> requested = new HashMap<>();

    void onInv(Peer peer, List<Hash> ids, ChainContext c) {
        long now = c.now();
        List<Hash> wanted = new ArrayList<>();
        for (Hash id : ids) {
            Long asked = requested.get(id);
            boolean pending = asked != null && now - asked < REQUEST_TIMEOUT_MS;
            if (!pending && c.view().pendingTransaction(id).isEmpty() && c.view().findTransaction(id).isEmpty()) {
                requested.put(id, now);
                wanted.add(id);
            }
        }
        for (int i = 0; i < wanted.size(); i += WireLimits.MAX_INV_SEND) {
            List<Hash> batch = wanted.subList(i, Math.min(wanted.size(), i + WireLimits.MAX_INV_SEND));
            peer.send(Envelope.newBuilder().setGetTxs(GetTxs.newBuilder().addAllTxids(Messages.hashBytes(batch))).build());
        }
    }

    void onGetTxs(Peer peer, List<Hash> ids, ChainContext c) {
        List<Transfer> found = ids.stream().flatMap(id -> c.view().pendingTransaction(id).stream()).toList();
        Replies.inChunks(found, Transfer::size, MAX_REPLY_BYTES, chunk -> peer.send(Envelope.newBuilder()
                .setTxs(Txs.newBuilder().addAllTransactions(chunk.stream().map(Messages::encoded).toList())).build()));
    }

    void onTxs(Peer peer, List<Transfer> txs, ChainContext c) {
        for (Transfer t : txs) {
            requested.remove(t.txid());
            if (c.view().pendingTransaction(t.txid()).isPresent() || c.view().findTransaction(t.txid()).isPresent()) {
                continue;
            }
            try {
                c.submitTransaction(t, peer.name());
            } catch (RuleViolation v) {
                log.debug("Transaction {} from {} refused: {}", t.txid().shortHex(), peer, v.getMessage());
                if (Penalties.provableForTransaction(v.reason())) {
                    peer.misbehaved(Penalties.INVALID_TX, "invalid transaction " + t.txid().shortHex() + ": " + v.getMessage());
                }
            }
        }
    }

    /** Forgets requests that were never answered, so another announcer can be asked. */
    void expire(long now) {
        requested.values().removeIf(at -> now - at >= REQUEST_TIMEOUT_MS);
    }
}
