package org.pycotr.protocol.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pycotr.protocol.block.BlockHeader;
import org.pycotr.protocol.block.MerkleTree;
import org.pycotr.protocol.crypto.Address;
import org.pycotr.protocol.crypto.Hash;
import org.pycotr.protocol.crypto.PrivateKey;
import org.pycotr.protocol.crypto.Sha256;
import org.pycotr.protocol.pow.CompactTarget;
import org.pycotr.protocol.tx.Coinbase;
import org.pycotr.protocol.tx.Transfer;

/** Every canonical encoding against the committed golden-vectors.json: any change fails loudly. */
class GoldenVectorsTest {
    private static JsonNode vectors;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = GoldenVectorsTest.class.getResourceAsStream("/golden-vectors.json")) {
            vectors = new ObjectMapper().readTree(in);
        }
    }

    @Test
    void transferSigningBytesTxidAndSignature() {
        JsonNode v = vectors.get("transfer");
        PrivateKey key = PrivateKey.fromHex(v.get("privateKey").asText());
        Transfer t = Transfer.sign(key, Hash.fromHex(v.get("network").asText()), Address.fromHex(v.get("to").asText()),
                v.get("amount").asLong(), v.get("fee").asLong(), v.get("nonce").asLong(), v.get("memo").asText());

        assertEquals(v.get("from").asText(), t.from().toHex());
        assertEquals(v.get("signingBytes").asText(), Hex.encode(t.signingBytes()));
        assertEquals(v.get("txid").asText(), t.txid().toHex());
        assertEquals(v.get("signature").asText(), t.signature().toHex());
        assertEquals(v.get("signingBytes").asText() + v.get("signature").asText(), Hex.encode(t.encoded()));
        assertTrue(t.hasValidSignature());
    }

    @Test
    void transferDecodesFromGoldenBytes() {
        JsonNode v = vectors.get("transfer");
        Transfer t = ChainCodec.decodeTransfer(Hex.decode(v.get("signingBytes").asText() + v.get("signature").asText(), "tx"));
        assertEquals(v.get("txid").asText(), t.txid().toHex());
        assertEquals(v.get("memo").asText(), t.memo());
        assertTrue(t.hasValidSignature());
    }

    @Test
    void coinbaseEncodingAndTxid() {
        JsonNode v = vectors.get("coinbase");
        Coinbase c = Coinbase.create(Hash.fromHex(v.get("network").asText()), Address.fromHex(v.get("to").asText()),
                v.get("amount").asLong(), v.get("height").asLong());
        assertEquals(v.get("encoded").asText(), Hex.encode(c.encoded()));
        assertEquals(v.get("txid").asText(), c.txid().toHex());
    }

    @Test
    void headerBytesAndBlockHash() {
        JsonNode v = vectors.get("header");
        BlockHeader h = new BlockHeader(v.get("version").asInt(), v.get("height").asLong(),
                Hash.fromHex(v.get("previousHash").asText()), Hash.fromHex(v.get("merkleRoot").asText()),
                v.get("timestamp").asLong(), CompactTarget.fromHex(v.get("target").asText()), v.get("nonce").asLong());
        assertEquals(v.get("encoded").asText(), Hex.encode(h.encoded()));
        assertEquals(v.get("hash").asText(), h.hash().toHex());
        assertEquals(h, ChainCodec.decodeHeader(h.encoded()));
    }

    @Test
    void headerMerkleRootCommitsToCoinbaseThenTransfer() {
        JsonNode tx = vectors.get("transfer");
        JsonNode cb = vectors.get("coinbase");
        Hash root = MerkleTree.root(List.of(Hash.fromHex(cb.get("txid").asText()), Hash.fromHex(tx.get("txid").asText())));
        assertEquals(vectors.get("header").get("merkleRoot").asText(), root.toHex());
    }

    @Test
    void merkleRootsOverOddAndEvenLeafCounts() {
        for (JsonNode v : vectors.get("merkle")) {
            List<Hash> leaves = new ArrayList<>();
            for (int i = 0; i < v.get("leaves").asInt(); i++) {
                leaves.add(Sha256.hash(new byte[] {(byte) i}));
            }
            assertEquals(v.get("root").asText(), MerkleTree.root(leaves).toHex(), v.get("leaves") + " leaves");
        }
    }
}
