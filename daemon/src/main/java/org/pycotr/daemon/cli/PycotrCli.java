package org.pycotr.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pycotr.daemon.EnvDefaults;
import org.pycotr.daemon.KeyFiles;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.tx.Transfer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pycotr}: the client. Keys are made and used locally; transactions are signed here and
 * only the signed transaction goes to the node.
 */
@Command(name = "pycotr", mixinStandardHelpOptions = true, version = "pycotr 0.1.0",
        description = "Pycotr client: keys, balances, payments, transactions, chain and peers.",
        subcommands = {PycotrCli.Keygen.class, PycotrCli.AddressCmd.class, PycotrCli.Balance.class, PycotrCli.Send.class,
                PycotrCli.Tx.class, PycotrCli.Chain.class, PycotrCli.Peers.class})
public final class PycotrCli implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Options every subcommand shares. */
    static final class Common {
        @Option(names = "--node", paramLabel = "URL", description = "Node HTTP URL (default: ${DEFAULT-VALUE}).")
        String node = "http://localhost:3001";

        @Option(names = "--json", description = "Print JSON for scripts.")
        boolean json;

        NodeClient client() {
            return new NodeClient(node);
        }
    }

    abstract static class Sub implements Callable<Integer> {
        @Mixin
        Common common;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        PrintWriter out() {
            return spec.commandLine().getOut();
        }

        void print(JsonNode json, String text) {
            out().println(common.json ? json.toPrettyString() : text);
            out().flush();
        }
    }

    @Command(name = "keygen", description = "Make a new key pair; prints the address and the private key.")
    static final class Keygen extends Sub {
        @Option(names = "--out", paramLabel = "FILE", description = "Also write the private key to FILE (mode 600).")
        Path file;

        @Override
        public Integer call() throws IOException {
            PrivateKey key = PrivateKey.generate();
            if (file != null) {
                Files.writeString(file, key.toHex() + "\n");
                try {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the file keeps its default permissions
                }
            }
            ObjectNode json = NodeClient.json().createObjectNode().put("address", key.address().toHex())
                    .put("privateKey", key.toHex());
            print(json, "address:     " + key.address().toHex() + "\nprivate key: " + key.toHex()
                    + (file == null ? "" : "\nsaved to:    " + file));
            return 0;
        }
    }

    @Command(name = "address", description = "Print the address of a private key.")
    static final class AddressCmd extends Sub {
        @Option(names = "--key", required = true, paramLabel = "HEX|FILE", description = "Private key, or a file holding it.")
        String key;

        @Override
        public Integer call() {
            Address a = Keys.read(key).address();
            print(NodeClient.json().createObjectNode().put("address", a.toHex()), a.toHex());
            return 0;
        }
    }

    @Command(name = "balance", description = "Balance and nonce of an address.")
    static final class Balance extends Sub {
        @Parameters(paramLabel = "ADDRESS")
        String address;

        @Override
        public Integer call() {
            JsonNode a = common.client().get("/v1/accounts/" + address);
            print(a, "balance: " + a.path("balance").asLong() + "\nnonce:   " + a.path("nonce").asLong()
                    + (a.path("pendingSpend").asLong() > 0 ? "\npending: -" + a.path("pendingSpend").asLong() : ""));
            return 0;
        }
    }

    @Command(name = "send", description = "Sign a payment locally and submit it; optionally wait for confirmations.")
    static final class Send extends Sub {
        @Option(names = "--key", required = true, paramLabel = "HEX|FILE", description = "Sender's private key, or a file holding it.")
        String key;

        @Option(names = "--to", required = true, paramLabel = "ADDRESS")
        String to;

        @Option(names = "--amount", required = true, paramLabel = "N")
        long amount;

        @Option(names = "--fee", paramLabel = "N", description = "Fee for the miner (default: ${DEFAULT-VALUE}).")
        long fee = 1;

        @Option(names = "--memo", paramLabel = "TEXT", description = "Up to 256 bytes of text.")
        String memo = "";

        @Option(names = "--wait", paramLabel = "N", description = "Wait for N confirmations (default: don't wait).")
        int confirmations;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up waiting after (default: ${DEFAULT-VALUE}).")
        long timeout = 120;

        @Override
        public Integer call() throws InterruptedException {
            PrivateKey sender = Keys.read(key);
            Address recipient;
            try {
                recipient = Address.fromHex(to);
            } catch (IllegalArgumentException e) {
                throw new CliException("--to: " + e.getMessage());
            }
            NodeClient node = common.client();
            Hash network = Hash.fromHex(node.get("/v1/status").path("genesis").asText());
            long nonce = node.get("/v1/accounts/" + sender.address().toHex()).path("nextNonce").asLong();
            Transfer tx;
            try {
                tx = Transfer.sign(sender, network, recipient, amount, fee, nonce, memo);
            } catch (RuntimeException e) {
                throw new CliException(e.getMessage());
            }
            ObjectNode body = NodeClient.json().createObjectNode().put("from", tx.from().toHex()).put("to", tx.to().toHex())
                    .put("amount", tx.amount()).put("fee", tx.fee()).put("nonce", tx.nonce()).put("memo", tx.memo())
                    .put("signature", tx.signature().toHex());
            JsonNode accepted = node.post("/v1/transactions", body);
            String txid = accepted.path("txid").asText();
            if (confirmations <= 0) {
                print(accepted, "sent " + amount + " to " + recipient.toHex() + " (fee " + fee + ", nonce " + nonce + ")\ntxid: " + txid);
                return 0;
            }
            if (!common.json) {
                out().println("sent, txid " + txid + "; waiting for " + confirmations + " confirmation(s)...");
                out().flush();
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(timeout).toNanos();
            while (System.nanoTime() < deadline) {
                JsonNode status = node.get("/v1/transactions/" + txid);
                if (status.path("confirmations").asLong() >= confirmations) {
                    print(status, "confirmed in block " + status.path("height").asLong() + " (" + status.path("block").asText()
                            + "), " + status.path("confirmations").asLong() + " confirmation(s)");
                    return 0;
                }
                Thread.sleep(500);
            }
            throw new CliException("not confirmed " + confirmations + " times within " + timeout + " s; still pending as " + txid);
        }
    }

    @Command(name = "tx", description = "Status of a transaction: pending, or confirmed with its block.")
    static final class Tx extends Sub {
        @Parameters(paramLabel = "TXID")
        String txid;

        @Override
        public Integer call() {
            JsonNode t = common.client().get("/v1/transactions/" + txid);
            JsonNode tx = t.path("transaction");
            String where = "confirmed".equals(t.path("status").asText())
                    ? "confirmed in block " + t.path("height").asLong() + ", " + t.path("confirmations").asLong() + " confirmation(s)"
                    : "pending";
            print(t, t.path("txid").asText() + ": " + where + "\n" + tx.path("amount").asLong() + " from "
                    + tx.path("from").asText("(coinbase)") + " to " + tx.path("to").asText() + ", fee " + tx.path("fee").asLong());
            return 0;
        }
    }

    @Command(name = "chain", description = "Height, tip and difficulty of the node's best chain.")
    static final class Chain extends Sub {
        @Override
        public Integer call() {
            JsonNode c = common.client().get("/v1/chain");
            print(c, "network: " + c.path("network").asText() + "\nheight:  " + c.path("height").asLong() + "\ntip:     "
                    + c.path("tip").asText() + "\ndifficulty: " + c.path("difficulty").asDouble());
            return 0;
        }
    }

    @Command(name = "peers", description = "The node's connected peers with their misbehaviour scores.")
    static final class Peers extends Sub {
        @Override
        public Integer call() {
            JsonNode p = common.client().get("/v1/peers");
            StringBuilder text = new StringBuilder();
            for (JsonNode peer : p.path("peers")) {
                text.append(String.format("%-22s %-8s height %-6d score %-3d %s%n", peer.path("name").asText(),
                        peer.path("direction").asText(), peer.path("height").asLong(), peer.path("score").asInt(),
                        peer.path("httpUrl").asText()));
            }
            print(p, text.length() == 0 ? "no peers" : text.toString().stripTrailing());
            return 0;
        }
    }

    /** Reads keys given as hex or as a file. */
    static final class Keys {
        static PrivateKey read(String value) {
            try {
                return KeyFiles.read(value, "--key");
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
        }
    }

    static CommandLine commandLine(Map<String, String> env, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new PycotrCli()).setDefaultValueProvider(new EnvDefaults(env)).setOut(out).setErr(err);
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof CliException ce) {
                err.println("pycotr: " + ce.getMessage());
                err.flush();
                return 1;
            }
            throw e;
        });
        cli.setParameterExceptionHandler((e, args) -> {
            err.println("pycotr: " + e.getMessage());
            err.println("Try 'pycotr --help'.");
            err.flush();
            return 2;
        });
        return cli;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true))
                .execute(args));
    }
}
