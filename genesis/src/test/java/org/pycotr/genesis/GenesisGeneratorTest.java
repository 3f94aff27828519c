package org.pycotr.genesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.params.GenesisFile;
import picocli.CommandLine;

class GenesisGeneratorTest {
    /** Surefire runs in the module folder, where the committed files live. */
    private static final Path COMMITTED = Path.of("genesis.json");
    private static final Path FAUCET_KEY = Path.of("dev-faucet.key");

    private static GenesisGenerator generator(String... args) {
        GenesisGenerator g = new GenesisGenerator();
        new CommandLine(g).parseArgs(args);
        g.faucetKey = FAUCET_KEY;
        return g;
    }

    @Test
    void defaultsReproduceTheCommittedGenesisFile() throws Exception {
        assertEquals(Files.readString(COMMITTED), GenesisFile.toJson(generator().build()));
    }

    @Test
    void committedFaucetKeyOwnsTheFaucetAllocation() throws Exception {
        ChainParams params = GenesisFile.load(COMMITTED);
        PrivateKey faucet = PrivateKey.fromHex(Files.readString(FAUCET_KEY).trim());
        assertEquals(faucet.address(), params.allocations().get(0).address());
        assertEquals(GenesisGenerator.DEV_FAUCET_AMOUNT, params.allocations().get(0).amount());
        assertEquals(5000, params.targetBlockTimeMs());
    }

    @Test
    void writesAFileTheNodeReads(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("custom.json");
        GenesisGenerator g = generator("--out", out.toString(), "--network", "classroom", "--block-reward", "25",
                "--allocate", PrivateKey.generate().address().toHex() + "=500");
        assertEquals(0, g.call());
        ChainParams custom = GenesisFile.load(out);
        assertEquals("classroom", custom.network());
        assertEquals(25, custom.blockReward());
        assertEquals(2, custom.allocations().size());
        assertNotEquals(GenesisFile.load(COMMITTED).networkId(), custom.networkId());
    }

    @Test
    void badAllocationIsAClearError() {
        GenesisGenerator g = generator("--allocate", "not-an-address");
        assertEquals("--allocate takes ADDRESS=AMOUNT, got 'not-an-address'",
                assertThrows(IllegalArgumentException.class, g::build).getMessage());
    }
}
