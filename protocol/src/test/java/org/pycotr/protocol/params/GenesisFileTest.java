package org.pycotr.protocol.params;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pycotr.protocol.testing.TestGenesis;

class GenesisFileTest {
    private final ChainParams params = TestGenesis.params();
    private final String json = GenesisFile.toJson(params);

    @Test
    void roundTripKeepsTheNetworkId() {
        ChainParams parsed = GenesisFile.parse(json);
        assertEquals(params.networkId(), parsed.networkId());
        assertEquals(params.allocations(), parsed.allocations());
    }

    @Test
    void anyParameterChangesTheNetworkId() {
        ChainParams otherReward = GenesisFile.parse(json.replace("\"blockReward\" : 50", "\"blockReward\" : 51"));
        assertNotEquals(params.networkId(), otherReward.networkId());
        ChainParams otherAlloc = GenesisFile.parse(json.replace("\"amount\" : 1000000", "\"amount\" : 1000001"));
        assertNotEquals(params.networkId(), otherAlloc.networkId());
    }

    @Test
    void corruptFilesGiveAClearErrorNamingTheProblem() {
        assertMessage("not valid JSON", json.substring(0, json.length() / 2));
        assertMessage("expected a JSON object", "[1,2]");
        assertMessage("missing field 'powLimit'", json.replace("\"powLimit\"", "\"powLimitX\""));
        assertMessage("'maxBlockBytes' must be a 32-bit integer", json.replace("\"maxBlockBytes\" : 1048576", "\"maxBlockBytes\" : \"big\""));
        assertMessage("maxBlockBytes must be in", json.replace("\"maxBlockBytes\" : 1048576", "\"maxBlockBytes\" : 10"));
        assertMessage("'targetBlockTimeMs' must be a positive", json.replace("\"targetBlockTimeMs\" : 1000", "\"targetBlockTimeMs\" : -5"));
        assertMessage("'initialTarget': ", json.replace("\"initialTarget\" : \"1f7fffff\"", "\"initialTarget\" : \"1f800000\""));
        assertMessage("'powLimit' must be a compact target of 8 hex digits", json.replace("\"powLimit\" : \"207fffff\"", "\"powLimit\" : \"zz\""));
        assertMessage("initialTarget 207fffff is easier than powLimit", json.replace("\"initialTarget\" : \"1f7fffff\"", "\"initialTarget\" : \"207fffff\"").replace("\"powLimit\" : \"207fffff\"", "\"powLimit\" : \"1f7fffff\""));
        assertMessage("allocations[0]: address must be 64 hex characters", json.replaceFirst("\"address\" : \"[0-9a-f]{64}\"", "\"address\" : \"abcd\""));
        assertMessage("allocations[1]: 'amount' must be a positive", json.replaceFirst("\"amount\" : 1000000,(\\s+\"label\" : \"test\"\\s+\\}, \\{\\s+\"address\" : \"[0-9a-f]+\",\\s+)\"amount\" : 1000000", "\"amount\" : 1000000,$1\"amount\" : 0"));
        String first = params.allocations().get(0).address().toHex();
        String second = params.allocations().get(1).address().toHex();
        assertMessage("is allocated twice", json.replace(second, first));
    }

    @Test
    void loadNamesTheFile(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("nope.json");
        assertTrue(assertThrows(InvalidGenesisException.class, () -> GenesisFile.load(missing)).getMessage()
                .startsWith(missing + ": file not found"));
        Path corrupt = dir.resolve("genesis.json");
        Files.writeString(corrupt, "{\"network\": 5}");
        assertTrue(assertThrows(InvalidGenesisException.class, () -> GenesisFile.load(corrupt)).getMessage()
                .startsWith(corrupt + ": "));
        Files.writeString(corrupt, json);
        assertEquals(params.networkId(), GenesisFile.load(corrupt).networkId());
    }

    private static void assertMessage(String expected, String json) {
        InvalidGenesisException e = assertThrows(InvalidGenesisException.class, () -> GenesisFile.parse(json));
        assertTrue(e.getMessage().contains(expected), "message was: " + e.getMessage());
    }
}
