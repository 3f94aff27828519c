package org.pycotr.daemon.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.pycotr.daemon.testing.ManualClock;
import org.pycotr.proto.Disconnect;
import org.pycotr.proto.Envelope;
import org.pycotr.proto.Ping;
import org.pycotr.protocol.testing.TestGenesis;

/**
 * Keep-alive and handshake timeouts on an EmbeddedChannel: the clock is moved by hand and the
 * channel's scheduler is advanced, so nothing here waits for real time.
 */
class TimeoutsTest {
    private final ManualClock clock = new ManualClock(1_000_000);
    private final NetworkStats stats = new NetworkStats();
    private static final LocalNode.Tip TIP = new LocalNode.Tip(7, TestGenesis.params().networkId(), BigInteger.TEN);
    private final ScheduledExecutorService managerThread = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        managerThread.shutdownNow();
    }

    private void elapse(EmbeddedChannel ch, Duration d) {
        for (long s = 0; s < d.toSeconds(); s++) {
            clock.advance(Duration.ofSeconds(1));
            ch.advanceTimeBy(1, TimeUnit.SECONDS);
            ch.runScheduledPendingTasks();
        }
    }

    private static Envelope lastOutbound(EmbeddedChannel ch) {
        Envelope last = null;
        for (Object o; (o = ch.readOutbound()) != null; ) {
            last = (Envelope) o;
        }
        return last;
    }

    @Test
    void pingsAfterThirtySecondsAndDropsAfterNinetyOfSilence() {
        EmbeddedChannel ch = new EmbeddedChannel(new KeepAliveHandler(clock, 30_000, 90_000, stats, () -> TIP));
        elapse(ch, Duration.ofSeconds(29));
        assertNull(lastOutbound(ch), "no ping before the interval");
        elapse(ch, Duration.ofSeconds(1));
        Envelope ping = lastOutbound(ch);
        assertTrue(ping.hasPing());
        assertEquals(7, ping.getPing().getBestHeight(), "a ping tells our best height");

        ch.writeInbound(Envelope.newBuilder().setPong(org.pycotr.proto.Pong.newBuilder().setNonce(1)).build());
        elapse(ch, Duration.ofSeconds(89));
        assertTrue(ch.isActive(), "a pong counts as life");
        lastOutbound(ch);
        elapse(ch, Duration.ofSeconds(1));
        Envelope bye = lastOutbound(ch);
        assertEquals(Disconnect.Reason.TIMEOUT, bye.getDisconnect().getReason());
        assertFalse(ch.isActive());
    }

    @Test
    void aPeersPingUpdatesItsKnownHeight() {
        EmbeddedChannel ch = new EmbeddedChannel(new KeepAliveHandler(clock, 30_000, 90_000, stats, () -> TIP));
        Peer peer = new Peer(ch, true, new PeerInfo("00".repeat(16), 1, "test", new PeerAddress("127.0.0.1", 4001), "", 3,
                TIP.hash(), BigInteger.ONE), stats, clock, new BanList(clock, Duration.ofHours(1)));
        ch.attr(Connections.PEER).set(peer);
        ch.writeInbound(Envelope.newBuilder().setPing(Ping.newBuilder().setNonce(1).setBestHeight(42)
                .setBestHash(com.google.protobuf.ByteString.copyFrom(new byte[32]))).build());
        assertEquals(42, peer.bestHeight());
        assertEquals(org.pycotr.protocol.crypto.Hash.ZERO, peer.bestKnownBlock());
    }

    @Test
    void answersPingsWithPongs() {
        EmbeddedChannel ch = new EmbeddedChannel(new KeepAliveHandler(clock, 30_000, 90_000, stats, () -> TIP));
        ch.writeInbound(Envelope.newBuilder().setPing(Ping.newBuilder().setNonce(77)).build());
        assertEquals(77, lastOutbound(ch).getPong().getNonce());
        assertNull(ch.readInbound(), "keep-alive traffic stops here");
    }

    @Test
    void handshakeMustCompleteWithinTheTimeout() {
        NetworkSettings settings = NetworkSettings.defaults("127.0.0.1", 0, List.of(), "");
        LocalNode local = new LocalNode(TestGenesis.params().networkId(),
                new LocalNode.Tip(0, TestGenesis.params().networkId(), BigInteger.ONE));
        PeerManager manager = new PeerManager(settings, clock, managerThread, new BanList(clock, Duration.ofHours(1)), a -> { });
        EmbeddedChannel ch = new EmbeddedChannel(new HandshakeHandler(true, local, settings, manager, stats, clock));
        assertTrue(((Envelope) ch.readOutbound()).hasHello(), "our Hello goes first");
        ch.advanceTimeBy(9, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        assertTrue(ch.isActive());
        ch.advanceTimeBy(1, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
        Envelope bye = lastOutbound(ch);
        assertEquals(Disconnect.Reason.TIMEOUT, bye.getDisconnect().getReason());
        assertTrue(bye.getDisconnect().getDetail().contains("no handshake within 10 s"));
        assertFalse(ch.isActive());
    }
}
