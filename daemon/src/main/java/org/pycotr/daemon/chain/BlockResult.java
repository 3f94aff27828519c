package org.pycotr.daemon.chain;

import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.rules.RuleViolation;

/** What became of a submitted block. {@code violation} is set only for {@link Status#INVALID}. */
public record BlockResult(Status status, Hash hash, RuleViolation violation) {
    public enum Status {
        /** It is now on the main chain (possibly after a reorg). */
        CONNECTED,
        /** Valid so far and stored, but its branch has less work than the tip. */
        SIDE_BRANCH,
        /** Parent unknown: held until the parent arrives. */
        ORPHAN,
        /** Timestamp too far ahead of our clock: held and retried, not held against the sender. */
        FUTURE,
        /** Already known. */
        DUPLICATE,
        /** Breaks a rule; {@link #violation()} says which. */
        INVALID
    }

    static BlockResult of(Status status, Hash hash) {
        return new BlockResult(status, hash, null);
    }

    static BlockResult invalid(Hash hash, RuleViolation v) {
        return new BlockResult(Status.INVALID, hash, v);
    }
}
