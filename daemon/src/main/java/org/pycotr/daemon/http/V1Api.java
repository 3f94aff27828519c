package org.pycotr.daemon.http;

import static io.netty.handler.codec.http.HttpMethod.GET;
import static io.netty.handler.codec.http.HttpMethod.POST;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.pycotr.daemon.chain.BlockNode;
import org.pycotr.daemon.node.ChainService;
import org.pycotr.daemon.p2p.Ids;
import org.pycotr.daemon.p2p.P2pNetwork;
import org.pycotr.daemon.p2p.Peer;
import org.pycotr.daemon.p2p.PeerAddress;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.crypto.Signature;
import org.pycotr.protocol.params.ChainParams;
import org.pycotr.protocol.rules.RuleViolation;
import org.pycotr.protocol.tx.Transfer;
import org.pycotr.protocol.wire.ProtocolVersion;

/**
 * The /v1 API: chain, blocks, transactions, accounts, mempool and peers, client-signed
 * transactions in, and admin routes for mining and peers. Errors are
 * {@code {"error": {"code": ..., "message": ...}}}.
 */
public final class V1Api {
    /** Transactions accepted in one batch request. */
    static final int MAX_BATCH = 1000;
    /** Mempool entries listed by default. */
    static final int DEFAULT_MEMPOOL_LIMIT = 1000;

    public static final Router.ErrorStyle ERRORS = (status, code, message) -> {
        ObjectNode body = Json.object();
        body.putObject("error").put("code", code).put("message", message);
        return HttpReply.json(status, body);
    };

    private final ChainService chain;
    private final P2pNetwork net;
    private final ChainParams params;
    private final AdminAccess admin;
    private final String advertisedUrl;
    private final String p2pHost;

    public V1Api(ChainService chain, P2pNetwork net, ChainParams params, AdminAccess admin, String advertisedUrl,
            String p2pHost) {
        this.chain = chain;
        this.net = net;
        this.params = params;
        this.admin = admin;
        this.advertisedUrl = advertisedUrl;
        this.p2pHost = p2pHost;
    }

    public void register(Router r) {
        r.add(GET, "/v1/status", ERRORS, (req, p) -> status());
        r.add(GET, "/v1/chain", ERRORS, (req, p) -> chainInfo());
        r.add(GET, "/v1/blocks/{id}", ERRORS, (req, p) -> block(p.get("id")));
        r.add(GET, "/v1/transactions/{txid}", ERRORS, (req, p) -> transaction(p.get("txid")));
        r.add(POST, "/v1/transactions", ERRORS, (req, p) -> submit(Json.body(req)));
        r.add(POST, "/v1/transactions/batch", ERRORS, (req, p) -> submitBatch(Json.body(req)));
        r.add(GET, "/v1/accounts/{address}", ERRORS, (req, p) -> account(p.get("address")));
        r.add(GET, "/v1/mempool", ERRORS, (req, p) -> mempool(req));
        r.add(GET, "/v1/peers", ERRORS, (req, p) -> peers());
        r.add(POST, "/v1/admin/mining/start", ERRORS, (req, p) -> adminOnly(req, () -> chain.startMining().thenApply(v -> ok("mining", true))));
        r.add(POST, "/v1/admin/mining/stop", ERRORS, (req, p) -> adminOnly(req, () -> chain.stopMining().thenApply(v -> ok("mining", false))));
        r.add(POST, "/v1/admin/mining/pause", ERRORS, (req, p) -> adminOnly(req, () -> {
            long seconds = Json.nonNegative(Json.body(req), "seconds");
            return chain.setMinerPause(Duration.ofSeconds(seconds)).thenApply(v -> ok("pauseSeconds", seconds));
        }));
        r.add(POST, "/v1/admin/peers", ERRORS, (req, p) -> adminOnly(req, () -> {
            PeerAddress a = PeerAddress.parse(Json.text(Json.body(req), "address"));
            net.addPeer(a);
            return CompletableFuture.completedFuture(HttpReply.json(202, Json.object().put("dialling", a.toString())));
        }));
    }

    private CompletableFuture<HttpReply> adminOnly(HttpRequest req, java.util.function.Supplier<CompletableFuture<HttpReply>> action) {
        admin.check(req);
        return action.get();
    }

    private static HttpReply ok(String field, Object value) {
        ObjectNode body = Json.object();
        body.putPOJO(field, value);
        return HttpReply.json(200, body);
    }

