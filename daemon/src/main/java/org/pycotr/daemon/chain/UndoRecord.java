package org.pycotr.daemon.chain;

import java.util.Map;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.rules.Account;

/** The accounts a block touched, as they were before it: enough to disconnect it exactly. */
public record UndoRecord(Hash blockHash, Map<Address, Account> previous) {
    public UndoRecord {
        previous = Map.copyOf(previous);
    }
}
