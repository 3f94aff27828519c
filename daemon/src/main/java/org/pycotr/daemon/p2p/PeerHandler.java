package org.pycotr.daemon.p2p;

import com.google.protobuf.ByteString;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.util.ArrayList;
import java.util.List;
import org.pycotr.daemon.node.ChainService;
import org.pycotr.proto.Envelope;
import org.pycotr.proto.NewBlock;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.encoding.ChainCodec;
import org.pycotr.protocol.rules.RuleViolation;
import org.pycotr.protocol.tx.Coinbase;
import org.pycotr.protocol.tx.Transaction;
import org.pycotr.protocol.tx.Transfer;
import org.pycotr.protocol.wire.Messages;
import org.pycotr.protocol.wire.WireException;
import org.pycotr.protocol.wire.WireLimits;

/**
 * Steady-state messages of one peer. On the event loop it enforces the per-message limits,
 * decodes chain objects (any defect is a protocol breach), records what the peer knows, and then
 * posts the work to the chain thread, where relay and sync keep their state.
 */
final class PeerHandler extends ChannelInboundHandlerAdapter {
    private final Peer peer;
    private final ChainService chain;
    private final TxRelay txRelay;
    private final BlockRelay blockRelay;
    private final ChainSync sync;
    private final PeerManager manager;
    private final int maxBlockBytes;

    PeerHandler(Peer peer, ChainService chain, TxRelay txRelay, BlockRelay blockRelay, ChainSync sync,
            PeerManager manager, int maxBlockBytes) {
        this.peer = peer;
        this.chain = chain;
        this.txRelay = txRelay;
        this.blockRelay = blockRelay;
        this.sync = sync;
        this.manager = manager;
        this.maxBlockBytes = maxBlockBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        Envelope e = (Envelope) msg;
        try {
            dispatch(e);
        } catch (RuleViolation v) {
            throw WireException.violation("invalid " + Messages.kind(e) + ": " + v.getMessage());
        }
    }

    private static void limit(int count, int max, String what) {
        if (count > max) {
            throw WireException.violation(what + " carries " + count + " items, limit " + max);
        }
    }

    private void dispatch(Envelope e) {
        switch (e.getMessageCase()) {
            case DISCONNECT -> Connections.received(peer.channel(), e.getDisconnect());
            case HELLO -> throw WireException.violation("second Hello");
            case INV_TX -> {
                limit(e.getInvTx().getTxidsCount(), WireLimits.MAX_INV_RECEIVE, "InvTx");
                List<Hash> ids = Messages.hashes(e.getInvTx().getTxidsList());
                peer.markKnownTxs(ids);
                chain.execute(c -> txRelay.onInv(peer, ids, c));
            }
            case GET_TXS -> {
                limit(e.getGetTxs().getTxidsCount(), WireLimits.MAX_INV_RECEIVE, "GetTxs");
                List<Hash> ids = Messages.hashes(e.getGetTxs().getTxidsList());
                chain.execute(c -> txRelay.onGetTxs(peer, ids, c));
            }
            case TXS -> {
                limit(e.getTxs().getTransactionsCount(), WireLimits.MAX_INV_RECEIVE, "Txs");
                List<Transfer> txs = transfers(e.getTxs().getTransactionsList());
                peer.markKnownTxs(txs.stream().map(Transfer::txid).toList());
                chain.verifyThenExecute(txs, c -> txRelay.onTxs(peer, txs, c));
            }
            case NEW_BLOCK -> {
                NewBlock m = e.getNewBlock();
                limit(m.getTxidsCount(), WireLimits.MAX_BLOCK_TXS, "NewBlock");
                BlockHeader header = Messages.header(m.getHeader());
                if (!(ChainCodec.decodeTransaction(m.getCoinbase().toByteArray()) instanceof Coinbase coinbase)) {
                    throw WireException.violation("NewBlock without a coinbase");
                }
                List<Hash> txids = Messages.hashes(m.getTxidsList());
                peer.markKnownBlock(header.hash());
                peer.sawBlock(header.height(), header.hash());
                chain.execute(c -> blockRelay.onNewBlock(peer, header, coinbase, txids, c));
            }
            case GET_BLOCK_TXS -> {
                limit(e.getGetBlockTxs().getTxidsCount(), WireLimits.MAX_BLOCK_TXS, "GetBlockTxs");
                Hash block = Messages.hash(e.getGetBlockTxs().getBlockHash());
                List<Hash> ids = Messages.hashes(e.getGetBlockTxs().getTxidsList());
                chain.execute(c -> blockRelay.onGetBlockTxs(peer, block, ids, c));
            }
            case BLOCK_TXS -> {
                limit(e.getBlockTxs().getTransactionsCount(), WireLimits.MAX_BLOCK_TXS, "BlockTxs");
                Hash block = Messages.hash(e.getBlockTxs().getBlockHash());
                List<Transfer> txs = transfers(e.getBlockTxs().getTransactionsList());
                chain.verifyThenExecute(txs, c -> blockRelay.onBlockTxs(peer, block, txs, c));
            }
            case GET_HEADERS -> {
                limit(e.getGetHeaders().getLocatorCount(), WireLimits.MAX_LOCATOR, "GetHeaders");
                List<Hash> locator = Messages.hashes(e.getGetHeaders().getLocatorList());
                chain.execute(c -> sync.onGetHeaders(peer, locator, c));
            }
            case HEADERS -> {
                limit(e.getHeaders().getHeadersCount(), WireLimits.MAX_HEADERS, "Headers");
                List<BlockHeader> headers = new ArrayList<>(e.getHeaders().getHeadersCount());
                for (ByteString h : e.getHeaders().getHeadersList()) {
                    headers.add(Messages.header(h));
                }
                chain.execute(c -> sync.onHeaders(peer, headers, c));
            }
            case GET_BLOCKS -> {
                limit(e.getGetBlocks().getHashesCount(), WireLimits.MAX_BLOCKS_IN_FLIGHT, "GetBlocks");
                List<Hash> hashes = Messages.hashes(e.getGetBlocks().getHashesList());
                chain.execute(c -> sync.onGetBlocks(peer, hashes, c));
            }
            case BLOCKS -> {
                limit(e.getBlocks().getBlocksCount(), WireLimits.MAX_BLOCKS_IN_FLIGHT, "Blocks");
                List<Block> blocks = new ArrayList<>(e.getBlocks().getBlocksCount());
                for (org.pycotr.proto.Block b : e.getBlocks().getBlocksList()) {
                    Block block = Messages.fromProto(b, maxBlockBytes);
                    peer.markKnownBlock(block.hash());
                    blocks.add(block);
                }
                chain.verifyThenExecute(blocks.stream().flatMap(b -> b.transfers().stream()).toList(),
                        c -> sync.onBlocks(peer, blocks, c));
            }
            case GET_PEERS -> manager.onGetPeers(peer);
            case PEERS -> {
                limit(e.getPeers().getPeersCount(), WireLimits.MAX_PEER_ADDRESSES, "Peers");
                manager.onPeers(peer, e.getPeers().getPeersList());
            }
            default -> throw WireException.violation("unexpected " + e.getMessageCase());
        }
    }

    private static List<Transfer> transfers(List<ByteString> encoded) {
        List<Transfer> out = new ArrayList<>(encoded.size());
        for (ByteString b : encoded) {
            Transaction t = ChainCodec.decodeTransaction(b.toByteArray());
            if (!(t instanceof Transfer transfer)) {
                throw WireException.violation("a coinbase outside a block");
            }
            out.add(transfer);
        }
        return out;
    }
}
