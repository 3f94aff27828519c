package org.pycotr.daemon.p2p;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.UUID;

/** Node ids are 16 random bytes: a UUID, also written as 32 hex characters on the wire and in logs. */
public final class Ids {
    private Ids() {}

    static byte[] toBytes(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    /** The UUID form of a node id given in hex, e.g. for the legacy {@code blockchain_id}. */
    public static UUID fromHex(String hex) {
        ByteBuffer b = ByteBuffer.wrap(HexFormat.of().parseHex(hex));
        return new UUID(b.getLong(), b.getLong());
    }
}
