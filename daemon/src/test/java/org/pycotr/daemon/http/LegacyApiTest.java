package org.pycotr.daemon.http;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pycotr.protocol.testing.Keys.ALICE;
import static org.pycotr.protocol.testing.Keys.BOB;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pycotr.daemon.testing.HttpNode;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.testing.Keys;
import org.pycotr.protocol.testing.TestGenesis;

/** Every route of shared/LEGACY_API.md: shapes, JSON types, GET bodies, errors. */
class LegacyApiTest {
    private static final ChainParams PARAMS = TestGenesis.params();
    /** Dave's allocation plays the dev faucet here. */
    private static final PrivateKey FAUCET = Keys.DAVE;
    private static HttpNode node;

    @BeforeAll
    static void start() {
        node = new HttpNode(PARAMS, FAUCET);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static JsonNode result(HttpNode.Reply r) {
        assertEquals(200, r.status(), r.text());
        assertEquals("application/json; charset=utf-8", r.contentType());
        assertEquals("success", r.json().get("status").asText());
        assertTrue(r.json().get("message").isTextual());
        return r.json().get("result");
    }

    private static void assertError(HttpNode.Reply r, int status, String fragment) {
        assertEquals(status, r.status(), r.text());
        assertEquals("error", r.json().get("status").asText());
        assertTrue(r.json().get("error").asText().contains(fragment), r.text());
        assertEquals(2, r.json().size(), "exactly status and error");
    }

    private static ObjectNode purchase(String address, Object amount) {
        ObjectNode o = Json.object().put("from_address", address).put("to_address", address).put("is_credit_card", true)
                .put("credit_card_cc_number", "4111111111111111").put("credit_card_cc_date", "2027-01-31")
                .put("credit_card_cc_pict", "123").put("credit_card_cc_name", "Ann Example");
        o.putPOJO("amount", amount);
        return o;
    }

    @Test
    void statusNetworkAndId() {
        JsonNode s = result(node.get("/status"));
        assertEquals("started", s.get("status").asText());
        assertTrue(s.get("mining").isBoolean());
        assertTrue(s.get("miner_pause").isIntegralNumber());
        assertEquals(5, s.get("miner_pause").asInt());

        JsonNode n = result(node.get("/describe_network"));
        assertEquals(node.url, n.get("url").asText());
        assertTrue(n.get("other_nodes").isArray());
        assertTrue(n.get("pause").isIntegralNumber());

        String id = result(node.get("/blockchain_id")).asText();
        assertEquals(id, UUID.fromString(id).toString());
    }

    @Test
    void createKeyGivesAFreshWorkingPair() {
        JsonNode k = result(node.get("/create_key", "{}"));
        PrivateKey key = PrivateKey.fromHex(k.get("private").asText());
        assertEquals(key.address().toHex(), k.get("public").asText());
        assertFalse(k.get("private").asText().equals(result(node.get("/create_key", "{}")).get("private").asText()));
    }

    @Test
    void purchaseThenTransferThenBalancesAndWallets() {
        PrivateKey buyer = PrivateKey.generate();
        String address = buyer.address().toHex();
        JsonNode bought = result(node.post("/add_to_pending_transactions", purchase(address, "75").toString()));
        assertEquals(75, bought.get("amount").asLong());
        assertTrue(bought.get("amount").isIntegralNumber());
        assertTrue(bought.get("transaction_id").isTextual());
        node.mineBlock();
        assertEquals(75, result(node.get("/balance_for", "{\"wallet\":\"" + address + "\"}")).asLong());

        String to = PrivateKey.generate().address().toHex();
        ObjectNode transfer = Json.object().put("from_address", address).put("to_address", to)
                .put("from_private_key", buyer.toHex()).put("amount", 30).put("is_credit_card", false);
        JsonNode sent = result(node.post("/add_to_pending_transactions", transfer.toString()));
        assertEquals(30, sent.get("amount").asLong());
        assertError(node.post("/add_to_pending_transactions", transfer.put("amount", 50).toString()), 400, "needs 50");
        node.mineBlock();
        assertEquals(30, result(node.get("/balance_for", "{\"wallet\":\"" + to + "\"}")).asLong());
        assertEquals(45, result(node.get("/balance_for", "{\"wallet\":\"" + address + "\"}")).asLong());

        List<String> wallets = new ArrayList<>();
        result(node.get("/get_wallets", "{}")).forEach(w -> wallets.add(w.asText()));
        assertTrue(wallets.contains(to) && wallets.contains(address));
        assertEquals(0, result(node.get("/balance_for", "{\"wallet\":\"" + "ab".repeat(32) + "\"}")).asLong());
    }

    @Test
    void describeBlockchainHasTheFrontendShape() {
        PrivateKey buyer = PrivateKey.generate();
        result(node.post("/add_to_pending_transactions", purchase(buyer.address().toHex(), 5).toString()));
        JsonNode d = result(node.get("/describe_blockchain", "{}"));
        JsonNode genesis = d.get("chain").get(0);
        assertEquals(PARAMS.networkId().toHex(), genesis.get("hash").asText());
        assertEquals(0, genesis.get("transactions").size());
        assertTrue(genesis.get("timestamp").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}"));
        assertTrue(genesis.get("nonce").isIntegralNumber());
        assertTrue(d.get("pool_transactions").size() >= 1);
        JsonNode pending = d.get("pool_transactions").get(d.get("pool_transactions").size() - 1);
        for (String f : List.of("uuid", "from_address", "to_address", "signature")) {
            assertTrue(pending.get(f).isTextual() && !pending.get(f).asText().isEmpty(), f);
        }
        assertTrue(pending.get("amount").isIntegralNumber() && pending.get("attached_fee").isIntegralNumber());
        assertTrue(d.get("difficulty").isNumber());
        assertEquals(PARAMS.blockReward(), d.get("mining_reward_amount").asLong());
        String id = result(node.get("/blockchain_id")).asText();
        assertEquals(id, d.get("id").asText());
        assertTrue(d.get("source_blockchain_id").isTextual());

        node.mineBlock();
        JsonNode mined = result(node.get("/describe_blockchain", "{}"));
        JsonNode tip = mined.get("chain").get(mined.get("chain").size() - 1);
        JsonNode coinbase = tip.get("transactions").get(0);
        assertEquals("0".repeat(64), coinbase.get("from_address").asText());
        assertEquals(id, mined.get("source_blockchain_id").asText(), "we mined the tip");

        JsonNode raw = result(node.get("/get_blockchain"));
        assertTrue(raw.isTextual(), "get_blockchain's result is a JSON string");
        JsonNode inner;
        try {
            inner = Json.MAPPER.readTree(raw.asText());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        for (String f : List.of("chain", "pool_transactions", "reward_amount", "id", "source_blockchain_id")) {
            assertTrue(inner.has(f), f);
        }
    }

    @Test
    void minerControl() {
        JsonNode pause = node.post("/update_miner_pause", "{\"pause\": \"7\"}").json();
        assertEquals("Miner pause updated with: 7", pause.get("message").asText());
        assertTrue(pause.get("result").isNull());
        assertEquals(7, result(node.get("/get_miner_pause")).asInt());
        assertEquals(200, node.post("/update_miner_pause", "{\"pause\": 5}").status());
        assertError(node.post("/update_miner_pause", "{\"pause\": -1}"), 400, "pause");
        assertError(node.post("/update_miner_pause", "{\"pause\": \"soon\"}"), 400, "pause");

        assertFalse(result(node.get("/is_mining")).asBoolean());
        result(node.post("/start_mining", ""));
        assertTrue(result(node.get("/is_mining")).asBoolean());
        assertError(node.post("/start_mining", ""), 400, "already mining");
        result(node.post("/stop_mining", ""));
        assertFalse(result(node.get("/is_mining")).asBoolean());
        assertError(node.post("/stop_mining", ""), 400, "not mining");
    }

    @Test
    void badTransactionsAreRefusedClearly() {
        String alice = ALICE.address().toHex();
        String bob = BOB.address().toHex();
        ObjectNode ok = Json.object().put("from_address", alice).put("to_address", bob).put("from_private_key", ALICE.toHex())
                .put("amount", 1).put("is_credit_card", false);
        ObjectNode missing = ok.deepCopy();
        missing.remove("from_private_key");
        assertError(node.post("/add_to_pending_transactions", missing.toString()), 400, "from_private_key");
        assertError(node.post("/add_to_pending_transactions", ok.deepCopy().put("to_address", "nothex").toString()), 400, "to_address");
        assertError(node.post("/add_to_pending_transactions", ok.deepCopy().put("from_private_key", BOB.toHex()).toString()), 400,
                "does not belong");
        assertError(node.post("/add_to_pending_transactions", ok.deepCopy().put("to_address", alice).toString()), 400, "must differ");
        assertError(node.post("/add_to_pending_transactions", ok.deepCopy().put("amount", 0).toString()), 400, "positive");
        assertError(node.post("/add_to_pending_transactions", ok.deepCopy().put("amount", -3).toString()), 400, "amount");
        assertError(node.post("/add_to_pending_transactions", ok.deepCopy().put("amount", 2.5).toString()), 400, "amount");
        assertError(node.post("/add_to_pending_transactions", "{oops"), 400, "JSON");
        assertError(node.post("/add_to_pending_transactions", ok.toString(), "text/plain"), 415, "application/json");
        ObjectNode card = purchase(alice, 5);
        card.remove("credit_card_cc_name");
        assertError(node.post("/add_to_pending_transactions", card.toString()), 400, "credit_card_cc_name");
        assertError(node.post("/add_to_pending_transactions", purchase(alice, 5).put("credit_card_cc_date", "soon").toString()),
                400, "ISO date");
        assertError(node.get("/balance_for", "{}"), 400, "wallet");
        assertError(node.get("/nope"), 404, "no route");
        assertError(node.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(node.url + "/status"))
                .method("DELETE", java.net.http.HttpRequest.BodyPublishers.noBody())), 405, "not allowed");
        assertEquals(200, node.post("/add_to_pending_transactions", ok.toString(), "application/json; charset=utf-8").status(),
                "charset parameters are fine");
    }

