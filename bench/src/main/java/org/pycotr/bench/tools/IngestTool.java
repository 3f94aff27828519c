package org.pycotr.bench.tools;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.pycotr.daemon.http.AdminAccess;
import org.pycotr.daemon.mempool.MempoolLimits;
import org.pycotr.daemon.node.MinerSettings;
import org.pycotr.daemon.node.Node;
import org.pycotr.daemon.node.NodeConfig;
import org.pycotr.daemon.p2p.NetworkSettings;
import org.pycotr.daemon.testing.HttpNode;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.testing.Keys;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

/**
 * Ingest: concurrent clients post pre-signed transactions to one node's HTTP API for a while, one
 * per request ({@code POST /v1/transactions}) or in batches ({@code /v1/transactions/batch}).
 * Reports accepted transactions per second, request latency p50/p99 and errors, against the 2-core
 * verification limit measured in the same run.
 */
public final class IngestTool {
    public record Params(int seconds, int clients, int batch, int transactions) {}

    public record Result(long accepted, long errors, double seconds, double acceptedPerSecond, double p50Ms, double p99Ms,
            double verifyLimit, double ratio) {
        @Override
        public String toString() {
            return String.format("accepted %d in %.1f s = %.0f tx/s; latency p50 %.2f ms, p99 %.2f ms; errors %d; "
                    + "2-core verify limit %.0f/s; ratio %.2f", accepted, seconds, acceptedPerSecond, p50Ms, p99Ms, errors,
                    verifyLimit, ratio);
        }
    }

    public static Result run(Params p) throws Exception {
        int senders = p.clients() * 4;
        ChainParams params = TestGenesis.withFundedKeys(senders);
        int perSender = p.transactions() / senders;
        List<List<String>> bodies = new ArrayList<>();
        for (int c = 0; c < p.clients(); c++) {
            int client = c;
            List<Transfer> mine = IntStream.range(0, perSender).boxed().parallel().flatMap(n -> IntStream.range(0, 4).mapToObj(k -> {
                PrivateKey from = Keys.seeded(client * 4 + k + 1);
                return Txs.on(params.networkId(), from, Keys.seeded((client * 4 + k + 1) % senders + 1), 1, n, 1);
            })).toList();
            bodies.add(requests(mine, p.batch()));
        }
        int port = HttpNode.freePort();
        String url = "http://127.0.0.1:" + port;
        NetworkSettings net = NetworkSettings.defaults("127.0.0.1", 0, List.of(), url);
        int cores = Runtime.getRuntime().availableProcessors();
        NodeConfig config = new NodeConfig(params, new MinerSettings(false, 1, Keys.MINER.address(), Duration.ZERO),
                new MempoolLimits(2_000_000, 4L << 30, Duration.ofHours(24), 16), cores, net, "127.0.0.1", port, 2, url,
                new AdminAccess(AdminAccess.Mode.LOOPBACK, null), false, null);
        try (Node node = new Node(config, Clock.systemUTC())) {
            AtomicLong accepted = new AtomicLong();
            AtomicLong errors = new AtomicLong();
            List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
            String path = p.batch() > 1 ? "/v1/transactions/batch" : "/v1/transactions";
            long start = System.nanoTime();
            long end = start + p.seconds() * 1_000_000_000L;
            List<Thread> clients = new ArrayList<>();
            for (List<String> mine : bodies) {
                Thread t = new Thread(() -> {
                    try (KeepAliveClient http = new KeepAliveClient("127.0.0.1", port)) {
                        for (String body : mine) {
                            if (System.nanoTime() >= end) {
                                return;
                            }
                            long t0 = System.nanoTime();
                            KeepAliveClient.Response r = http.post(path, body);
                            latencies.add(System.nanoTime() - t0);
                            if (r.status() == 202) {
                                accepted.incrementAndGet();
                            } else if (r.status() == 200 && p.batch() > 1) {
                                accepted.addAndGet(count(r.body(), "\"accepted\":"));
                                errors.addAndGet(count(r.body(), "\"rejected\":"));
                            } else {
                                errors.incrementAndGet();
                            }
                        }
                    } catch (java.io.IOException e) {
                        errors.incrementAndGet();
                    }
                });
                clients.add(t);
                t.start();
            }
            for (Thread t : clients) {
                t.join();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double limit = VerifyRate.measure(cores, 2000);
            double rate = accepted.get() / seconds;
            return new Result(accepted.get(), errors.get(), seconds, rate, Stats.percentileMs(latencies, 50),
                    Stats.percentileMs(latencies, 99), limit, rate / limit);
        }
    }

    private static int count(String body, String field) {
        int at = body.indexOf(field);
        if (at < 0) {
            return 0;
        }
        int from = at + field.length();
        int to = from;
        while (to < body.length() && Character.isDigit(body.charAt(to))) {
            to++;
        }
        return Integer.parseInt(body.substring(from, to));
    }

    /** Request bodies: each transfer alone, or {@code batch} at a time. */
    private static List<String> requests(List<Transfer> txs, int batch) {
        List<String> out = new ArrayList<>();
        if (batch <= 1) {
            txs.forEach(t -> out.add(json(t)));
            return out;
        }
        for (int i = 0; i < txs.size(); i += batch) {
            StringBuilder b = new StringBuilder("{\"transactions\":[");
            for (int j = i; j < Math.min(txs.size(), i + batch); j++) {
                b.append(j > i ? "," : "").append(json(txs.get(j)));
            }
            out.add(b.append("]}").toString());
        }
        return out;
    }

    private static String json(Transfer t) {
        return "{\"from\":\"" + t.from().toHex() + "\",\"to\":\"" + t.to().toHex() + "\",\"amount\":" + t.amount()
                + ",\"fee\":" + t.fee() + ",\"nonce\":" + t.nonce() + ",\"signature\":\"" + t.signature().toHex() + "\"}";
    }

    public static void main(String[] argv) throws Exception {
        Args a = new Args(argv);
        Params p = new Params(a.integer("seconds", 30), a.integer("clients", 8), a.integer("batch", 1),
                a.integer("transactions", 200_000));
        System.out.println("ingest " + p + ": " + run(p));
    }
}
