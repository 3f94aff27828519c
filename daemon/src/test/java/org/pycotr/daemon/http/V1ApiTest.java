package org.pycotr.daemon.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pycotr.protocol.testing.Keys.ALICE;
import static org.pycotr.protocol.testing.Keys.BOB;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pycotr.daemon.mining.HashEngine;
import org.pycotr.daemon.testing.HttpNode;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.testing.TestGenesis;
import org.pycotr.protocol.testing.Txs;
import org.pycotr.protocol.tx.Transfer;

class V1ApiTest {
    private static final ChainParams PARAMS = TestGenesis.params();
    private static HttpNode node;

    @BeforeAll
    static void start() {
        node = new HttpNode(PARAMS, null);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static String json(Transfer t) {
        ObjectNode o = Json.object().put("from", t.from().toHex()).put("to", t.to().toHex()).put("amount", t.amount())
                .put("fee", t.fee()).put("nonce", t.nonce()).put("memo", t.memo()).put("signature", t.signature().toHex());
        return o.toString();
    }

    private static ObjectNode parse(String text) {
        try {
            return (ObjectNode) Json.MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static int mempoolSize() {
        return node.get("/v1/mempool").json().get("count").asInt();
    }

    private static void assertError(HttpNode.Reply r, int status, String code) {
        assertEquals(status, r.status(), r.text());
        assertEquals(code, r.json().get("error").get("code").asText(), r.text());
        assertTrue(r.json().get("error").get("message").asText().length() > 3);
        assertEquals("application/json; charset=utf-8", r.contentType());
    }

    @Test
    void statusAndChainDescribeTheNode() {
        HttpNode.Reply s = node.get("/v1/status");
        assertEquals(200, s.status());
        assertEquals("pycotr-test", s.json().get("network").asText());
        assertEquals(PARAMS.networkId().toHex(), s.json().get("genesis").asText());
        assertEquals(node.node.p2pPort(), s.json().get("p2p").get("port").asInt());
        assertEquals(node.url, s.json().get("httpUrl").asText());
        assertTrue(s.json().get("mining").has("pauseSeconds"));
        assertEquals(HashEngine.AUTO.resolve().name().toLowerCase(), s.json().get("mining").get("engine").asText());

        HttpNode.Reply c = node.get("/v1/chain");
        assertEquals(PARAMS.blockReward(), c.json().get("blockReward").asLong());
        assertTrue(c.json().get("height").isIntegralNumber());
    }

    @Test
    void clientSignedTransactionGoesPendingThenConfirmed() {
        long nonce = node.get("/v1/accounts/" + ALICE.address().toHex()).json().get("nextNonce").asLong();
        Transfer t = Txs.on(PARAMS.networkId(), ALICE, BOB, 40, nonce, 2);
        HttpNode.Reply r = node.post("/v1/transactions", json(t));
        assertEquals(202, r.status(), r.text());
        assertEquals(t.txid().toHex(), r.json().get("txid").asText());
        assertEquals("pending", node.get("/v1/transactions/" + t.txid().toHex()).json().get("status").asText());
        assertEquals(409, node.post("/v1/transactions", json(t)).status(), "a duplicate is a conflict");

        node.mineBlock();
        HttpNode.Reply confirmed = node.get("/v1/transactions/" + t.txid().toHex());
        assertEquals("confirmed", confirmed.json().get("status").asText());
        assertEquals(1, confirmed.json().get("confirmations").asLong());
        assertEquals(40, confirmed.json().get("transaction").get("amount").asLong());
        long height = confirmed.json().get("height").asLong();

        HttpNode.Reply byHeight = node.get("/v1/blocks/" + height);
        String hash = byHeight.json().get("hash").asText();
        assertEquals(byHeight.json(), node.get("/v1/blocks/" + hash).json());
        assertEquals("coinbase", byHeight.json().get("transactions").get(0).get("kind").asText());
        assertTrue(byHeight.json().get("mainChain").asBoolean());

        HttpNode.Reply account = node.get("/v1/accounts/" + BOB.address().toHex());
        assertTrue(account.json().get("balance").asLong() >= TestGenesis.ALLOCATION + 40);
    }

    @Test
    void batchReportsEachTransaction() {
        long nonce = node.get("/v1/accounts/" + BOB.address().toHex()).json().get("nextNonce").asLong();
        Transfer ok = Txs.on(PARAMS.networkId(), BOB, ALICE, 1, nonce, 1);
        Transfer broke = Txs.on(PARAMS.networkId(), BOB, ALICE, TestGenesis.ALLOCATION * 10, nonce + 1, 1);
        HttpNode.Reply r = node.post("/v1/transactions/batch", "{\"transactions\":[" + json(ok) + "," + json(broke) + ",{}]}");
        assertEquals(200, r.status());
        assertEquals(1, r.json().get("accepted").asInt());
        assertEquals(2, r.json().get("rejected").asInt());
        assertEquals("insufficient_balance", r.json().get("results").get(1).get("error").get("code").asText());
        assertEquals("bad_request", r.json().get("results").get(2).get("error").get("code").asText());
    }

    @Test
    void mempoolPeersAndMetricsAnswer() {
        assertTrue(node.get("/v1/mempool").json().get("transactions").isArray());
        assertTrue(node.get("/v1/peers").json().get("peers").isArray());
        HttpNode.Reply m = node.get("/metrics");
        assertEquals(200, m.status());
        assertTrue(m.contentType().startsWith("text/plain"));
        for (String metric : List.of("pycotr_height ", "pycotr_peers ", "pycotr_mempool_transactions ",
                "pycotr_blocks_accepted_total ", "pycotr_transactions_accepted_total ", "pycotr_hashrate ")) {
            assertTrue(m.text().contains(metric), metric);
        }
    }

    @Test
    void adminRoutesWorkFromLoopback() {
        assertEquals(200, node.post("/v1/admin/mining/pause", "{\"seconds\": 3}").status());
        assertEquals(3, node.get("/v1/status").json().get("mining").get("pauseSeconds").asLong());
        assertEquals(202, node.post("/v1/admin/peers", "{\"address\": \"127.0.0.1:1\"}").status());
        assertError(node.post("/v1/admin/peers", "{\"address\": \"nowhere\"}"), 400, "bad_request");
    }

    @Test
    void tokenModeRefusesWithoutTheToken() {
        try (HttpNode guarded = new HttpNode(PARAMS, null, new AdminAccess(AdminAccess.Mode.TOKEN, "0123456789abcdef-token"), List.of())) {
            assertError(guarded.post("/v1/admin/mining/start", "{}"), 403, "forbidden");
            HttpNode.Reply ok = guarded.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(guarded.url + "/v1/admin/mining/start"))
                    .header("Authorization", "Bearer 0123456789abcdef-token").POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, ok.status(), ok.text());
            await().atMost(Duration.ofSeconds(5)).until(() -> guarded.get("/v1/status").json().get("mining").get("enabled").asBoolean());
        }
    }

    @Test
    void badInputGetsTheRight4xxAndChangesNothing() {
        int before = mempoolSize();
        Transfer t = Txs.on(PARAMS.networkId(), ALICE, BOB, 5, 99, 1);
        ObjectNode good = parse(json(t));
        assertError(node.post("/v1/transactions", "{not json"), 400, "bad_request");
        assertError(node.post("/v1/transactions", "[1,2]"), 400, "bad_request");
        assertError(node.post("/v1/transactions", good.deepCopy().put("amount", "ten").toString()), 400, "bad_request");
        assertError(node.post("/v1/transactions", good.deepCopy().put("amount", -5).toString()), 400, "bad_request");
        assertError(node.post("/v1/transactions", good.deepCopy().put("amount", 1.5).toString()), 400, "bad_request");
        assertError(node.post("/v1/transactions", good.deepCopy().put("amount", new java.math.BigInteger("99999999999999999999")).toString()), 400, "bad_request");
        assertError(node.post("/v1/transactions", good.deepCopy().put("to", "xyz").toString()), 400, "bad_request");
        assertError(node.post("/v1/transactions", good.deepCopy().put("signature", "00").toString()), 400, "bad_request");
        ObjectNode missing = good.deepCopy();
        missing.remove("nonce");
        assertError(node.post("/v1/transactions", missing.toString()), 400, "bad_request");
        assertError(node.post("/v1/transactions", good.deepCopy().put("amount", 6).toString()), 400, "bad_signature");
        assertError(node.post("/v1/transactions", good.toString(), "text/plain"), 415, "unsupported_media_type");
        assertError(node.post("/v1/transactions", good.toString(), null), 415, "unsupported_media_type");
        assertError(node.post("/v1/transactions", "{\"x\":\"" + "a".repeat(HttpServer.MAX_BODY_BYTES) + "\"}"), 413, "body_too_large");
        assertError(node.get("/v1/nothing-here"), 404, "not_found");
        assertError(node.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url + "/v1/transactions"))
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.noBody())), 405, "method_not_allowed");
        assertError(node.get("/v1/blocks/not-a-block"), 400, "bad_request");
        assertError(node.get("/v1/blocks/999999"), 404, "not_found");
        assertError(node.get("/v1/transactions/abc"), 400, "bad_request");
        assertError(node.get("/v1/transactions/" + "0".repeat(64)), 404, "not_found");
        assertError(node.get("/v1/accounts/zz"), 400, "bad_request");
        assertError(node.get("/v1/mempool?limit=lots"), 400, "bad_request");
        assertEquals(before, mempoolSize(), "nothing was half-applied");
        assertEquals(200, node.get("/v1/status").status(), "and the node still answers");
    }
}