    @Test
    void purchasesNeedAFaucetKey() {
        try (HttpNode noFaucet = new HttpNode(PARAMS, null)) {
            assertError(noFaucet.post("/add_to_pending_transactions", purchase(ALICE.address().toHex(), 5).toString()), 403,
                    "purchases are disabled");
        }
    }

    /** The frontend's "configure" step: node 1 registers nodes 2 and 3; lists come out as the original made them. */
    @Test
    void registrationProducesTheOriginalPeerLists() {
        try (HttpNode n1 = new HttpNode(PARAMS, null); HttpNode n2 = new HttpNode(PARAMS, null);
                HttpNode n3 = new HttpNode(PARAMS, null)) {
            JsonNode r = n1.post("/register-and-broadcast-nodes", "{\"nodeUrl\": \"" + n2.url + "\"}").json();
            assertEquals("Node added and broadcast: " + n2.url, r.get("message").asText());
            assertTrue(r.get("result").isNull());
            n1.post("/register-and-broadcast-nodes", "{\"nodeUrl\": \"" + n3.url + "\"}");
            assertEquals(List.of(n2.url, n3.url), others(n1));
            assertEquals(List.of(n1.url, n3.url), others(n2));
            assertEquals(List.of(n2.url, n1.url), others(n3));
            await().atMost(Duration.ofSeconds(20)).until(() -> n1.node.network().peers().size() >= 2);
            assertError(n1.post("/register-node", "{\"nodeUrl\": \"ftp://x\"}"), 400, "nodeUrl");
        }
    }

    private static List<String> others(HttpNode n) {
        List<String> out = new ArrayList<>();
        result(n.get("/describe_network")).get("other_nodes").forEach(u -> out.add(u.asText()));
        return out;
    }
}
