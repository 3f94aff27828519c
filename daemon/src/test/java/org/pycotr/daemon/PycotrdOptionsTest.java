package org.pycotr.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.pycotr.daemon.http.AdminAccess;
import org.pycotr.daemon.mining.HashEngine;
import org.pycotr.daemon.mining.NativeSha256d;
import org.pycotr.daemon.node.NodeConfig;
import org.pycotr.daemon.p2p.PeerAddress;
import picocli.CommandLine;

class PycotrdOptionsTest {
    private static final String GENESIS = "../genesis/genesis.json";
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private Pycotrd parse(Map<String, String> env, String... args) {
        Pycotrd cmd = new Pycotrd(new PrintWriter(out, true));
        Pycotrd.commandLine(cmd, env, new PrintWriter(err, true)).parseArgs(args);
        return cmd;
    }

    private int run(Map<String, String> env, String... args) {
        return Pycotrd.commandLine(new Pycotrd(new PrintWriter(out, true)), env, new PrintWriter(err, true)).execute(args);
    }

    @Test
    void helpDocumentsEveryOptionWithItsDefault() {
        CommandLine cli = Pycotrd.commandLine(new Pycotrd(new PrintWriter(out, true)), Map.of(), new PrintWriter(err, true));
        String help = cli.getUsageMessage();
        for (CommandLine.Model.OptionSpec o : cli.getCommandSpec().options()) {
            assertTrue(help.contains(o.longestName().substring(2)), o.longestName());
        }
        assertTrue(help.contains("default: 4001") && help.contains("default: 3001") && help.contains("PYCOTR_MINER_PAUSE"));
    }

    @Test
    void environmentSetsOptionsAndTheCommandLineWins() {
        Map<String, String> env = Map.of("PYCOTR_MINER_PAUSE", "7", "PYCOTR_BOOTSTRAP", "a:4001,b:4002", "PYCOTR_MINE", "false",
                "PYCOTR_HTTP_PORT", "3009", "PYCOTR_GENESIS", GENESIS);
        NodeConfig c = parse(env).config();
        assertEquals(Duration.ofSeconds(7), c.miner().pause());
        assertEquals(List.of(PeerAddress.parse("a:4001"), PeerAddress.parse("b:4002")), c.network().bootstrap());
        assertFalse(c.miner().enabled());
        assertEquals("http://localhost:3009", c.advertisedUrl());
        assertEquals(Duration.ofSeconds(3), parse(env, "--miner-pause", "3").config().miner().pause());
        assertTrue(parse(env, "--mine").config().miner().enabled());
    }

    @Test
    void defaultsAreSensible() {
        NodeConfig c = parse(Map.of(), "--genesis", GENESIS, "--no-mine").config();
        assertEquals(4001, c.network().listenPort());
        assertEquals(3001, c.httpPort());
        assertEquals("127.0.0.1", c.httpHost());
        assertEquals(AdminAccess.Mode.LOOPBACK, c.admin().mode());
        assertTrue(c.legacyApi());
        assertNull(c.faucet());
        assertEquals(8, c.network().maxOutbound());
        assertEquals(50_000, c.mempool().maxTransactions());
        assertEquals(HashEngine.AUTO.resolve(), c.miner().engine());
    }

    @Test
    void minerEngineIsChosenByName() {
        assertEquals(HashEngine.JDK, parse(Map.of(), "--genesis", GENESIS, "--miner-engine", "jdk").config().miner().engine());
        assertEquals(HashEngine.JDK, parse(Map.of("PYCOTR_MINER_ENGINE", "JDK", "PYCOTR_GENESIS", GENESIS)).config().miner().engine());
        assertEquals(2, run(Map.of(), "--miner-engine", "gpu"));
        assertTrue(err.toString().contains("--miner-engine"), err.toString());
        if (NativeSha256d.available()) {
            assertEquals(HashEngine.NATIVE, parse(Map.of(), "--genesis", GENESIS, "--miner-engine", "native").config().miner().engine());
        } else {
            assertEquals(1, run(Map.of(), "--genesis", GENESIS, "--miner-engine", "native"));
            assertTrue(err.toString().contains("the native SHA-256 engine cannot run here"), err.toString());
        }
    }

