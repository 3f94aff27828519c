package org.pycotr.daemon.p2p;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Addresses we could dial: the configured ones, and those learned by peer exchange. Each failed
 * attempt doubles the wait before the next (1 s up to {@link #MAX_BACKOFF_MS}), so a node whose
 * peers are all down retries calmly instead of in a tight loop. Confined to the manager's thread.
 */
final class AddressBook {
    /** Addresses remembered; learned ones beyond it are forgotten oldest first (configured ones never). */
    static final int MAX_ADDRESSES = 1000;
    static final long FIRST_BACKOFF_MS = 1000;
    static final long MAX_BACKOFF_MS = 60_000;

    static final class Entry {
        final PeerAddress address;
        final boolean configured;
        int failures;
        long nextAttemptMs;
        boolean busy;
        boolean self;

        Entry(PeerAddress address, boolean configured) {
            this.address = address;
            this.configured = configured;
        }
    }

    private final Map<PeerAddress, Entry> entries = new LinkedHashMap<>();

    void addConfigured(PeerAddress a) {
        Entry e = entries.get(a);
        if (e == null || !e.configured) {
            Entry fresh = new Entry(a, true);
            if (e != null) {
                fresh.busy = e.busy;
            }
            entries.put(a, fresh);
        }
    }

    void addLearned(PeerAddress a) {
        if (entries.containsKey(a)) {
            return;
        }
        if (entries.size() >= MAX_ADDRESSES) {
            for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
                Entry e = it.next();
                if (!e.configured && !e.busy) {
                    it.remove();
                    break;
                }
            }
        }
        entries.put(a, new Entry(a, false));
    }

    /** Configured addresses due for a dial. */
    List<Entry> dueConfigured(long now) {
        return entries.values().stream().filter(e -> e.configured && isDue(e, now)).toList();
    }

    /** Learned addresses due for a dial, fewest failures first. */
    List<Entry> dueLearned(long now, int max) {
        List<Entry> due = new ArrayList<>(entries.values().stream().filter(e -> !e.configured && isDue(e, now)).toList());
        due.sort(Comparator.comparingInt(e -> e.failures));
        return due.subList(0, Math.min(max, due.size()));
    }

    private static boolean isDue(Entry e, long now) {
        return !e.busy && !e.self && e.nextAttemptMs <= now;
    }

    Entry get(PeerAddress a) {
        return entries.get(a);
    }

    void markBusy(PeerAddress a, boolean busy) {
        Entry e = entries.get(a);
        if (e != null) {
            e.busy = busy;
        }
    }

    void succeeded(PeerAddress a) {
        Entry e = entries.get(a);
        if (e != null) {
            e.failures = 0;
        }
    }

    /** Records a failed dial; returns the wait before the next attempt. */
    long failed(PeerAddress a, long now) {
        Entry e = entries.get(a);
        if (e == null) {
            return 0;
        }
        e.busy = false;
        long wait = Math.min(MAX_BACKOFF_MS, FIRST_BACKOFF_MS << Math.min(16, e.failures));
        e.failures++;
        e.nextAttemptMs = now + wait;
        return wait;
    }

    /** A connection that was up has closed: try again after the first backoff step. */
    void closed(PeerAddress a, long now) {
        Entry e = entries.get(a);
        if (e != null) {
            e.busy = false;
            e.nextAttemptMs = now + FIRST_BACKOFF_MS;
        }
    }

    void markSelf(PeerAddress a) {
        Entry e = entries.get(a);
        if (e != null) {
            e.self = true;
            e.busy = false;
        }
    }

    int size() {
        return entries.size();
    }
}
