package org.pycotr.daemon.mempool;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.pycotr.daemon.chain.TipChange;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.encoding.ChainCodec;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.rules.Account;
import org.pycotr.protocol.rules.RejectReason;
import org.pycotr.protocol.rules.RuleViolation;
import org.pycotr.protocol.rules.TransactionRules;
import org.pycotr.protocol.tx.Transfer;

/**
 * Transactions waiting for a block. Invariant: for every sender, the pending transactions from the
 * sender's next nonce onward, taken in nonce order, are valid on the current tip, including their
 * cumulative cost. That is what lets {@link #selectForBlock} build a valid block without replaying
 * state. Bounded by count and bytes; when full, the lowest-paying last transaction of a sender leaves first.
 *
 * <p>Not thread-safe: owned by the chain thread, like the chain it follows.
 */
public final class Mempool {
    private final ChainParams params;
    private final MempoolLimits limits;
    private final Function<Address, Account> accounts;
    private final Clock clock;
    /** Insertion order is arrival order, which is what expiry walks. */
    private final Map<Hash, Entry> byId = new LinkedHashMap<>();
    private final Map<Address, NavigableMap<Long, Entry>> bySender = new HashMap<>();
    /** What each sender's pending transactions spend, kept up to date so admission is O(log n), not O(pending). */
    private final Map<Address, Long> costBySender = new HashMap<>();
    /** Each sender's last pending transaction: the only ones eviction may take, cheapest first. */
    private final TreeSet<Entry> tails = new TreeSet<>(Entry.LOWEST_FEE_RATE_FIRST);
    private long bytes;
    private long nextSequence;

    /** One pending transaction with what the pool needs to rank and expire it. */
    record Entry(Transfer tx, long arrivalMs, long sequence) {
        /** Lowest fee rate first; among equals the newest first, so the oldest stays longest. */
        static final Comparator<Entry> LOWEST_FEE_RATE_FIRST = (a, b) -> {
            int c = FeeRate.compare(a.tx.fee(), a.tx.size(), b.tx.fee(), b.tx.size());
            return c != 0 ? c : Long.compare(b.sequence, a.sequence);
        };
    }

