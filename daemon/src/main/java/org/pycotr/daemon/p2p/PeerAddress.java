package org.pycotr.daemon.p2p;

/** Where a peer accepts connections: host (name or IP) and P2P port. */
public record PeerAddress(String host, int port) {
    public PeerAddress {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("peer host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("peer port must be 1-65535, got " + port);
        }
    }

    /** Parses {@code host:port}, e.g. {@code localhost:4001}; the message says what is wrong. */
    public static PeerAddress parse(String text) {
        String t = text == null ? "" : text.trim();
        int colon = t.lastIndexOf(':');
        if (colon <= 0 || colon == t.length() - 1) {
            throw new IllegalArgumentException("peer address must be host:port, got '" + t + "'");
        }
        try {
            return new PeerAddress(t.substring(0, colon), Integer.parseInt(t.substring(colon + 1)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("peer port must be a number, got '" + t.substring(colon + 1) + "'");
        }
    }

    @Override
    public String toString() {
        return host + ":" + port;
    }
}
