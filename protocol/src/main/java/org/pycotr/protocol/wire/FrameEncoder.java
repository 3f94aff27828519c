package org.pycotr.protocol.wire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.io.IOException;
import org.pycotr.proto.Envelope;

/** {@link Envelope}s to frames: magic, length, payload. Stateless, so one instance serves every channel. */
@ChannelHandler.Sharable
public final class FrameEncoder extends MessageToByteEncoder<Envelope> {
    public static final FrameEncoder INSTANCE = new FrameEncoder();

    private FrameEncoder() {}

    @Override
    protected void encode(ChannelHandlerContext ctx, Envelope msg, ByteBuf out) throws IOException {
        int size = msg.getSerializedSize();
        out.ensureWritable(Frames.HEADER_BYTES + size);
        out.writeInt(Frames.MAGIC);
        out.writeInt(size);
        try (ByteBufOutputStream stream = new ByteBufOutputStream(out)) {
            msg.writeTo(stream);
        }
    }
}
