package org.pycotr.daemon;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.pycotr.daemon.http.AdminAccess;
import org.pycotr.daemon.mempool.MempoolLimits;
import org.pycotr.daemon.mining.HashEngine;
import org.pycotr.daemon.node.MinerSettings;
import org.pycotr.daemon.node.Node;
import org.pycotr.daemon.node.NodeConfig;
import org.pycotr.daemon.p2p.NetworkSettings;
import org.pycotr.daemon.p2p.PeerAddress;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.params.GenesisFile;
import org.pycotr.protocol.wire.ProtocolVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code pycotrd}: starts one node. Every option can also be set as a {@code PYCOTR_*} environment variable. */
@Command(name = "pycotrd", mixinStandardHelpOptions = true, version = "pycotrd 0.1.0", sortOptions = false,
        usageHelpWidth = 110,
        description = "Runs a Pycotr node: keeps the chain, relays transactions and blocks, mines, and serves the HTTP API.%n"
                + "Every option can also be given as an environment variable: --miner-pause as PYCOTR_MINER_PAUSE, etc.%n")
public final class Pycotrd implements Callable<Integer> {
    public enum LogLevel { TRACE, DEBUG, INFO, WARN, ERROR }

    @Option(names = "--genesis", paramLabel = "FILE", description = "Genesis file of the network (default: ${DEFAULT-VALUE}).")
    Path genesis = Path.of("genesis/genesis.json");

    @Option(names = "--p2p-host", paramLabel = "HOST", description = "Interface for peer connections (default: ${DEFAULT-VALUE}).")
    String p2pHost = "0.0.0.0";

