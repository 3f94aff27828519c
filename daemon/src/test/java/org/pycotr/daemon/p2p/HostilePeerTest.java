package org.pycotr.daemon.p2p;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pycotr.protocol.testing.Keys.ALICE;
import static org.pycotr.protocol.testing.Keys.BOB;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.pycotr.daemon.testing.Cluster;
import org.pycotr.daemon.testing.ClusterNode;
import org.pycotr.daemon.testing.RawPeer;
import org.pycotr.proto.Disconnect;
import org.pycotr.proto.Envelope;
import org.pycotr.proto.InvTx;
import org.pycotr.proto.NewBlock;

import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.crypto.Signature;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.testing.TestChain;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;
import org.pycotr.protocol.wire.Frames;
import org.pycotr.protocol.wire.WireLimits;

/** A raw client misbehaves in every way we know; the node drops or bans it and keeps serving its honest peer. */
class HostilePeerTest {
    private final ChainParams params = TestGenesis.params();
    private Cluster cluster;
    private ClusterNode node;
    private ClusterNode honest;

    @BeforeEach
    void start() {
        cluster = new Cluster(params, 2, i -> ClusterNode.fixedTopology());
        node = cluster.get(0);
        honest = cluster.get(1);
        honest.connect(node);
        Cluster.awaitPeers(node, 1);
    }

    @AfterEach
    void stop() {
        // The honest peer was served throughout: a transaction still crosses.
        Transfer pay = Txs.transfer(ALICE, BOB, 3, 0);
        node.submit(pay);
        await().atMost(Cluster.PATIENCE).until(() -> honest.inMempool(pay.txid()));
        assertEquals(1, honest.peerCount());
        cluster.close();
    }

    private RawPeer connect() throws IOException {
        return new RawPeer(node.net.port());
    }

    private RawPeer handshaken() throws IOException {
        RawPeer raw = connect();
        raw.handshake(RawPeer.hello(params.networkId(), 0, params.networkId(), BigInteger.ONE));
        await().atMost(Cluster.PATIENCE).until(() -> node.peerCount() == 2);
        return raw;
    }

    private Disconnect.Reason lastReason() {
        List<DisconnectEvent> events = node.net.recentDisconnects();
        return events.get(events.size() - 1).reason();
    }

    @Test
    void wrongMagicIsDropped() throws IOException {
        try (RawPeer raw = connect()) {
            raw.sendBytes(ByteBuffer.allocate(8).putInt(0x12345678).putInt(4).array());
            assertTrue(raw.closedByNode());
        }
        await().atMost(Cluster.PATIENCE).until(() -> lastReason() == Disconnect.Reason.PROTOCOL_VIOLATION);
    }

