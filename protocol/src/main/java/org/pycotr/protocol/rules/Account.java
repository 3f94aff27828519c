package org.pycotr.protocol.rules;

/** What the chain state holds per address: the balance and the nonce its next transfer must use. */
public record Account(long balance, long nonce) {
    public static final Account EMPTY = new Account(0, 0);

    public Account {
        if (balance < 0 || nonce < 0) {
            throw new IllegalArgumentException("balance and nonce cannot be negative");
        }
    }
}
