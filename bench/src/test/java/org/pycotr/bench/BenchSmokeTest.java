package org.pycotr.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pycotr.bench.jmh.BlockValidationBench;
import org.pycotr.bench.jmh.MempoolBench;
import org.pycotr.bench.jmh.MiningBench;
import org.pycotr.bench.jmh.VerifyBench;
import org.pycotr.bench.tools.IngestTool;
import org.pycotr.bench.tools.MemoryTool;
import org.pycotr.bench.tools.PropagationTool;
import org.pycotr.bench.tools.SyncTool;
import org.pycotr.daemon.mining.NativeSha256d;
import org.pycotr.protocol.crypto.Sha256;

/**
 * Every benchmark once, with tiny parameters, so none of them rots. No figures are judged here:
 * performance is measured with bin/bench and reported in bench/README.md.
 */
class BenchSmokeTest {
    @Test
    void jmhBenchmarksRunOnce() {
        MiningBench mining = new MiningBench();
        mining.setup();
        byte[] naive = mining.naiveDoubleSha256();
        assertEquals(32, naive.length);
        assertEquals(-1, mining.jdkMidstateScanner(), "no hash meets a zero target");
        if (NativeSha256d.available()) {
            assertEquals(-1, mining.nativeShaNiScanner(), "no hash meets a zero target");
        }

        VerifyBench verify = new VerifyBench();
        verify.setup();
        assertTrue(verify.verify());

        BlockValidationBench block = new BlockValidationBench();
        block.setup();
        block.validate();

        MempoolBench mempool = new MempoolBench();
        mempool.transactions = 500;
        mempool.setup();
        assertEquals(500, mempool.insertAll().size());
        assertEquals(500, mempool.buildTemplate().size());
        assertEquals(32, Sha256.hash(new byte[0]).bytes().length);
    }

    @Test
    void ingestToolRuns() throws Exception {
        IngestTool.Result single = IngestTool.run(new IngestTool.Params(1, 2, 1, 200));
        assertTrue(single.accepted() > 0 && single.errors() == 0, single.toString());
        IngestTool.Result batch = IngestTool.run(new IngestTool.Params(1, 2, 25, 200));
        assertTrue(batch.accepted() > 0 && batch.errors() == 0, batch.toString());
    }

    @Test
    void propagationToolRuns() throws Exception {
        PropagationTool.Result r = PropagationTool.run(new PropagationTool.Params(4, 2, 2));
        assertTrue(r.txP99Ms() > 0 && r.blockP99Ms() > 0, r.toString());
    }

    @Test
    void syncToolRuns() throws Exception {
        SyncTool.Result r = SyncTool.run(new SyncTool.Params(40, 3, 2));
        assertEquals(120, r.transactions());
        assertTrue(r.blocksPerSecond() > 0, r.toString());
    }

    @Test
    void memoryToolRuns() throws Exception {
        MemoryTool.Result r = MemoryTool.run(new MemoryTool.Params(20, 300));
        assertEquals(20, r.height());
        assertEquals(300, r.pending());
        assertTrue(r.heapMb() > 0, r.toString());
    }
}
