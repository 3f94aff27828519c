package org.pycotr.daemon.chain;

import java.util.HashMap;
import java.util.Map;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.params.Allocation;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.rules.Account;
import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.rules.RuleViolation;
import org.pycotr.protocol.rules.TransactionRules;
import org.pycotr.protocol.tx.Transfer;

/**
 * Balances and nonces at the tip. Applying a block is all or nothing and yields an
 * {@link UndoRecord}, so a reorg can step back block by block. An absent address and
 * {@link Account#EMPTY} are the same thing: nothing is stored for empty accounts.
 */
public final class AccountState {
    private final Map<Address, Account> accounts = new HashMap<>();

    public AccountState(ChainParams params) {
        for (Allocation a : params.allocations()) {
            accounts.put(a.address(), new Account(a.amount(), 0));
        }
    }

    public Account get(Address address) {
        return accounts.getOrDefault(address, Account.EMPTY);
    }

    /**
     * Applies the block's transfers in order, then credits the coinbase (so a miner cannot spend a
     * reward inside the block that creates it). Stateless rules must have been checked already.
     * On a violation the state is restored before the exception leaves.
     */
    public UndoRecord apply(Block block) {
        Map<Address, Account> previous = new HashMap<>();
        try {
            for (Transfer t : block.transfers()) {
                Account sender = get(t.from());
                TransactionRules.checkStateful(t, sender);
                set(t.from(), new Account(sender.balance() - t.cost(), sender.nonce() + 1), previous);
                credit(t.to(), t.amount(), previous);
            }
            credit(block.coinbase().to(), block.coinbase().amount(), previous);
        } catch (RuleViolation e) {
            restore(previous);
            throw e;
        }
        return new UndoRecord(block.hash(), previous);
    }

    public void undo(UndoRecord undo) {
        restore(undo.previous());
    }

    /** Sum of all balances: with the chain's rewards, what conservation-of-money tests compare. */
    public long totalBalance() {
        long sum = 0;
        for (Account a : accounts.values()) {
            sum = Math.addExact(sum, a.balance());
        }
        return sum;
    }

    public int size() {
        return accounts.size();
    }

    private void credit(Address to, long amount, Map<Address, Account> previous) {
        Account a = get(to);
        long balance;
        try {
            balance = Math.addExact(a.balance(), amount);
        } catch (ArithmeticException e) {
            throw new RuleViolation(RejectReason.BALANCE_OVERFLOW, to + " would exceed 2^63-1");
        }
        set(to, new Account(balance, a.nonce()), previous);
    }

    private void set(Address address, Account account, Map<Address, Account> previous) {
        previous.putIfAbsent(address, get(address));
        if (account.equals(Account.EMPTY)) {
            accounts.remove(address);
        } else {
            accounts.put(address, account);
        }
    }

    private void restore(Map<Address, Account> previous) {
        previous.forEach((address, account) -> {
            if (account.equals(Account.EMPTY)) {
                accounts.remove(address);
            } else {
                accounts.put(address, account);
            }
        });
    }
}
