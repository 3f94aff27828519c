package org.pycotr.daemon;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The product as a user runs it: bin/start_nodes.sh starts three real processes, bin/pycotr signs
 * a payment and sends it to node 3, nodes 1 and 2 confirm it, bin/stop_nodes.sh leaves nothing
 * behind. Runs after `package`, on the jar the build just made, on ports away from the defaults.
 */
class EndToEndIT {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int HTTP_BASE = 23000;
    private static final int P2P_BASE = 24000;

    @TempDir
    Path run;

    record Result(int code, String out) {}

    private Result sh(String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        pb.environment().put("PYCOTR_NO_BUILD", "1");
        pb.environment().put("PYCOTR_RUN_DIR", run.toString());
        pb.environment().put("PYCOTR_BASE_HTTP_PORT", String.valueOf(HTTP_BASE));
        pb.environment().put("PYCOTR_BASE_P2P_PORT", String.valueOf(P2P_BASE));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        return new Result(p.exitValue(), out);
    }

    private static JsonNode get(int node, String path) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + (HTTP_BASE + node) + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }

    private List<Long> pids() throws IOException {
        List<Long> pids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            Path f = run.resolve("node" + i + ".pid");
            if (Files.exists(f)) {
                pids.add(Long.parseLong(Files.readString(f).trim()));
            }
        }
        return pids;
    }

    @AfterEach
    void stopEverything() throws Exception {
        sh("bin/stop_nodes.sh");
    }

    @Test
    void threeNodesConfirmAPaymentSignedByTheCli() throws Exception {
        for (int port : new int[] {HTTP_BASE + 1, HTTP_BASE + 2, HTTP_BASE + 3, P2P_BASE + 1, P2P_BASE + 2, P2P_BASE + 3}) {
            try (ServerSocket probe = new ServerSocket(port)) {
                assertTrue(probe.isBound(), "port " + port + " must be free for this test");
            }
        }
        Result started = sh("bin/start_nodes.sh", "3");
        assertEquals(0, started.code(), started.out());
        assertTrue(started.out().contains("node3 up: http://localhost:" + (HTTP_BASE + 3)), started.out());
        List<Long> pids = pids();
        assertEquals(3, pids.size());

        Result again = sh("bin/start_nodes.sh", "3");
        assertEquals(0, again.code(), again.out());
        assertTrue(again.out().contains("node1 already running"), "safe to run twice: " + again.out());
        assertEquals(pids, pids());

        JsonNode keys = JSON.readTree(sh("bin/pycotr", "keygen", "--json").out());
        String address = keys.get("address").asText();
        Result sent = sh("bin/pycotr", "send", "--json", "--node", "http://localhost:" + (HTTP_BASE + 3),
                "--key", "genesis/dev-faucet.key", "--to", address, "--amount", "1234", "--fee", "1");
        assertEquals(0, sent.code(), sent.out());
        String txid = JSON.readTree(sent.out()).get("txid").asText();

        for (int node : new int[] {1, 2}) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> "confirmed".equals(get(node, "/v1/transactions/" + txid).path("status").asText()));
            assertEquals(1234, get(node, "/v1/accounts/" + address).get("balance").asLong());
        }
        Result balance = sh("bin/pycotr", "balance", "--node", "http://localhost:" + (HTTP_BASE + 1), address);
        assertTrue(balance.out().contains("balance: 1234"), balance.out());

        Result stopped = sh("bin/stop_nodes.sh");
        assertEquals(0, stopped.code(), stopped.out());
        for (long pid : pids) {
            await().atMost(Duration.ofSeconds(15)).until(() -> ProcessHandle.of(pid).map(h -> !h.isAlive()).orElse(true));
        }
        assertFalse(Files.exists(run.resolve("node1.pid")));
        assertTrue(sh("bin/stop_nodes.sh").out().contains("no nodes were running"), "safe to run twice");
    }
}
