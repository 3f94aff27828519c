package org.pycotr.protocol.wire;

import org.pycotr.proto.Disconnect;

/**
 * A peer broke the protocol: bad framing, an undecodable or unexpected message, a limit exceeded.
 * Carries the Disconnect reason so the connection ends with a typed reason on both sides.
 */
public final class WireException extends RuntimeException {
    private final Disconnect.Reason reason;

    public WireException(Disconnect.Reason reason, String detail) {
        super(detail, null, false, false);
        this.reason = reason;
    }

    public static WireException violation(String detail) {
        return new WireException(Disconnect.Reason.PROTOCOL_VIOLATION, detail);
    }

    public Disconnect.Reason reason() {
        return reason;
    }
}
