package org.pycotr.daemon.p2p;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AddressBookTest {
    private final AddressBook book = new AddressBook();
    private final PeerAddress down = new PeerAddress("127.0.0.1", 4001);

    @Test
    void failedDialsBackOffExponentiallyUpToAMinute() {
        book.addConfigured(down);
        long now = 0;
        List<Long> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            assertEquals(List.of(down), book.dueConfigured(now).stream().map(e -> e.address).toList());
            book.markBusy(down, true);
            assertTrue(book.dueConfigured(now).isEmpty(), "no second dial while one is running");
            long wait = book.failed(down, now);
            waits.add(wait);
            assertTrue(book.dueConfigured(now + wait - 1).isEmpty(), "not before the backoff ends");
            now += wait;
        }
        assertEquals(List.of(1000L, 2000L, 4000L, 8000L, 16000L, 32000L, 60000L, 60000L, 60000L), waits);
    }

    @Test
    void successResetsTheBackoff() {
        book.addConfigured(down);
        book.failed(down, 0);
        book.failed(down, 1000);
        book.succeeded(down);
        book.closed(down, 10_000);
        assertEquals(1000, book.failed(down, 20_000));
    }

    @Test
    void learnedAddressesAreBoundedButConfiguredOnesStay() {
        book.addConfigured(down);
        for (int i = 0; i < AddressBook.MAX_ADDRESSES + 10; i++) {
            book.addLearned(new PeerAddress("127.0.1." + (i % 250), 1000 + i));
        }
        assertEquals(AddressBook.MAX_ADDRESSES, book.size());
        assertTrue(book.get(down) != null);
    }
}
