package org.pycotr.daemon.p2p;

import com.google.protobuf.ByteString;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pycotr.daemon.chain.BlockNode;
import org.pycotr.daemon.chain.BlockResult;
import org.pycotr.daemon.node.ChainContext;
import org.pycotr.proto.Blocks;
import org.pycotr.proto.Disconnect;
import org.pycotr.proto.Envelope;
import org.pycotr.proto.GetBlocks;
import org.pycotr.proto.GetHeaders;
import org.pycotr.proto.Headers;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.rules.HeaderRules;
import org.pycotr.protocol.rules.RuleViolation;
import org.pycotr.protocol.wire.Messages;
import org.pycotr.protocol.wire.WireLimits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Headers-first chain sync. When a peer has more work, ask it for headers after our locator,
 * check the header chain (linkage, proof of work, targets, timestamps) before fetching any body,
 * then download bodies in batches of {@value WireLimits#MAX_BLOCKS_IN_FLIGHT} spread over every
 * peer that has them, within a window of {@value WireLimits#DOWNLOAD_WINDOW} blocks, and connect
 * them in order. A peer that sits on a request past the stall timeout is dropped and its blocks
 * are asked of others. All state is confined to the chain thread (like btcd's sync manager).
 */
final class ChainSync {
    private static final Logger log = LoggerFactory.getLogger(ChainSync.class);
    /** Bytes of blocks per Blocks reply: a frame must stay under 4 MiB. */
    static final int MAX_REPLY_BYTES = 3 * 1024 * 1024;

    private record Request(Peer peer, long sentMs, long height) {}

    private final ChainParams params;
    private final HeaderRules headerRules;
    private final PeerManager peers;
    private final long stallMs;
    /** Validated headers whose bodies we still need, in chain order. */
    private final Deque<BlockHeader> queue = new ArrayDeque<>();
    private final Map<Hash, BlockHeader> queued = new HashMap<>();
    private final Map<Hash, Request> inFlight = new HashMap<>();
    private final Map<Hash, Downloaded> downloaded = new HashMap<>();
    /** Peers dropped for stalling whose connections are still closing: given no more work. */
    private final java.util.Set<Peer> stalled = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private Peer headerPeer;
    private long headerRequestMs;
    private BlockRelay relay;

    private record Downloaded(Block block, Peer from) {}

    ChainSync(ChainParams params, PeerManager peers, long stallMs) {
        this.params = params;
        this.headerRules = params.headerRules();
        this.peers = peers;
        this.stallMs = stallMs;
    }

    void setRelay(BlockRelay relay) {
        this.relay = relay;
    }

    void onPeerConnected(Peer peer, ChainContext c) {
        if (peer.info().totalWork().compareTo(c.view().tip().chainWork()) > 0) {
            log.info("Peer {} has more work (height {}): syncing headers", peer, peer.info().bestHeight());
            requestHeaders(peer, c);
        }
    }

    void onPeerDisconnected(Peer peer, ChainContext c) {
        stalled.remove(peer);
        inFlight.values().removeIf(r -> r.peer() == peer);
        if (headerPeer == peer) {
            headerPeer = null;
            nextHeaderPeer(c);
        }
        scheduleDownloads(c);
    }

    /** Asks {@code peer} for the headers after our best known header, unless a header request is running. */
    void requestHeaders(Peer peer, ChainContext c) {
        if (headerPeer != null && headerPeer.isOpen()) {
            return;
        }
        headerPeer = peer;
        headerRequestMs = c.now();
        List<Hash> locator = new ArrayList<>();
        if (!queue.isEmpty()) {
            locator.add(queue.peekLast().hash());
        }
        locator.addAll(BlockLocator.from(c.view().tip()));
        peer.send(Envelope.newBuilder().setGetHeaders(GetHeaders.newBuilder()
                .addAllLocator(Messages.hashBytes(locator.subList(0, Math.min(locator.size(), WireLimits.MAX_LOCATOR))))).build());
    }

    void onGetHeaders(Peer peer, List<Hash> locator, ChainContext c) {
        long start = 0;
        for (Hash h : locator) {
            Optional<BlockNode> node = c.view().byHash(h);
            if (node.isPresent() && c.view().onMainChain(node.get())) {
                start = node.get().height();
                break;
            }
        }
        Headers.Builder reply = Headers.newBuilder();
        for (long h = start + 1; h <= c.view().height() && reply.getHeadersCount() < WireLimits.MAX_HEADERS; h++) {
            reply.addHeaders(ByteString.copyFrom(c.view().atHeight(h).orElseThrow().header().encoded()));
        }
        peer.send(Envelope.newBuilder().setHeaders(reply).build());
    }

    void onHeaders(Peer peer, List<BlockHeader> headers, ChainContext c) {
        if (peer == headerPeer) {
            headerPeer = null;
        }
        if (headers.isEmpty()) {
            return;
        }
        List<BlockHeader> context = contextFor(headers.get(0).previousHash(), c);
        if (context == null) {
            log.debug("Headers from {} do not connect to anything we know", peer);
            return;
        }
        int added = 0;
        for (BlockHeader h : headers) {
            Hash hash = h.hash();
            BlockHeader parent = context.get(context.size() - 1);
            if (!h.previousHash().equals(parent.hash())) {
                peer.misbehaved(Penalties.INVALID_BLOCK, "headers do not form a chain");
                return;
            }
            boolean have = c.view().byHash(hash).isPresent() || queued.containsKey(hash);
            if (!have) {
                try {
                    HeaderRules.checkStandalone(h, hash);
                    headerRules.checkContextual(h, context, c.now());
                } catch (RuleViolation v) {
                    if (Penalties.provableForBlock(v.reason())) {
                        peer.misbehaved(Penalties.INVALID_BLOCK, "invalid header " + hash.shortHex() + ": " + v.getMessage());
                    }
                    return;
                }
                queue.addLast(h);
                queued.put(hash, h);
                added++;
            }
            context.add(h);
            if (context.size() > headerRules.lookback()) {
                context.remove(0);
            }
        }
        BlockHeader last = headers.get(headers.size() - 1);
        peer.sawBlock(last.height(), last.hash());
        log.info("Sync: {} new headers from {}, up to height {}", added, peer, headers.get(headers.size() - 1).height());
        if (headers.size() == WireLimits.MAX_HEADERS) {
            requestHeaders(peer, c);
        }
        scheduleDownloads(c);
    }

    /** Headers ending with {@code parent}, from the queue and then the block tree; null if unknown. */
    private List<BlockHeader> contextFor(Hash parent, ChainContext c) {
        Optional<BlockNode> node = c.view().byHash(parent);
        if (node.isPresent()) {
            return new ArrayList<>(org.pycotr.daemon.chain.BlockTree.recentHeaders(node.get(), headerRules.lookback()));
        }
        if (!queued.containsKey(parent)) {
            return null;
        }
        List<BlockHeader> chain = new ArrayList<>();
        Iterator<BlockHeader> it = queue.descendingIterator();
        boolean found = false;
        while (it.hasNext() && chain.size() < headerRules.lookback()) {
            BlockHeader h = it.next();
            if (!found && h.hash().equals(parent)) {
                found = true;
            }
            if (found) {
                chain.add(0, h);
            }
        }
        if (chain.size() < headerRules.lookback()) {
            Optional<BlockNode> base = c.view().byHash(chain.get(0).previousHash());
            if (base.isEmpty()) {
                return null;
            }
            List<BlockHeader> before = org.pycotr.daemon.chain.BlockTree.recentHeaders(base.get(),
                    headerRules.lookback() - chain.size());
            chain.addAll(0, before);
        }
        return chain;
    }

    /** Spreads the next bodies to fetch over every peer with free slots. */
    void scheduleDownloads(ChainContext c) {
        dropQueuedWeHave(c);
        if (queue.isEmpty()) {
            return;
        }
        long limit = c.view().height() + WireLimits.DOWNLOAD_WINDOW;
        Map<Peer, Integer> load = new HashMap<>();
        inFlight.values().forEach(r -> load.merge(r.peer(), 1, Integer::sum));
        for (Peer p : peers.peers()) {
            int free = WireLimits.MAX_BLOCKS_IN_FLIGHT - load.getOrDefault(p, 0);
            if (free <= 0 || stalled.contains(p)) {
                continue;
            }
            List<Hash> batch = new ArrayList<>();
            for (BlockHeader h : queue) {
                if (h.height() > limit || batch.size() >= free) {
                    break;
                }
                Hash hash = h.hash();
                if (!inFlight.containsKey(hash) && !downloaded.containsKey(hash) && canServe(p, h)) {
                    batch.add(hash);
                    inFlight.put(hash, new Request(p, c.now(), h.height()));
                }
            }
            if (!batch.isEmpty()) {
                p.send(Envelope.newBuilder().setGetBlocks(GetBlocks.newBuilder().addAllHashes(Messages.hashBytes(batch))).build());
            }
        }
    }

    /**
     * Whether {@code p} has the block of queued header {@code h}: its best known block is queued at
     * or above h's height. The queue is one chain, so that block descends from h.
     */
    private boolean canServe(Peer p, BlockHeader h) {
        BlockHeader best = queued.get(p.bestKnownBlock());
        return best != null && best.height() >= h.height();
    }

    private void dropQueuedWeHave(ChainContext c) {
        while (!queue.isEmpty() && c.view().byHash(queue.peekFirst().hash()).isPresent()) {
            Hash h = queue.pollFirst().hash();
            queued.remove(h);
            inFlight.remove(h);
            downloaded.remove(h);
        }
    }

    void onGetBlocks(Peer peer, List<Hash> hashes, ChainContext c) {
        List<Block> found = hashes.stream().flatMap(h -> c.view().byHash(h).stream())
                .map(BlockNode::block).filter(java.util.Objects::nonNull).toList();
        Replies.inChunks(found, Block::size, MAX_REPLY_BYTES, chunk -> peer.send(Envelope.newBuilder()
                .setBlocks(Blocks.newBuilder().addAllBlocks(chunk.stream().map(Messages::toProto).toList())).build()));
    }

    void onBlocks(Peer peer, List<Block> blocks, ChainContext c) {
        for (Block b : blocks) {
            inFlight.remove(b.hash());
            if (queued.containsKey(b.hash())) {
                downloaded.put(b.hash(), new Downloaded(b, peer));
            } else {
                relay.handleResult(peer, c.submitBlock(b, peer.name()), c);
            }
        }
        connectReady(c);
        scheduleDownloads(c);
    }

    /** Submits downloaded blocks in chain order, as far as the queue's head allows. */
    private void connectReady(ChainContext c) {
        while (!queue.isEmpty() && downloaded.containsKey(queue.peekFirst().hash())) {
            BlockHeader head = queue.pollFirst();
            queued.remove(head.hash());
            Downloaded d = downloaded.remove(head.hash());
            BlockResult r = c.submitBlock(d.block(), d.from().name());
            if (r.status() == BlockResult.Status.INVALID) {
                log.warn("Sync: block {} from {} is invalid ({}); abandoning its header chain", head.height(), d.from(),
                        r.violation().getMessage());
                relay.handleResult(d.from(), r, c);
                queue.clear();
                queued.clear();
                downloaded.clear();
                inFlight.clear();
                return;
            }
        }
        if (queue.isEmpty() && !downloaded.isEmpty()) {
            downloaded.clear();
        }
    }

    /** Finds stalled requests: the peer is dropped and its work handed to others. */
    void tick(ChainContext c) {
        long now = c.now();
        List<Peer> late = new ArrayList<>();
        for (Request r : inFlight.values()) {
            if (now - r.sentMs() >= stallMs && !late.contains(r.peer())) {
                late.add(r.peer());
                log.info("Sync: peer {} stalled on block {} for {} s; switching to another peer", r.peer(), r.height(),
                        (now - r.sentMs()) / 1000);
            }
        }
        if (headerPeer != null && now - headerRequestMs >= stallMs) {
            log.info("Sync: peer {} did not answer for headers in {} s; switching to another peer", headerPeer,
                    (now - headerRequestMs) / 1000);
            if (!late.contains(headerPeer)) {
                late.add(headerPeer);
            }
            headerPeer = null;
        }
        for (Peer p : late) {
            stalled.add(p);
            inFlight.values().removeIf(r -> r.peer() == p);
            p.disconnect(Disconnect.Reason.TIMEOUT, "stalled during sync");
        }
        if (!late.isEmpty()) {
            nextHeaderPeer(c);
            scheduleDownloads(c);
        }
    }

    private void nextHeaderPeer(ChainContext c) {
        for (Peer p : peers.peers()) {
            if (p.isOpen() && !stalled.contains(p) && p.info().totalWork().compareTo(c.view().tip().chainWork()) > 0) {
                requestHeaders(p, c);
                return;
            }
        }
    }

    int queued() {
        return queue.size();
    }
}
