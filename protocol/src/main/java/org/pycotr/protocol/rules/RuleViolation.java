package org.pycotr.protocol.rules;

/**
 * A transaction, header or block broke a rule. Thrown at the boundary where bytes become values
 * and by the validators; it always names the {@link RejectReason}, so callers can score a peer,
 * count a metric or answer an API call without parsing messages.
 */
public final class RuleViolation extends RuntimeException {
    private final RejectReason reason;

    public RuleViolation(RejectReason reason, String detail) {
        super(reason.code() + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public RuleViolation(RejectReason reason) {
        this(reason, reason.description());
    }

    public RejectReason reason() {
        return reason;
    }
}
