package org.pycotr.daemon.http;

import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.pycotr.daemon.chain.BlockNode;
import org.pycotr.daemon.node.ChainService;
import org.pycotr.daemon.node.ChainView;
import org.pycotr.daemon.p2p.Ids;
import org.pycotr.daemon.p2p.P2pNetwork;
import org.pycotr.daemon.p2p.Peer;
import org.pycotr.protocol.block.Block;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.tx.Coinbase;
import org.pycotr.protocol.tx.Transaction;
import org.pycotr.protocol.tx.Transfer;

/**
 * The routes the original Pycotr web frontend calls (shared/LEGACY_API.md), byte-compatible:
 * same paths, envelope, field names and JSON types. Where the original was wrong we do better:
 * rejected transactions are 4xx with a clear error, private keys never appear in answers, and
 * "buying" coins pays from the dev faucet instead of minting.
 */
public final class LegacyApi {
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS");
    private static final String NO_SENDER = "0".repeat(64);
    private static final List<String> CARD_FIELDS = List.of("credit_card_cc_number", "credit_card_cc_date",
            "credit_card_cc_pict", "credit_card_cc_name");

    public static final Router.ErrorStyle ERRORS = (status, code, message) ->
            HttpReply.json(status, Json.object().put("status", "error").put("error", message));

    private final ChainService chain;
    private final P2pNetwork net;
    private final ChainParams params;
    private final PrivateKey faucet;
    private final PeerRegistry registry;
    private final String blockchainId;

    /** @param faucet the dev faucet's key, or {@code null} when purchases are disabled */
    public LegacyApi(ChainService chain, P2pNetwork net, ChainParams params, PrivateKey faucet, PeerRegistry registry) {
        this.chain = chain;
        this.net = net;
        this.params = params;
        this.faucet = faucet;
        this.registry = registry;
        this.blockchainId = Ids.fromHex(net.nodeId()).toString();
    }

    public void register(Router r) {
        r.add(GET, "/status", ERRORS, (req, p) -> chain.miningStatus().thenApply(m -> success("",
                Json.object().put("status", "started").put("mining", m.mining()).put("miner_pause", m.pause().toSeconds()))));
        r.add(GET, "/describe_network", ERRORS, (req, p) -> chain.miningStatus().thenApply(m -> {
            ObjectNode result = Json.object().put("url", registry.ownUrl());
            ArrayNode others = result.putArray("other_nodes");
            otherNodes().forEach(others::add);
            result.put("pause", m.pause().toSeconds());
            return success("", result);
        }));
        r.add(GET, "/blockchain_id", ERRORS, (req, p) -> done(success("", Json.MAPPER.valueToTree(blockchainId))));
        r.add(GET, "/create_key", ERRORS, (req, p) -> {
            PrivateKey key = PrivateKey.generate();
            return done(success("", Json.object().put("private", key.toHex()).put("public", key.address().toHex())));
        });
        r.add(GET, "/get_wallets", ERRORS, (req, p) -> chain.read(v -> {
            ArrayNode wallets = Json.MAPPER.createArrayNode();
            v.recipients().forEach(a -> wallets.add(a.toHex()));
            return success("", wallets);
        }));
        r.add(GET, "/balance_for", ERRORS, (req, p) -> {
            Address wallet = Json.address(Json.body(req), "wallet");
            return chain.read(v -> success("", Json.MAPPER.valueToTree(v.account(wallet).balance())));
        });
        r.add(POST, "/add_to_pending_transactions", ERRORS, (req, p) -> addTransaction(Json.body(req)));
        r.add(GET, "/describe_blockchain", ERRORS, (req, p) -> chain.read(v -> success("", describe(v, true))));
        r.add(GET, "/get_blockchain", ERRORS, (req, p) -> chain.read(v -> success("",
                Json.MAPPER.valueToTree(new String(Json.bytes(describe(v, false)), java.nio.charset.StandardCharsets.UTF_8)))));
        r.add(POST, "/register-and-broadcast-nodes", ERRORS, (req, p) -> {
            String url = nodeUrl(Json.body(req), "nodeUrl");
            return registry.registerAndBroadcast(url).thenApply(v -> success("Node added and broadcast: " + url, null));
        });
        r.add(POST, "/register-node", ERRORS, (req, p) -> {
            String url = nodeUrl(Json.body(req), "nodeUrl");
            registry.register(url);
            return done(success("Node registered: " + url, null));
        });
        r.add(POST, "/register-all-nodes", ERRORS, (req, p) -> {
            JsonNode list = Json.required(Json.body(req), "network_nodes");
            if (!list.isArray()) {
                throw ApiException.badRequest("'network_nodes' must be an array of URLs");
            }
            List<String> urls = new ArrayList<>();
            for (JsonNode u : list) {
                urls.add(checkUrl(u.isTextual() ? u.asText() : String.valueOf(u), "network_nodes"));
            }
            urls.forEach(registry::register);
            return done(success("All nodes registered", null));
        });
        r.add(POST, "/update_miner_pause", ERRORS, (req, p) -> {
            long pause = Json.nonNegative(Json.body(req), "pause");
            return chain.setMinerPause(Duration.ofSeconds(pause)).thenApply(v -> success("Miner pause updated with: " + pause, null));
        });
        r.add(GET, "/get_miner_pause", ERRORS, (req, p) -> chain.miningStatus()
                .thenApply(m -> success("", Json.MAPPER.valueToTree(m.pause().toSeconds()))));
        r.add(GET, "/is_mining", ERRORS, (req, p) -> chain.miningStatus()
                .thenApply(m -> success("", Json.MAPPER.valueToTree(m.mining()))));
        r.add(POST, "/start_mining", ERRORS, (req, p) -> chain.startMining().thenApply(v -> success("Mining started", null)));
        r.add(POST, "/stop_mining", ERRORS, (req, p) -> chain.stopMining().thenApply(v -> success("Mining stopped", null)));
    }