    @Test
    void garbageIsDropped() throws IOException {
        try (RawPeer raw = connect()) {
            raw.sendBytes("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
            assertTrue(raw.closedByNode());
        }
    }

    @Test
    void oversizedLengthIsRefusedBeforeThePayloadArrives() throws IOException {
        try (RawPeer raw = connect()) {
            raw.sendBytes(ByteBuffer.allocate(8).putInt(Frames.MAGIC).putInt(WireLimits.MAX_FRAME_BYTES + 1).array());
            assertTrue(raw.closedByNode(), "closed without waiting for 4 MiB");
        }
        await().atMost(Cluster.PATIENCE).until(() -> node.net.recentDisconnects().stream()
                .anyMatch(d -> d.detail().contains("exceeds")));
    }

    @Test
    void undecodablePayloadIsDropped() throws IOException {
        try (RawPeer raw = connect()) {
            raw.sendBytes(ByteBuffer.allocate(12).putInt(Frames.MAGIC).putInt(4).putInt(0xffffffff).array());
            assertTrue(raw.closedByNode());
        }
    }

    @Test
    void messagesBeforeTheHandshakeEndTheConnection() throws IOException {
        try (RawPeer raw = connect()) {
            raw.send(Envelope.newBuilder().setInvTx(InvTx.newBuilder().addTxids(ByteString.copyFrom(new byte[32]))).build());
            Envelope bye = raw.readUntil(Envelope.MessageCase.DISCONNECT);
            assertEquals(Disconnect.Reason.PROTOCOL_VIOLATION, bye.getDisconnect().getReason());
            assertTrue(bye.getDisconnect().getDetail().contains("before the handshake"));
        }
    }

    @Test
    void wrongGenesisIsToldWhy() throws IOException {
        try (RawPeer raw = connect()) {
            raw.handshake(RawPeer.hello(Hash.ZERO, 0, Hash.ZERO, BigInteger.ONE));
            Envelope bye = raw.readUntil(Envelope.MessageCase.DISCONNECT);
            assertEquals(Disconnect.Reason.WRONG_NETWORK, bye.getDisconnect().getReason());
        }
    }

    @Test
    void blockWithBadProofOfWorkGetsTheSenderBanned() throws IOException {
        Block valid = TestChain.withBlocks(1).tip();
        BlockHeader h = valid.header();
        long nonce = 0;
        while (h.target().isMetBy(h.withNonce(nonce).hash())) {
            nonce++;
        }
        BlockHeader unmined = h.withNonce(nonce);
        byte[] id;
        try (RawPeer raw = handshaken()) {
            id = raw.nodeId;
            raw.send(Envelope.newBuilder().setNewBlock(NewBlock.newBuilder()
                    .setHeader(ByteString.copyFrom(unmined.encoded()))
                    .setCoinbase(ByteString.copyFrom(valid.coinbase().encoded()))).build());
            Envelope bye = raw.readUntil(Envelope.MessageCase.DISCONNECT);
            assertEquals(Disconnect.Reason.MISBEHAVIOUR, bye.getDisconnect().getReason());
        }
        try (RawPeer again = connect()) {
            System.arraycopy(id, 0, again.nodeId, 0, id.length);
            again.handshake(RawPeer.hello(params.networkId(), 0, params.networkId(), BigInteger.ONE));
            assertEquals(Disconnect.Reason.BANNED, again.readUntil(Envelope.MessageCase.DISCONNECT).getDisconnect().getReason());
        }
        assertEquals(0, node.height());
    }

    @Test
    void transactionsWithBadSignaturesGetTheSenderBanned() throws IOException {
        try (RawPeer raw = handshaken()) {
            for (int i = 0; i < 2; i++) {
                Transfer good = Txs.transfer(ALICE, BOB, 5 + i);
                byte[] sig = good.signature().bytes();
                sig[3] ^= 1;
                Transfer forged = Transfer.of(good.network(), good.from(), good.to(), good.amount(), good.fee(), 0, "",
                        Signature.of(sig));
                raw.send(Envelope.newBuilder().setTxs(org.pycotr.proto.Txs.newBuilder().addTransactions(ByteString.copyFrom(forged.encoded()))).build());
            }
            assertEquals(Disconnect.Reason.MISBEHAVIOUR, raw.readUntil(Envelope.MessageCase.DISCONNECT).getDisconnect().getReason());
        }
        assertEquals(0, node.chain.read(v -> v.mempoolSize()).join());
    }

    @Test
    void inventoryFloodIsAProtocolViolation() throws IOException {
        try (RawPeer raw = handshaken()) {
            InvTx.Builder flood = InvTx.newBuilder();
            ByteString id = ByteString.copyFrom(new byte[32]);
            for (int i = 0; i <= WireLimits.MAX_INV_RECEIVE; i++) {
                flood.addTxids(id);
            }
            raw.send(Envelope.newBuilder().setInvTx(flood).build());
            Envelope bye = raw.readUntil(Envelope.MessageCase.DISCONNECT);
            assertEquals(Disconnect.Reason.MISBEHAVIOUR, bye.getDisconnect().getReason());
            assertTrue(bye.getDisconnect().getDetail().contains("limit 50000"));
        }
    }

    @Test
    void malformedTransactionBytesAreAProtocolViolation() throws IOException {
        try (RawPeer raw = handshaken()) {
            raw.send(Envelope.newBuilder().setTxs(org.pycotr.proto.Txs.newBuilder().addTransactions(ByteString.copyFrom(new byte[10]))).build());
            assertEquals(Disconnect.Reason.MISBEHAVIOUR, raw.readUntil(Envelope.MessageCase.DISCONNECT).getDisconnect().getReason());
        }
    }
}
