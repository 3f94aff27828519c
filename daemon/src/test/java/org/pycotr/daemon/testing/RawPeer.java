package org.pycotr.daemon.testing;

import com.google.protobuf.ByteString;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import org.pycotr.proto.Envelope;
import org.pycotr.proto.Hello;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.wire.Frames;
import org.pycotr.protocol.wire.ProtocolVersion;

/**
 * A hand-driven peer on a plain socket: sends exactly the bytes a test wants (including broken
 * ones) and reads frames back. For hostile-peer and stalling-peer tests.
 */
public final class RawPeer implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    public final byte[] nodeId = new byte[16];

    public RawPeer(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
        new SecureRandom().nextBytes(nodeId);
    }

    public void sendBytes(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    public void send(Envelope e) throws IOException {
        sendBytes(Frames.encode(e));
    }

    public static Hello.Builder hello(Hash network, long height, Hash best, BigInteger work) {
        return Hello.newBuilder().setProtocolVersion(ProtocolVersion.CURRENT).setMinProtocolVersion(ProtocolVersion.MIN_SUPPORTED)
                .setGenesisHash(ByteString.copyFrom(network.bytes())).setUserAgent("raw-test-peer/1")
                .setBestHeight(height).setBestHash(ByteString.copyFrom(best.bytes()))
                .setTotalWork(ByteString.copyFrom(work.toByteArray()));
    }

    /** Sends our Hello and reads the node's; returns it. */
    public Hello handshake(Hello.Builder hello) throws IOException {
        send(Envelope.newBuilder().setHello(hello.setNodeId(ByteString.copyFrom(nodeId))).build());
        Envelope e = read();
        if (!e.hasHello()) {
            throw new IOException("expected Hello, got " + e.getMessageCase());
        }
        return e.getHello();
    }

    /** Reads the next frame; EOFException when the node closed the connection. */
    public Envelope read() throws IOException {
        int magic = in.readInt();
        if (magic != Frames.MAGIC) {
            throw new IOException("bad magic from node");
        }
        int length = in.readInt();
        byte[] payload = new byte[length];
        in.readFully(payload);
        return Envelope.parseFrom(payload);
    }

    /** Reads until a message of {@code kind} arrives (skipping others). */
    public Envelope readUntil(Envelope.MessageCase kind) throws IOException {
        while (true) {
            Envelope e = read();
            if (e.getMessageCase() == kind) {
                return e;
            }
        }
    }

    /** Whether the node closed the connection (reads past anything it still sends). */
    public boolean closedByNode() throws IOException {
        try {
            while (true) {
                read();
            }
        } catch (EOFException e) {
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
