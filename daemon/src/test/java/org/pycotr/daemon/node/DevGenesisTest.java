package org.pycotr.daemon.node;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pycotr.daemon.mempool.MempoolLimits;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.params.GenesisFile;

/** The committed dev network loads, and its easiest target is minable on one CPU thread. */
class DevGenesisTest {
    @Test
    void nodeLoadsTheCommittedGenesisAndMinesOnIt() {
        ChainParams dev = GenesisFile.load(Path.of("../genesis/genesis.json"));
        assertEquals("pycotr-dev", dev.network());
        assertEquals(dev.genesisHeader().hash(), dev.networkId());
        PrivateKey miner = PrivateKey.generate();
        try (ChainService node = new ChainService(dev, MempoolLimits.DEFAULT,
                new MinerSettings(true, 1, miner.address(), Duration.ZERO), Clock.systemUTC())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> node.read(ChainView::height).join() >= 1);
            assertEquals(dev.blockReward(), node.read(v -> v.account(miner.address()).balance()).join().longValue()
                    / node.read(ChainView::height).join());
        }
    }
}
