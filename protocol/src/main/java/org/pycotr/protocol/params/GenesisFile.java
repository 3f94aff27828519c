package org.pycotr.protocol.params;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.pow.CompactTarget;
import org.pycotr.protocol.rules.RuleViolation;

/**
 * Reads and writes {@code genesis.json}. Every defect is reported as an
 * {@link InvalidGenesisException} naming the file and the field, because a node that starts on the
 * wrong network parameters is worse than one that does not start.
 */
public final class GenesisFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GenesisFile() {}

    public static ChainParams load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new InvalidGenesisException(file + ": file not found");
        } catch (IOException e) {
            throw new InvalidGenesisException(file + ": cannot read: " + e.getMessage());
        }
        try {
            return parse(text);
        } catch (InvalidGenesisException e) {
            throw new InvalidGenesisException(file + ": " + e.getMessage());
        }
    }

    public static ChainParams parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidGenesisException("not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new InvalidGenesisException("expected a JSON object");
        }
        try {
            List<Allocation> allocations = new ArrayList<>();
            JsonNode list = field(root, "allocations");
            if (!list.isArray()) {
                throw new InvalidGenesisException("'allocations' must be an array");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode a = list.get(i);
                String where = "allocations[" + i + "]";
                if (!a.isObject()) {
                    throw new InvalidGenesisException(where + " must be an object");
                }
                try {
                    allocations.add(new Allocation(Address.fromHex(text(a, "address", where)),
                            positiveLong(a, "amount", where), a.path("label").asText("")));
                } catch (IllegalArgumentException e) {
                    throw new InvalidGenesisException(where + ": " + e.getMessage());
                }
            }
            return new ChainParams(text(root, "network", ""), (int) intField(root, "protocolVersion"),
                    positiveLong(root, "timestamp", ""), target(root, "initialTarget"), target(root, "powLimit"),
                    positiveLong(root, "targetBlockTimeMs", ""), nonNegativeLong(root, "blockReward"),
                    (int) intField(root, "maxBlockBytes"), allocations);
        } catch (InvalidGenesisException e) {
            throw e;
        } catch (IllegalArgumentException | RuleViolation e) {
            throw new InvalidGenesisException(e.getMessage());
        }
    }

    public static String toJson(ChainParams p) {
        ObjectNode root = JSON.createObjectNode();
        root.put("network", p.network());
        root.put("protocolVersion", p.protocolVersion());
        root.put("timestamp", p.genesisTimestamp());
        root.put("initialTarget", p.initialTarget().toHex());
        root.put("powLimit", p.powLimit().toHex());
        root.put("targetBlockTimeMs", p.targetBlockTimeMs());
        root.put("blockReward", p.blockReward());
        root.put("maxBlockBytes", p.maxBlockBytes());
        ArrayNode list = root.putArray("allocations");
        for (Allocation a : p.allocations()) {
            list.addObject().put("address", a.address().toHex()).put("amount", a.amount()).put("label", a.label());
        }
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode field(JsonNode node, String name) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            throw new InvalidGenesisException("missing field '" + name + "'");
        }
        return v;
    }

    private static String text(JsonNode node, String name, String where) {
        JsonNode v = field(node, name);
        if (!v.isTextual()) {
            throw new InvalidGenesisException(prefix(where) + "'" + name + "' must be a string");
        }
        return v.asText();
    }

    private static long intField(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isInt()) {
            throw new InvalidGenesisException("'" + name + "' must be a 32-bit integer");
        }
        return v.asInt();
    }

    private static long nonNegativeLong(JsonNode node, String name) {
        JsonNode v = field(node, name);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
            throw new InvalidGenesisException("'" + name + "' must be a non-negative 64-bit integer");
        }
        return v.asLong();
    }

    private static long positiveLong(JsonNode node, String name, String where) {
        JsonNode v = field(node, name);
        if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() <= 0) {
            throw new InvalidGenesisException(prefix(where) + "'" + name + "' must be a positive 64-bit integer");
        }
        return v.asLong();
    }

    private static CompactTarget target(JsonNode node, String name) {
        String hex = text(node, name, "");
        if (hex.length() != 8) {
            throw new InvalidGenesisException("'" + name + "' must be a compact target of 8 hex digits");
        }
        try {
            return CompactTarget.fromHex(hex);
        } catch (IllegalArgumentException | RuleViolation e) {
            throw new InvalidGenesisException("'" + name + "': " + e.getMessage());
        }
    }

    private static String prefix(String where) {
        return where.isEmpty() ? "" : where + ": ";
    }
}
