package org.pycotr.genesis;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.params.Allocation;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.params.GenesisFile;
import org.pycotr.protocol.pow.CompactTarget;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Writes a genesis file. Its defaults produce the committed {@code genesis/genesis.json} of the dev
 * network exactly, so regenerating it is reproducible and reviewable.
 */
@Command(name = "run_generator.sh", mixinStandardHelpOptions = true,
        description = "Writes the genesis file that defines a Pycotr network.")
public final class GenesisGenerator implements Callable<Integer> {
    /** 2^236: about a million hashes per block, well under a second on one CPU thread. */
    static final CompactTarget DEV_POW_LIMIT = CompactTarget.fromBigInteger(BigInteger.ONE.shiftLeft(236));
    static final long DEV_TIMESTAMP = 1_764_000_000_000L;
    static final long DEV_FAUCET_AMOUNT = 1_000_000_000_000L;
    static final String FAUCET_LABEL = "dev faucet (key: genesis/dev-faucet.key; for development only)";

    @Option(names = "--out", description = "Where to write the genesis file (default: ${DEFAULT-VALUE}).")
    Path out = Path.of("genesis/genesis.json");

    @Option(names = "--faucet-key", description = "File holding the dev faucet's private key in hex (default: ${DEFAULT-VALUE}).")
    Path faucetKey = Path.of("genesis/dev-faucet.key");

    @Option(names = "--faucet-amount", description = "What the faucet holds at genesis (default: ${DEFAULT-VALUE}).")
    long faucetAmount = DEV_FAUCET_AMOUNT;

    @Option(names = "--network", description = "Network name (default: ${DEFAULT-VALUE}).")
    String network = "pycotr-dev";

    @Option(names = "--timestamp", description = "Genesis time, ms since the epoch (default: ${DEFAULT-VALUE}).")
    long timestamp = DEV_TIMESTAMP;

    @Option(names = "--target-block-time-ms", description = "Block time the difficulty aims at (default: ${DEFAULT-VALUE}).")
    long targetBlockTimeMs = 5000;

    @Option(names = "--block-reward", description = "Coinbase reward per block (default: ${DEFAULT-VALUE}).")
    long blockReward = 10;

    @Option(names = "--max-block-bytes", description = "Largest block in bytes (default: ${DEFAULT-VALUE}).")
    int maxBlockBytes = 1_048_576;

    @Option(names = "--pow-limit", description = "Easiest target, compact hex (default: the dev limit, 2^236).")
    String powLimit = DEV_POW_LIMIT.toHex();

    @Option(names = "--initial-target", description = "Target of the first blocks, compact hex (default: the pow limit).")
    String initialTarget;

    @Option(names = "--allocate", paramLabel = "ADDRESS=AMOUNT", description = "Extra genesis allocation; repeatable.")
    List<String> extra = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        ChainParams params = build();
        Files.writeString(out, GenesisFile.toJson(params));
        System.out.println("Wrote " + out + ": network " + params.network() + ", genesis hash " + params.networkId());
        return 0;
    }

    ChainParams build() throws IOException {
        List<Allocation> allocations = new ArrayList<>();
        PrivateKey faucet = PrivateKey.fromHex(Files.readString(faucetKey).trim());
        allocations.add(new Allocation(faucet.address(), faucetAmount, FAUCET_LABEL));
        for (String a : extra) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("--allocate takes ADDRESS=AMOUNT, got '" + a + "'");
            }
            allocations.add(new Allocation(Address.fromHex(a.substring(0, eq)), Long.parseLong(a.substring(eq + 1)), ""));
        }
        CompactTarget limit = CompactTarget.fromHex(powLimit);
        CompactTarget initial = initialTarget == null ? limit : CompactTarget.fromHex(initialTarget);
        return new ChainParams(network, 1, timestamp, initial, limit, targetBlockTimeMs, blockReward, maxBlockBytes,
                allocations);
    }

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new GenesisGenerator());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return 1;
        });
        System.exit(cli.execute(args));
    }
}