    @Option(names = "--p2p-port", paramLabel = "PORT", description = "Port for peer connections (default: ${DEFAULT-VALUE}).")
    int p2pPort = 4001;

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT", split = ",",
            description = "Peers to always dial, comma-separated (default: none).")
    List<String> bootstrap = new ArrayList<>();

    @Option(names = "--max-outbound", paramLabel = "N", description = "Outbound peers to keep (default: ${DEFAULT-VALUE}).")
    int maxOutbound = 8;

    @Option(names = "--max-inbound", paramLabel = "N", description = "Inbound peers to accept (default: ${DEFAULT-VALUE}).")
    int maxInbound = 64;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS",
            description = "Sync drops a peer that leaves a request unanswered this long (default: ${DEFAULT-VALUE}).")
    long stallTimeout = 10;

    @Option(names = "--ban-duration", paramLabel = "SECONDS", description = "How long a misbehaving peer is banned (default: ${DEFAULT-VALUE}).")
    long banDuration = 3600;

    @Option(names = "--io-threads", paramLabel = "N", description = "Network event-loop threads (default: ${DEFAULT-VALUE}).")
    int ioThreads = 2;

    @Option(names = "--http-host", paramLabel = "HOST", description = "Interface for the HTTP API (default: ${DEFAULT-VALUE}).")
    String httpHost = "127.0.0.1";

    @Option(names = "--http-port", paramLabel = "PORT", description = "Port of the HTTP API (default: ${DEFAULT-VALUE}).")
    int httpPort = 3001;

    @Option(names = "--http-threads", paramLabel = "N", description = "HTTP event-loop threads (default: ${DEFAULT-VALUE}).")
    int httpThreads = 2;

    @Option(names = "--advertised-url", paramLabel = "URL",
            description = "Our HTTP URL as told to peers and the frontend (default: http://localhost:<http-port>).")
    String advertisedUrl;

    @Option(names = "--mine", negatable = true, fallbackValue = "true",
            description = "Mine from the start; --no-mine to only relay (default: ${DEFAULT-VALUE}).")
    boolean mine = true;

    @Option(names = "--miner-threads", paramLabel = "N", description = "Hashing threads (default: ${DEFAULT-VALUE}).")
    int minerThreads = 1;

    @Option(names = "--miner-engine", paramLabel = "ENGINE",
            description = "SHA-256 for mining: ${COMPLETION-CANDIDATES}; auto takes native SHA-NI where the CPU has it (default: ${DEFAULT-VALUE}).")
    HashEngine minerEngine = HashEngine.AUTO;

    @Option(names = "--miner-pause", paramLabel = "SECONDS", description = "Wait after each new tip before mining on it (default: ${DEFAULT-VALUE}).")
    long minerPause = 0;

    @Option(names = "--miner-key", paramLabel = "HEX|FILE",
            description = "Private key whose address gets the rewards, as hex or a file holding it (default: a new key, printed at start).")
    String minerKey;

    @Option(names = "--faucet-key", paramLabel = "HEX|FILE",
            description = "Dev faucet key: enables the legacy frontend's purchases (default: none, purchases disabled).")
    String faucetKey;

    @Option(names = "--legacy-api", negatable = true, fallbackValue = "true",
            description = "Serve the legacy frontend routes (default: ${DEFAULT-VALUE}).")
    boolean legacyApi = true;

    @Option(names = "--admin", paramLabel = "MODE", description = "Who may use admin routes: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    AdminAccess.Mode admin = AdminAccess.Mode.LOOPBACK;

    @Option(names = "--admin-token", paramLabel = "TOKEN", description = "Token for --admin TOKEN (at least 16 characters).")
    String adminToken;

    @Option(names = "--verify-threads", paramLabel = "N",
            description = "Threads checking signatures before the chain thread applies them (default: one per core, ${DEFAULT-VALUE} here).")
    int verifyThreads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--mempool-max-txs", paramLabel = "N", description = "Most transactions in the mempool (default: ${DEFAULT-VALUE}).")
    int mempoolMaxTxs = MempoolLimits.DEFAULT.maxTransactions();

    @Option(names = "--mempool-max-mb", paramLabel = "MIB", description = "Most mempool memory, MiB (default: ${DEFAULT-VALUE}).")
    long mempoolMaxMb = MempoolLimits.DEFAULT.maxBytes() / (1024 * 1024);

    @Option(names = "--mempool-expiry-hours", paramLabel = "HOURS", description = "Drop transactions waiting longer (default: ${DEFAULT-VALUE}).")
    long mempoolExpiryHours = MempoolLimits.DEFAULT.expiry().toHours();

    @Option(names = "--log-level", paramLabel = "LEVEL", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    LogLevel logLevel = LogLevel.INFO;

    private final PrintWriter out;

    Pycotrd(PrintWriter out) {
        this.out = out;
    }

    /** Turns the options into a validated configuration; throws IllegalArgumentException with a clear message. */
    NodeConfig config() {
        ChainParams params = GenesisFile.load(genesis);
        List<PeerAddress> peers = bootstrap.stream().filter(s -> !s.isBlank()).map(PeerAddress::parse).toList();
        String url = advertisedUrl != null && !advertisedUrl.isBlank() ? advertisedUrl : "http://localhost:" + httpPort;
        if (!url.matches("https?://[^\\s/]+(:[0-9]{1,5})?")) {
            throw new IllegalArgumentException("--advertised-url must look like http://host:port, got '" + url + "'");
        }
        requireNonNegative(minerPause, "--miner-pause");
        requirePositive(stallTimeout, "--stall-timeout");
        requirePositive(banDuration, "--ban-duration");
        requirePositive(mempoolMaxMb, "--mempool-max-mb");
        requirePositive(mempoolExpiryHours, "--mempool-expiry-hours");
        PrivateKey rewardKey = minerKey == null || minerKey.isBlank() ? null : KeyFiles.read(minerKey, "--miner-key");
        if (rewardKey == null) {
            rewardKey = PrivateKey.generate();
            if (mine) {
                out.println("No --miner-key given: rewards go to a key made for this run.");
                out.println("  address:     " + rewardKey.address().toHex());
                out.println("  private key: " + rewardKey.toHex() + "  (keep it to spend the rewards)");
                out.flush();
            }
        }
        NetworkSettings d = NetworkSettings.defaults(p2pHost, p2pPort, peers, url);
        NetworkSettings network = new NetworkSettings(p2pHost, p2pPort, peers, url, maxOutbound, maxInbound,
                d.handshakeTimeout(), d.pingInterval(), d.idleTimeout(), Duration.ofSeconds(stallTimeout),
                Duration.ofSeconds(banDuration), ioThreads, ProtocolVersion.CURRENT, ProtocolVersion.MIN_SUPPORTED);
        return new NodeConfig(params, new MinerSettings(mine, minerThreads, rewardKey.address(), Duration.ofSeconds(minerPause), minerEngine),
                new MempoolLimits(mempoolMaxTxs, mempoolMaxMb * 1024 * 1024, Duration.ofHours(mempoolExpiryHours),
                        MempoolLimits.DEFAULT.maxNonceGap()),
                verifyThreads, network, httpHost, httpPort, httpThreads, url, new AdminAccess(admin, adminToken), legacyApi,
                faucetKey == null || faucetKey.isBlank() ? null : KeyFiles.read(faucetKey, "--faucet-key"));
    }

    private static void requireNonNegative(long v, String name) {
        if (v < 0) {
            throw new IllegalArgumentException(name + " cannot be negative, got " + v);
        }
    }

    private static void requirePositive(long v, String name) {
        if (v <= 0) {
            throw new IllegalArgumentException(name + " must be positive, got " + v);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        NodeConfig config = config();
        System.setProperty("pycotr.log.level", logLevel.name());
        Node node = new Node(config, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            node.close();
            stopped.countDown();
        }, "shutdown"));
        stopped.await();
        return 0;
    }

    /** A command line with env defaults and one-line errors, shared by main and the tests. */
    static CommandLine commandLine(Pycotrd command, Map<String, String> env, PrintWriter err) {
        CommandLine cli = new CommandLine(command).setDefaultValueProvider(new EnvDefaults(env)).setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler((e, args) -> {
            err.println("pycotrd: " + e.getMessage());
            err.println("Try 'pycotrd --help' for the options.");
            err.flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof IllegalArgumentException || e instanceof org.pycotr.protocol.params.InvalidGenesisException
                    || e instanceof io.netty.channel.ChannelException || e instanceof java.net.BindException) {
                err.println("pycotrd: " + e.getMessage());
                err.flush();
                return 1;
            }
            throw e;
        });
        return cli;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = commandLine(new Pycotrd(out), System.getenv(), err).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
