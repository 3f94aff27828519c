package org.pycotr.protocol.params;

import java.util.Objects;
import org.pycotr.protocol.crypto.Address;

/** Money an address holds from genesis on; {@code label} is for people (e.g. "dev faucet"). */
public record Allocation(Address address, long amount, String label) {
    public Allocation {
        Objects.requireNonNull(address, "address");
        if (amount <= 0) {
            throw new IllegalArgumentException("allocation to " + address + " must be positive, got " + amount);
        }
        label = label == null ? "" : label;
    }
}
