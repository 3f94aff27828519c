package org.pycotr.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pycotr.daemon.testing.HttpNode;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.testing.Keys;
import org.pycotr.protocol.testing.TestGenesis;

class PycotrCliTest {
    private static HttpNode node;

    record Run(int code, String out, String err) {}

    @BeforeAll
    static void start() {
        node = new HttpNode(TestGenesis.params(), null);
    }

    @AfterAll
    static void stop() {
        node.close();
    }

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = PycotrCli.commandLine(Map.of("PYCOTR_NODE", node.url), new PrintWriter(out, true), new PrintWriter(err, true))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    private static JsonNode json(Run r) {
        try {
            return NodeClient.json().readTree(r.out());
        } catch (java.io.IOException e) {
            throw new AssertionError(r.out(), e);
        }
    }

    @Test
    void sendThenFollowTheTransaction() {
        JsonNode key = json(cli("keygen", "--json"));
        String to = key.get("address").asText();
        assertEquals(to, cli("address", "--key", key.get("privateKey").asText()).out().trim());

        Run sent = cli("send", "--json", "--key", Keys.CAROL.toHex(), "--to", to, "--amount", "77", "--fee", "3", "--memo", "hi");
        assertEquals(0, sent.code(), sent.err());
        String txid = json(sent).get("txid").asText();
        assertTrue(cli("tx", txid).out().contains("pending"));
        node.mineBlock();
        assertTrue(cli("tx", txid).out().contains("confirmed in block"));
        assertTrue(cli("balance", to).out().contains("balance: 77"));
        assertTrue(cli("chain").out().contains("network: pycotr-test"));
        assertEquals(0, cli("peers").code());
        assertEquals(0, json(cli("peers", "--json")).get("peers").size());
    }

    @Test
    void errorsAreOneReadableLine() {
        Run broke = cli("send", "--key", PrivateKey.generate().toHex(), "--to", Keys.BOB.address().toHex(), "--amount", "5");
        assertEquals(1, broke.code());
        assertTrue(broke.err().startsWith("pycotr: insufficient_balance"), broke.err());
        Run badKey = cli("send", "--key", "nope", "--to", Keys.BOB.address().toHex(), "--amount", "5");
        assertTrue(badKey.err().startsWith("pycotr: --key must be 64 hex characters"), badKey.err());
        Run down = cli("chain", "--node", "http://127.0.0.1:1");
        assertTrue(down.err().contains("cannot reach the node"), down.err());
        assertEquals(2, cli("send", "--amount", "x").code());
    }
}
