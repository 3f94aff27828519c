package org.pycotr.daemon.http;

import java.nio.charset.StandardCharsets;

/** Status, content type and body of an answer. */
public record HttpReply(int status, String contentType, byte[] body) {
    public static final String JSON = "application/json; charset=utf-8";

    public static HttpReply json(int status, Object value) {
        return new HttpReply(status, JSON, Json.bytes(value));
    }

    public static HttpReply text(int status, String contentType, String body) {
        return new HttpReply(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }
}
