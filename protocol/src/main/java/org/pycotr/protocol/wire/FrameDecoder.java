package org.pycotr.protocol.wire;

import com.google.protobuf.InvalidProtocolBufferException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.io.IOException;
import java.util.List;
import org.pycotr.proto.Envelope;

/**
 * Bytes to {@link Envelope}s: checks the magic and the length field before buffering anything,
 * so a peer cannot make us hold more than one maximum frame, then parses the payload. Any defect
 * is a {@link WireException}; the connection's exception handler turns it into a Disconnect.
 */
public final class FrameDecoder extends ByteToMessageDecoder {
    private final int maxFrameBytes;

    public FrameDecoder(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    public FrameDecoder() {
        this(WireLimits.MAX_FRAME_BYTES);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < Frames.HEADER_BYTES) {
            return;
        }
        int start = in.readerIndex();
        int magic = in.getInt(start);
        if (magic != Frames.MAGIC) {
            throw WireException.violation(String.format("wrong magic 0x%08x", magic));
        }
        long length = in.getUnsignedInt(start + 4);
        if (length > maxFrameBytes) {
            throw WireException.violation("frame of " + length + " bytes exceeds " + maxFrameBytes);
        }
        if (in.readableBytes() < Frames.HEADER_BYTES + length) {
            return;
        }
        in.skipBytes(Frames.HEADER_BYTES);
        ByteBuf payload = in.readSlice((int) length);
        Envelope envelope;
        try (ByteBufInputStream stream = new ByteBufInputStream(payload)) {
            envelope = Envelope.parseFrom(stream);
        } catch (InvalidProtocolBufferException e) {
            throw WireException.violation("undecodable message: " + e.getMessage());
        } catch (IOException e) {
            throw WireException.violation("unreadable message: " + e.getMessage());
        }
        if (envelope.getMessageCase() == Envelope.MessageCase.MESSAGE_NOT_SET) {
            throw WireException.violation("empty or unknown message");
        }
        out.add(envelope);
    }
}