    record Status(String network, String genesis, int protocolVersion, String userAgent, String nodeId, long height,
            String tip, int peers, int mempool, Mining mining, P2p p2p, String httpUrl) {}

    record Mining(boolean enabled, int threads, String engine, long pauseSeconds, long hashes) {}

    record P2p(String host, int port) {}

    private record Tip(long height, String hash, int mempool) {}

    private CompletableFuture<HttpReply> status() {
        CompletableFuture<Tip> tip = chain.read(v -> new Tip(v.height(), v.tip().hash().toHex(), v.mempoolSize()));
        return chain.miningStatus().thenCombine(tip, (m, t) -> HttpReply.json(200, new Status(params.network(),
                params.networkId().toHex(), ProtocolVersion.CURRENT, "pycotrd/0.1.0", Ids.fromHex(net.nodeId()).toString(),
                t.height(), t.hash(), net.peers().size(), t.mempool(),
                new Mining(m.mining(), m.threads(), m.engine().name().toLowerCase(Locale.ROOT), m.pause().toSeconds(), m.hashes()), new P2p(p2pHost, net.port()),
                advertisedUrl)));
    }

    record ChainInfo(String network, String genesis, long height, String tip, String chainWork, String target,
            double difficulty, long blockReward, long targetBlockTimeMs, int maxBlockBytes, long totalSupply) {}

    private CompletableFuture<HttpReply> chainInfo() {
        return chain.read(v -> HttpReply.json(200, new ChainInfo(params.network(), params.networkId().toHex(), v.height(),
                v.tip().hash().toHex(), v.tip().chainWork().toString(), v.tip().header().target().toHex(),
                v.tip().header().target().difficulty(params.powLimit()), params.blockReward(), params.targetBlockTimeMs(), params.maxBlockBytes(),
                v.totalBalance())));
    }

    private CompletableFuture<HttpReply> block(String id) {
        return chain.read(v -> {
            Optional<BlockNode> node;
            if (id.matches("[0-9]{1,18}")) {
                node = v.atHeight(Long.parseLong(id));
            } else if (id.matches("[0-9a-fA-F]{64}")) {
                node = v.byHash(Hash.fromHex(id.toLowerCase()));
            } else {
                throw ApiException.badRequest("block id must be a height or a 64-hex-character hash, got '" + id + "'");
            }
            BlockNode n = node.orElseThrow(() -> ApiException.notFound("no block " + id));
            boolean main = v.onMainChain(n);
            return HttpReply.json(200, Views.block(n, main ? v.confirmations(n.height()) : 0, main));
        });
    }

    record TxStatus(String txid, String status, String block, Long height, Integer position, Long confirmations,
            Views.TxView transaction) {}

    private CompletableFuture<HttpReply> transaction(String id) {
        Hash txid = parseHash(id, "transaction id");
        return chain.read(v -> {
            Optional<Transfer> pending = v.pendingTransaction(txid);
            if (pending.isPresent()) {
                return HttpReply.json(200, new TxStatus(txid.toHex(), "pending", null, null, null, 0L, Views.tx(pending.get())));
            }
            return v.findTransaction(txid).map(loc -> {
                BlockNode n = v.byHash(loc.blockHash()).orElseThrow();
                return HttpReply.json(200, new TxStatus(txid.toHex(), "confirmed", loc.blockHash().toHex(), loc.height(),
                        loc.position(), v.confirmations(loc.height()),
                        Views.tx(n.block().transactions().get(loc.position()))));
            }).orElseThrow(() -> ApiException.notFound("unknown transaction " + txid.toHex()));
        });
    }

    static Hash parseHash(String hex, String what) {
        try {
            return Hash.fromHex(hex.toLowerCase());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(what + ": " + e.getMessage());
        }
    }

    /** A client-signed transfer from JSON; the network defaults to ours. */
    Transfer parseTransfer(JsonNode body) {
        Hash network = body.hasNonNull("network") ? parseHash(Json.text(body, "network"), "network") : params.networkId();
        Signature signature;
        try {
            signature = Signature.fromHex(Json.text(body, "signature"));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'signature': " + e.getMessage());
        }
        try {
            return Transfer.of(network, Json.address(body, "from"), Json.address(body, "to"), Json.positive(body, "amount"),
                    Json.optionalNonNegative(body, "fee", 0), Json.nonNegative(body, "nonce"),
                    Json.optionalText(body, "memo", ""), signature);
        } catch (RuleViolation v) {
            throw new ApiException(400, v.reason().code(), v.getMessage());
        }
    }