    /**
     * @param accounts the confirmed account at the tip, looked up by address
     */
    public Mempool(ChainParams params, MempoolLimits limits, Function<Address, Account> accounts, Clock clock) {
        this.params = params;
        this.limits = limits;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Accepts a transaction if it would be valid on the tip after the sender's pending ones.
     * Changes nothing when it throws.
     *
     * @return the transactions evicted to make room (usually none)
     * @throws RuleViolation naming the rule or policy that refused it
     */
    public List<Transfer> add(Transfer tx) {
        if (byId.containsKey(tx.txid())) {
            throw new RuleViolation(RejectReason.DUPLICATE, "transaction " + tx.txid().shortHex() + " is already pending");
        }
        TransactionRules.checkStateless(tx, params.networkId());
        int maxTxBytes = params.maxBlockBytes() - ChainCodec.BLOCK_OVERHEAD_BYTES;
        if (tx.size() > maxTxBytes) {
            throw new RuleViolation(RejectReason.TOO_LARGE, tx.size() + " bytes");
        }
        Account account = accounts.apply(tx.from());
        if (tx.nonce() < account.nonce()) {
            throw new RuleViolation(RejectReason.NONCE_TOO_LOW, "nonce " + tx.nonce() + " already used; next is " + account.nonce());
        }
        NavigableMap<Long, Entry> pending = bySender.getOrDefault(tx.from(), new TreeMap<>());
        if (pending.containsKey(tx.nonce())) {
            throw new RuleViolation(RejectReason.NONCE_ALREADY_PENDING, "nonce " + tx.nonce() + " is taken by "
                    + pending.get(tx.nonce()).tx().txid().shortHex());
        }
        long highest = pending.isEmpty() ? account.nonce() - 1 : pending.lastKey();
        if (tx.nonce() - highest - 1 > limits.maxNonceGap()) {
            throw new RuleViolation(RejectReason.NONCE_GAP_TOO_LARGE, "nonce " + tx.nonce() + ", highest pending or used "
                    + highest + ", gap allowed " + limits.maxNonceGap());
        }
        long committed = costBySender.getOrDefault(tx.from(), 0L);
        if (account.balance() - committed < tx.cost()) {
            throw new RuleViolation(RejectReason.INSUFFICIENT_BALANCE, "needs " + tx.cost() + ", has " + account.balance()
                    + " of which " + committed + " is spent by pending transactions");
        }
        List<Entry> evict = planEviction(tx);
        List<Transfer> evicted = new ArrayList<>(evict.size());
        for (Entry e : evict) {
            remove(e);
            evicted.add(e.tx());
        }
        insert(new Entry(tx, clock.millis(), nextSequence++));
        return evicted;
    }

    /**
     * What must leave for {@code tx} to fit. Only a sender's last pending transaction can leave
     * (taking an earlier one would strand the later ones), so the candidates are those tails, lowest
     * fee rate first; once a tail is planned, the one before it becomes a candidate. Refuses if
     * that would evict something paying at least as well, or something {@code tx} builds on.
     */
    private List<Entry> planEviction(Transfer tx) {
        int needCount = byId.size() + 1 - limits.maxTransactions();
        long needBytes = bytes + tx.size() - limits.maxBytes();
        List<Entry> plan = new ArrayList<>();
        if (needCount <= 0 && needBytes <= 0) {
            return plan;
        }
        Iterator<Entry> byRate = tails.iterator();
        PriorityQueue<Entry> uncovered = new PriorityQueue<>(Entry.LOWEST_FEE_RATE_FIRST);
        while (needCount > 0 || needBytes > 0) {
            Entry lowest = nextCandidate(byRate, uncovered);
            if (lowest == null || FeeRate.compare(lowest.tx().fee(), lowest.tx().size(), tx.fee(), tx.size()) >= 0) {
                throw new RuleViolation(RejectReason.MEMPOOL_FULL, "fee rate too low to replace anything pending");
            }
            if (lowest.tx().from().equals(tx.from())) {
                continue;
            }
            plan.add(lowest);
            needCount--;
            needBytes -= lowest.tx().size();
            Map.Entry<Long, Entry> before = bySender.get(lowest.tx().from()).lowerEntry(lowest.tx().nonce());
            if (before != null) {
                uncovered.add(before.getValue());
            }
        }
        return plan;
    }

    /** The cheaper of the next current tail and the next tail a planned eviction would uncover. */
    private static Entry nextCandidate(Iterator<Entry> byRate, PriorityQueue<Entry> uncovered) {
        // Peek without consuming: an iterator cannot, so a consumed tail that loses is put back in the queue.
        Entry tail = byRate.hasNext() ? byRate.next() : null;
        if (tail == null) {
            return uncovered.poll();
        }
        if (!uncovered.isEmpty() && Entry.LOWEST_FEE_RATE_FIRST.compare(uncovered.peek(), tail) < 0) {
            uncovered.add(tail);
            return uncovered.poll();
        }
        return tail;
    }

    private void insert(Entry e) {
        byId.put(e.tx().txid(), e);
        NavigableMap<Long, Entry> pending = bySender.computeIfAbsent(e.tx().from(), a -> new TreeMap<>());
        if (pending.isEmpty() || pending.lastKey() < e.tx().nonce()) {
            if (!pending.isEmpty()) {
                tails.remove(pending.lastEntry().getValue());
            }
            tails.add(e);
        }
        pending.put(e.tx().nonce(), e);
        costBySender.merge(e.tx().from(), e.tx().cost(), Long::sum);
        bytes += e.tx().size();
    }

    private void remove(Entry e) {
        byId.remove(e.tx().txid());
        NavigableMap<Long, Entry> pending = bySender.get(e.tx().from());
        pending.remove(e.tx().nonce());
        if (tails.remove(e) && !pending.isEmpty()) {
            tails.add(pending.lastEntry().getValue());
        }
        if (pending.isEmpty()) {
            bySender.remove(e.tx().from());
            costBySender.remove(e.tx().from());
        } else {
            costBySender.merge(e.tx().from(), -e.tx().cost(), Long::sum);
        }
        bytes -= e.tx().size();
    }

    /**
     * Follows the chain: drops what the new blocks included or made invalid and takes back what a
     * reorg disconnected, when it is still valid on the new tip.
     *
     * @return the disconnected transactions that could not come back (double spends, now unfunded)
     */
    public List<Transfer> onTipChanged(TipChange change) {
        Set<Address> touched = new HashSet<>();
        for (Block b : change.connected()) {
            for (Transfer t : b.transfers()) {
                Entry e = byId.get(t.txid());
                if (e != null) {
                    remove(e);
                }
                touched.add(t.from());
            }
        }
        for (Block b : change.disconnected()) {
            touched.add(b.coinbase().to());
            for (Transfer t : b.transfers()) {
                touched.add(t.from());
                touched.add(t.to());
            }
        }
        touched.forEach(this::revalidateSender);
        Set<Hash> reincluded = new HashSet<>();
        change.connected().forEach(b -> b.transfers().forEach(t -> reincluded.add(t.txid())));
        List<Transfer> dropped = new ArrayList<>();
        for (int i = change.disconnected().size() - 1; i >= 0; i--) {
            for (Transfer t : change.disconnected().get(i).transfers()) {
                if (reincluded.contains(t.txid())) {
                    continue;
                }
                try {
                    add(t);
                } catch (RuleViolation v) {
                    dropped.add(t);
                }
            }
        }
        return dropped;
    }

    /** Restores the invariant for one sender: drop used nonces, then anything its balance no longer covers. */
    private void revalidateSender(Address sender) {
        NavigableMap<Long, Entry> pending = bySender.get(sender);
        if (pending == null) {
            return;
        }
        Account account = accounts.apply(sender);
        long available = account.balance();
        List<Entry> drop = new ArrayList<>(pending.headMap(account.nonce(), false).values());
        for (Entry e : pending.tailMap(account.nonce(), true).values()) {
            if (e.tx().cost() > available) {
                drop.addAll(pending.tailMap(e.tx().nonce(), true).values());
                break;
            }
            available -= e.tx().cost();
        }
        drop.forEach(this::remove);
    }

    /** Drops transactions older than the expiry, with the same sender's later ones; returns how many. */
    public int expire() {
        long cutoff = clock.millis() - limits.expiry().toMillis();
        List<Entry> old = new ArrayList<>();
        for (Entry e : byId.values()) {
            if (e.arrivalMs() >= cutoff) {
                break;
            }
            old.add(e);
        }
        int removed = 0;
        for (Entry e : old) {
            if (byId.containsKey(e.tx().txid())) {
                for (Entry later : List.copyOf(bySender.get(e.tx().from()).tailMap(e.tx().nonce(), true).values())) {
                    remove(later);
                    removed++;
                }
            }
        }
        return removed;
    }

    /**
     * Picks transactions for a block of at most {@code maxBytes} of transfers: highest fee rate
     * first among each sender's next executable nonce, so a sender's transactions stay in order.
     * A sender whose next transaction does not fit is skipped, with everything after it.
     */
    public List<Transfer> selectForBlock(int maxBytes) {
        PriorityQueue<Entry> heads = new PriorityQueue<>(Entry.LOWEST_FEE_RATE_FIRST.reversed());
        for (Map.Entry<Address, NavigableMap<Long, Entry>> s : bySender.entrySet()) {
            Entry first = s.getValue().get(accounts.apply(s.getKey()).nonce());
            if (first != null) {
                heads.add(first);
            }
        }
        List<Transfer> selected = new ArrayList<>();
        int remaining = maxBytes;
        while (!heads.isEmpty()) {
            Entry e = heads.poll();
            if (e.tx().size() > remaining) {
                continue;
            }
            selected.add(e.tx());
            remaining -= e.tx().size();
            Entry next = bySender.get(e.tx().from()).get(e.tx().nonce() + 1);
            if (next != null) {
                heads.add(next);
            }
        }
        return selected;
    }

    // ---- reading

    public boolean contains(Hash txid) {
        return byId.containsKey(txid);
    }

    public Optional<Transfer> get(Hash txid) {
        return Optional.ofNullable(byId.get(txid)).map(Entry::tx);
    }

    /** Pending transactions in arrival order. */
    public List<Transfer> transactions() {
        return byId.values().stream().map(Entry::tx).toList();
    }

    /** The nonce a new transaction from {@code sender} should use: after its pending ones. */
    public long nextNonce(Address sender) {
        NavigableMap<Long, Entry> pending = bySender.get(sender);
        long next = accounts.apply(sender).nonce();
        while (pending != null && pending.containsKey(next)) {
            next++;
        }
        return next;
    }

    /** What {@code sender}'s pending transactions will spend. */
    public long pendingCost(Address sender) {
        return costBySender.getOrDefault(sender, 0L);
    }

    public int size() {
        return byId.size();
    }

    public long bytes() {
        return bytes;
    }
}
