package org.pycotr.daemon.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import org.pycotr.protocol.crypto.Address;

/**
 * JSON in and out. Reading is strict where money is concerned: an amount is a JSON integer or a
 * string of digits, positive, at most 2^63-1; anything else (fractions, negatives, exponents,
 * overflow) is a 400 naming the field.
 */
public final class Json {
    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass(), e);
        }
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    /**
     * The body as a JSON object; an empty body is {@code {}}. POST bodies must be declared as
     * {@code application/json} (parameters such as charset allowed), else 415.
     */
    static ObjectNode body(HttpRequest req) {
        if (req.method().equals(io.netty.handler.codec.http.HttpMethod.POST)) {
            String type = req.headers().get("Content-Type");
            String base = type == null ? "" : type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
            if (!base.equals("application/json")) {
                throw new ApiException(415, "unsupported_media_type",
                        "POST bodies must be application/json, got " + (type == null ? "no Content-Type" : "'" + type + "'"));
            }
        }
        if (req.body().length == 0) {
            return object();
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(req.body());
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("body is not valid JSON");
        }
        if (node == null || node.isMissingNode()) {
            return object();
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    static JsonNode required(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            throw ApiException.badRequest("missing field '" + field + "'");
        }
        return v;
    }

    static String text(JsonNode body, String field) {
        JsonNode v = required(body, field);
        if (!v.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a string");
        }
        return v.asText();
    }

    static String optionalText(JsonNode body, String field, String fallback) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (!v.isTextual()) {
            throw ApiException.badRequest("'" + field + "' must be a string");
        }
        return v.asText();
    }

    /** A non-negative integer up to 2^63-1, as a JSON integer or a string of digits. */
    static long nonNegative(JsonNode body, String field) {
        JsonNode v = required(body, field);
        BigInteger value;
        if (v.isIntegralNumber()) {
            value = v.bigIntegerValue();
        } else if (v.isTextual() && v.asText().matches("[0-9]{1,30}")) {
            value = new BigInteger(v.asText());
        } else {
            throw ApiException.badRequest("'" + field + "' must be a whole number, got " + v);
        }
        if (value.signum() < 0 || value.bitLength() > 63) {
            throw ApiException.badRequest("'" + field + "' must be between 0 and 2^63-1, got " + value);
        }
        return value.longValue();
    }

    static long positive(JsonNode body, String field) {
        long v = nonNegative(body, field);
        if (v == 0) {
            throw ApiException.badRequest("'" + field + "' must be positive");
        }
        return v;
    }

    static long optionalNonNegative(JsonNode body, String field, long fallback) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? fallback : nonNegative(body, field);
    }

    static Address address(JsonNode body, String field) {
        try {
            return Address.fromHex(text(body, field));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + field + "': " + e.getMessage());
        }
    }
}
