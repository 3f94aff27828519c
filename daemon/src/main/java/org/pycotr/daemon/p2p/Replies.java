package org.pycotr.daemon.p2p;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;

/** Splits an answer into messages of at most so many bytes, so no reply outgrows a frame. */
final class Replies {
    private Replies() {}

    /** Hands {@code send} consecutive runs of {@code items}, each under {@code maxBytes} (an oversized item goes alone). */
    static <T> void inChunks(List<T> items, ToIntFunction<T> size, int maxBytes, Consumer<List<T>> send) {
        List<T> chunk = new ArrayList<>();
        int bytes = 0;
        for (T item : items) {
            int n = size.applyAsInt(item);
            if (!chunk.isEmpty() && bytes + n > maxBytes) {
                send.accept(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(item);
            bytes += n;
        }
        if (!chunk.isEmpty()) {
            send.accept(chunk);
        }
    }
}