    @Test
    void keysComeAsHexOrFiles() throws IOException {
        Path file = Files.createTempFile("faucet", ".key");
        Files.writeString(file, Files.readString(Path.of("../genesis/dev-faucet.key")));
        NodeConfig c = parse(Map.of(), "--genesis", GENESIS, "--faucet-key", file.toString()).config();
        assertEquals(Files.readString(file).trim(), c.faucet().toHex());
        assertEquals("--miner-key must be 64 hex characters or a readable key file, got 'nope'",
                assertThrows(IllegalArgumentException.class, () -> parse(Map.of(), "--genesis", GENESIS, "--miner-key", "nope").config())
                        .getMessage());
        Files.delete(file);
    }

    @Test
    void badValuesStopTheStartWithOneClearLine() {
        assertEquals(2, run(Map.of(), "--p2p-port", "lots"));
        assertOneLine("pycotrd: Invalid value for option '--p2p-port': 'lots' is not an int");
        assertEquals(2, run(Map.of(), "--admin", "sometimes"));
        assertEquals(2, run(Map.of(), "--no-such-option"));
        assertEquals(1, run(Map.of(), "--genesis", "missing.json"));
        assertTrue(err.toString().contains("pycotrd: missing.json: file not found"), err.toString());
        assertEquals(1, run(Map.of(), "--genesis", GENESIS, "--bootstrap", "nowhere"));
        assertTrue(err.toString().contains("peer address must be host:port, got 'nowhere'"), err.toString());
        assertEquals(1, run(Map.of(), "--genesis", GENESIS, "--admin", "token"));
        assertTrue(err.toString().contains("--admin-token"), err.toString());
        assertEquals(1, run(Map.of(), "--genesis", GENESIS, "--miner-pause", "-1"));
        assertFalse(err.toString().contains("\tat "), "no stack trace");
    }

    private void assertOneLine(String expected) {
        String[] lines = err.toString().split("\n");
        assertEquals(expected, lines[0]);
        assertTrue(lines.length <= 2, err.toString());
    }

    /** docker-compose.yml configures nodes through PYCOTR_* variables: each node's set must parse and validate. */
    @Test
    void dockerComposeEnvironmentsAreValidOptions() throws IOException {
        String compose = Files.readString(Path.of("../docker/docker-compose.yml"));
        Matcher service = Pattern.compile("(?m)^  (node\\d):\\n((?:    .*\\n|\\n)*)").matcher(compose);
        int nodes = 0;
        while (service.find()) {
            Map<String, String> env = new HashMap<>();
            Matcher var = Pattern.compile("(?m)^      (PYCOTR_[A-Z_]+): \"([^\"]*)\"").matcher(service.group(2));
            while (var.find()) {
                env.put(var.group(1), var.group(2));
            }
            env.put("PYCOTR_GENESIS", GENESIS);
            env.put("PYCOTR_FAUCET_KEY", "../genesis/dev-faucet.key");
            String name = service.group(1);
            int i = Integer.parseInt(name.substring(4));
            NodeConfig c = parse(env).config();
            assertEquals(3000 + i, c.httpPort());
            assertEquals("http://" + name + ":" + (3000 + i), c.advertisedUrl());
            assertEquals(i == 1 ? List.of() : List.of(new PeerAddress("node1", 4001)), c.network().bootstrap());
            assertEquals(Duration.ofSeconds(5L * i), c.miner().pause());
            nodes++;
        }
        assertEquals(3, nodes);
        String dockerfile = Files.readString(Path.of("../docker/Dockerfile"));
        assertTrue(dockerfile.contains("ENTRYPOINT [\"java\", \"-jar\", \"/app/pycotrd.jar\"]"));
        assertTrue(dockerfile.contains("USER pycotr") && dockerfile.contains("HEALTHCHECK") && dockerfile.contains("/v1/status"));
        assertTrue(dockerfile.contains("PYCOTR_HTTP_HOST=0.0.0.0"), "containers must listen beyond loopback");
    }
}
