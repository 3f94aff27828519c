package org.pycotr.daemon.http;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/** One HTTP request, fully read (bodies are capped at 1 MiB before this exists). */
public record HttpRequest(HttpMethod method, String path, Map<String, List<String>> query, HttpHeaders headers,
        byte[] body, InetSocketAddress remote) {

    public String queryParam(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