    private static CompletableFuture<HttpReply> done(HttpReply reply) {
        return CompletableFuture.completedFuture(reply);
    }

    private static HttpReply success(String message, JsonNode result) {
        ObjectNode body = Json.object().put("status", "success").put("message", message);
        body.set("result", result);
        return HttpReply.json(200, body);
    }

    /** Registered URLs in order, then URLs of connected peers not already listed. */
    private List<String> otherNodes() {
        List<String> out = new ArrayList<>(registry.registered());
        for (Peer peer : net.peers()) {
            String url = peer.info().httpUrl();
            if (!url.isEmpty() && !out.contains(url) && !url.equals(registry.ownUrl())) {
                out.add(url);
            }
        }
        return out;
    }

    private static String nodeUrl(JsonNode body, String field) {
        return checkUrl(Json.text(body, field), field);
    }

    private static String checkUrl(String url, String field) {
        if (!url.matches("https?://[^\\s/]+(:[0-9]{1,5})?/?")) {
            throw ApiException.badRequest("'" + field + "' must be a node URL like http://host:3001, got '" + url + "'");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private CompletableFuture<HttpReply> addTransaction(JsonNode body) {
        JsonNode card = body.get("is_credit_card");
        if (card != null && !card.isBoolean() && !card.isNull()) {
            throw ApiException.badRequest("'is_credit_card' must be true or false");
        }
        Address from = Json.address(body, "from_address");
        Address to = Json.address(body, "to_address");
        long amount = Json.positive(body, "amount");
        if (card != null && card.asBoolean()) {
            return purchase(body, from, to, amount);
        }
        PrivateKey key;
        try {
            key = PrivateKey.fromHex(Json.text(body, "from_private_key"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'from_private_key': " + e.getMessage());
        }
        if (!key.address().equals(from)) {
            throw ApiException.badRequest("from_private_key does not belong to from_address");
        }
        if (from.equals(to)) {
            throw ApiException.badRequest("from_address and to_address must differ");
        }
        return chain.signAndSubmit(key, to, amount, 0, "", "legacy").thenApply(t -> transactionResult(t, amount));
    }

    /** The frontend's "buy with a credit card": paid from the dev faucet, never minted. */
    private CompletableFuture<HttpReply> purchase(JsonNode body, Address from, Address to, long amount) {
        if (!from.equals(to)) {
            throw ApiException.badRequest("a purchase must have from_address equal to to_address");
        }
        for (String field : CARD_FIELDS) {
            Json.text(body, field);
        }
        String date = Json.text(body, "credit_card_cc_date");
        try {
            LocalDate.parse(date.length() > 10 ? date.substring(0, 10) : date);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'credit_card_cc_date' must be an ISO date like 2027-01-31, got '" + date + "'");
        }
        if (faucet == null) {
            throw new ApiException(403, "purchases_disabled", "purchases are disabled: this node was started without a faucet key");
        }
        return chain.signAndSubmit(faucet, to, amount, 0, "purchase", "legacy").thenApply(t -> transactionResult(t, amount));
    }

    private static HttpReply transactionResult(Transfer t, long amount) {
        return success("Transaction added to the pending pool",
                Json.object().put("transaction_id", t.txid().toHex()).put("amount", amount));
    }

    private ObjectNode describe(ChainView v, boolean withDifficulty) {
        ObjectNode out = Json.object();
        ArrayNode blocks = out.putArray("chain");
        for (long h = 0; h <= v.height(); h++) {
            blocks.add(block(v.atHeight(h).orElseThrow()));
        }
        ArrayNode pool = out.putArray("pool_transactions");
        v.pendingTransactions().forEach(t -> pool.add(transaction(t)));
        if (withDifficulty) {
            out.put("difficulty", v.tip().header().target().difficulty(params.powLimit()));
            out.put("mining_reward_amount", params.blockReward());
        } else {
            out.put("reward_amount", params.blockReward());
        }
        out.put("id", blockchainId);
        out.put("source_blockchain_id", sourceOf(v.tip()));
        return out;
    }

    private String sourceOf(BlockNode tip) {
        return net.nodeIdOfPeer(tip.source()).map(id -> Ids.fromHex(id).toString()).orElse(blockchainId);
    }

    private static ObjectNode block(BlockNode node) {
        ObjectNode b = Json.object().put("nonce", node.header().nonce())
                .put("timestamp", LocalDateTime.ofInstant(Instant.ofEpochMilli(node.header().timestamp()), ZoneOffset.UTC)
                        .format(TIMESTAMP))
                .put("previous_hash", node.header().previousHash().toHex())
                .put("hash", node.hash().toHex());
        ArrayNode txs = b.putArray("transactions");
        Block body = node.block();
        if (body != null) {
            body.transactions().forEach(t -> txs.add(transaction(t)));
        }
        return b;
    }

    private static ObjectNode transaction(Transaction t) {
        ObjectNode o = Json.object().put("uuid", t.txid().toHex()).put("amount", t.amount());
        if (t instanceof Transfer x) {
            o.put("attached_fee", x.fee()).put("from_address", x.from().toHex()).put("to_address", x.to().toHex())
                    .put("signature", x.signature().toHex());
        } else {
            Coinbase c = (Coinbase) t;
            o.put("attached_fee", 0).put("from_address", NO_SENDER).put("to_address", c.to().toHex()).put("signature", "");
        }
        return o;
    }
}
