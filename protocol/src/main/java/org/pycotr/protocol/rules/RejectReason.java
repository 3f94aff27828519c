package org.pycotr.protocol.rules;

/**
 * Why a transaction or block was refused. Each consensus rule of DESIGN.md has its own reason, so
 * logs, metrics and API errors can say exactly which rule was broken; mempool policy reasons
 * (not consensus) are marked as such.
 */
public enum RejectReason {
    // Encoding
    MALFORMED("malformed encoding"),

    // Transaction rules
    BAD_SIGNATURE("signature does not verify"),
    WRONG_NETWORK("transaction is for another network"),
    ZERO_AMOUNT("amount must be positive"),
    SELF_TRANSFER("sender and recipient are the same"),
    AMOUNT_OUT_OF_RANGE("amount or fee above 2^63-1, or their sum overflows"),
    MEMO_TOO_LONG("memo longer than 256 bytes"),
    BAD_NONCE("nonce is not the sender's next nonce"),
    INSUFFICIENT_BALANCE("balance does not cover amount plus fee"),
    BALANCE_OVERFLOW("recipient balance would overflow"),

    // Block rules
    UNKNOWN_PARENT("parent block is unknown"),
    INVALID_PARENT("parent block is invalid"),
    BAD_VERSION("unsupported block version"),
    BAD_HEIGHT("height is not parent height + 1"),
    BAD_TARGET("target is not what the difficulty rule demands"),
    TIMESTAMP_TOO_OLD("timestamp not above the median of the previous 11 blocks"),
    TIMESTAMP_TOO_NEW("timestamp more than 2 minutes ahead of local time"),
    BAD_PROOF_OF_WORK("block hash above target"),
    BLOCK_TOO_LARGE("block larger than maxBlockBytes"),
    COINBASE_MISSING("first transaction is not a coinbase"),
    COINBASE_MISPLACED("coinbase after the first transaction"),
    BAD_COINBASE("coinbase network, height or amount is wrong"),
    BAD_MERKLE_ROOT("merkle root does not match the transactions"),

    // Mempool policy (not consensus)
    DUPLICATE("already known"),
    NONCE_TOO_LOW("nonce already used"),
    NONCE_GAP_TOO_LARGE("nonce too far ahead of the sender's next nonce"),
    NONCE_ALREADY_PENDING("a pending transaction already uses this nonce"),
    MEMPOOL_FULL("mempool full and fee rate too low to evict anything"),
    TOO_LARGE("transaction larger than a block could hold");

    private final String description;

    RejectReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Snake-case code used in API errors and metric labels, e.g. {@code bad_signature}. */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
