package org.pycotr.daemon.p2p;

/**
 * Misbehaviour points with decay. It decides, the caller acts: past {@link #BAN_THRESHOLD} the
 * peer is banned. Only provable offences score (a malformed message, an invalid block or
 * transaction relayed as valid), so honest peers racing each other are never punished.
 */
final class PeerScore {
    /** Points at which a peer is banned (Bitcoin Core's discouragement threshold). */
    static final int BAN_THRESHOLD = 100;
    /** One point forgiven per this many milliseconds, so rare accidents do not add up to a ban. */
    static final long DECAY_MS = 60_000;

    enum Decision { NONE, BAN }

    private int points;
    private long lastDecayMs;

    PeerScore(long nowMs) {
        this.lastDecayMs = nowMs;
    }

    Decision add(int penalty, long nowMs) {
        decay(nowMs);
        points += penalty;
        return points >= BAN_THRESHOLD ? Decision.BAN : Decision.NONE;
    }

    int points(long nowMs) {
        decay(nowMs);
        return points;
    }

    private void decay(long nowMs) {
        long forgiven = (nowMs - lastDecayMs) / DECAY_MS;
        if (forgiven > 0) {
            points = (int) Math.max(0, points - forgiven);
            lastDecayMs += forgiven * DECAY_MS;
        }
    }
}
