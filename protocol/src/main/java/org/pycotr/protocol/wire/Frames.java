package org.pycotr.protocol.wire;

import java.nio.ByteBuffer;
import org.pycotr.proto.Envelope;

/** The frame layout: 4-byte magic "PYCT", 4-byte big-endian length, then the Envelope. */
public final class Frames {
    /** "PYCT": tells a Pycotr stream from anything else that dials our port. */
    public static final int MAGIC = 0x50594354;
    public static final int HEADER_BYTES = 8;

    private Frames() {}

    /** One whole frame as bytes, for clients that do not run Netty (tests, tools). */
    public static byte[] encode(Envelope envelope) {
        byte[] payload = envelope.toByteArray();
        return ByteBuffer.allocate(HEADER_BYTES + payload.length).putInt(MAGIC).putInt(payload.length).put(payload).array();
    }
}