    private CompletableFuture<HttpReply> submit(JsonNode body) {
        Transfer tx = parseTransfer(body);
        return chain.submitTransaction(tx, "http").thenApply(t -> HttpReply.json(202,
                Json.object().put("txid", t.txid().toHex()).put("status", "pending")));
    }

    private CompletableFuture<HttpReply> submitBatch(JsonNode body) {
        JsonNode list = Json.required(body, "transactions");
        if (!list.isArray()) {
            throw ApiException.badRequest("'transactions' must be an array");
        }
        if (list.size() > MAX_BATCH) {
            throw ApiException.badRequest("at most " + MAX_BATCH + " transactions per batch, got " + list.size());
        }
        ObjectNode[] results = new ObjectNode[list.size()];
        List<Transfer> valid = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            try {
                valid.add(parseTransfer(list.get(i)));
                positions.add(i);
            } catch (ApiException e) {
                results[i] = rejected(i, e.code(), e.getMessage());
            }
        }
        return chain.submitTransactions(valid, "http").thenApply(outcomes -> {
            for (int k = 0; k < outcomes.size(); k++) {
                int index = positions.get(k);
                results[index] = outcomes.get(k) instanceof Transfer t
                        ? Json.object().put("index", index).put("txid", t.txid().toHex()).put("status", "pending")
                        : rejected(index, ((RuleViolation) outcomes.get(k)).reason().code(), ((RuleViolation) outcomes.get(k)).getMessage());
            }
            ObjectNode out = Json.object();
            ArrayNode items = out.putArray("results");
            int accepted = 0;
            for (ObjectNode r : results) {
                accepted += r.has("txid") ? 1 : 0;
                items.add(r);
            }
            out.put("accepted", accepted).put("rejected", results.length - accepted);
            return HttpReply.json(200, out);
        });
    }

    private static ObjectNode rejected(int index, String code, String message) {
        ObjectNode r = Json.object().put("index", index).put("status", "rejected");
        r.putObject("error").put("code", code).put("message", message);
        return r;
    }

    record AccountView(String address, long balance, long nonce, long nextNonce, long pendingSpend) {}

    private CompletableFuture<HttpReply> account(String hex) {
        Address address;
        try {
            address = Address.fromHex(hex);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        return chain.read(v -> HttpReply.json(200, new AccountView(address.toHex(), v.account(address).balance(),
                v.account(address).nonce(), v.nextNonce(address), v.pendingCost(address))));
    }

    private CompletableFuture<HttpReply> mempool(HttpRequest req) {
        String limitParam = req.queryParam("limit");
        int limit = DEFAULT_MEMPOOL_LIMIT;
        if (limitParam != null) {
            if (!limitParam.matches("[0-9]{1,6}")) {
                throw ApiException.badRequest("limit must be a whole number");
            }
            limit = Integer.parseInt(limitParam);
        }
        int max = limit;
        return chain.read(v -> {
            ObjectNode out = Json.object().put("count", v.mempoolSize()).put("bytes", v.mempoolBytes());
            ArrayNode txs = out.putArray("transactions");
            v.pendingTransactions().stream().limit(max).forEach(t -> txs.addPOJO(Views.tx(t)));
            return HttpReply.json(200, out);
        });
    }

    record PeerView(String name, String nodeId, String direction, String userAgent, int version, long height, int score,
            String httpUrl) {}

    record DisconnectView(String peer, String reason, String detail, boolean byUs, long atMs) {}

    private CompletableFuture<HttpReply> peers() {
        List<PeerView> peers = new ArrayList<>();
        for (Peer p : net.peers()) {
            peers.add(new PeerView(p.name(), Ids.fromHex(p.info().nodeId()).toString(), p.isInbound() ? "inbound" : "outbound",
                    p.info().userAgent(), p.info().version(), p.bestHeight(), p.score(), p.info().httpUrl()));
        }
        List<DisconnectView> recent = net.recentDisconnects().stream()
                .map(d -> new DisconnectView(d.peer(), d.reason().name(), d.detail(), d.byUs(), d.atMs())).toList();
        ObjectNode out = Json.object();
        out.putPOJO("peers", peers);
        out.putPOJO("recentDisconnects", recent);
        return CompletableFuture.completedFuture(HttpReply.json(200, out));
    }
}
