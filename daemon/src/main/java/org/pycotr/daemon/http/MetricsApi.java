package org.pycotr.daemon.http;

import static io.netty.handler.codec.http.HttpMethod.GET;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.pycotr.daemon.node.ChainMetrics;
import org.pycotr.daemon.node.ChainService;
import org.pycotr.daemon.p2p.P2pNetwork;

/**
 * {@code /metrics} in the Prometheus text format. Counters come from the same calls that write the
 * log lines, so logs and metrics agree. The hash rate is measured between two scrapes.
 */
public final class MetricsApi {
    private final ChainService chain;
    private final P2pNetwork net;
    private long lastHashes;
    private long lastScrapeNanos = System.nanoTime();

    public MetricsApi(ChainService chain, P2pNetwork net) {
        this.chain = chain;
        this.net = net;
    }

    public void register(Router r) {
        r.add(GET, "/metrics", V1Api.ERRORS, (req, p) -> scrape());
    }

    private CompletableFuture<HttpReply> scrape() {
        return chain.read(v -> new long[] {v.height(), v.mempoolSize(), v.mempoolBytes(), v.orphanCount()})
                .thenCombine(chain.miningStatus(), (c, m) -> {
                    StringBuilder out = new StringBuilder();
                    gauge(out, "pycotr_height", "Height of the best chain.", c[0]);
                    gauge(out, "pycotr_peers", "Connected peers.", net.peers().size());
                    gauge(out, "pycotr_mempool_transactions", "Transactions waiting in the mempool.", c[1]);
                    gauge(out, "pycotr_mempool_bytes", "Bytes of transactions in the mempool.", c[2]);
                    gauge(out, "pycotr_orphan_blocks", "Blocks waiting for their parent.", c[3]);
                    ChainMetrics cm = chain.metrics();
                    counter(out, "pycotr_blocks_accepted_total", "Blocks accepted (main chain or side branch).", cm.blocksAccepted());
                    labelled(out, "pycotr_blocks_rejected_total", "Blocks rejected, by reason.", "reason", cm.blocksRejected());
                    counter(out, "pycotr_transactions_accepted_total", "Transactions accepted into the mempool.",
                            cm.transactionsAccepted());
                    labelled(out, "pycotr_transactions_rejected_total", "Transactions rejected, by reason.", "reason",
                            cm.transactionsRejected());
                    gauge(out, "pycotr_mining", "1 while the miner runs.", m.mining() ? 1 : 0);
                    counter(out, "pycotr_miner_hashes_total", "Hashes tried by the miner.", m.hashes());
                    gauge(out, "pycotr_hashrate", "Miner hashes per second since the previous scrape.", hashRate(m.hashes()));
                    labelled(out, "pycotr_p2p_messages_sent_total", "P2P messages sent, by kind.", "kind",
                            net.stats().sentByKind());
                    labelled(out, "pycotr_p2p_messages_received_total", "P2P messages received, by kind.", "kind",
                            net.stats().receivedByKind());
                    return HttpReply.text(200, "text/plain; version=0.0.4; charset=utf-8", out.toString());
                });
    }

    private synchronized long hashRate(long hashes) {
        long now = System.nanoTime();
        double seconds = (now - lastScrapeNanos) / 1e9;
        long rate = seconds > 0 ? Math.round((hashes - lastHashes) / seconds) : 0;
        lastHashes = hashes;
        lastScrapeNanos = now;
        return Math.max(0, rate);
    }

    private static void gauge(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" gauge\n").append(name).append(' ').append(value).append('\n');
    }

    private static void counter(StringBuilder out, String name, String help, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n").append(name).append(' ').append(value).append('\n');
    }

    private static void labelled(StringBuilder out, String name, String help, String label, Map<String, Long> values) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(" counter\n");
        values.forEach((k, v) -> out.append(name).append('{').append(label).append("=\"").append(k).append("\"} ")
                .append(v).append('\n'));
    }
}
