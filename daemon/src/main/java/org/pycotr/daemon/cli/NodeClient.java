package org.pycotr.daemon.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The CLI's view of a node: GET and POST JSON against its /v1 API, errors as readable exceptions. */
final class NodeClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    NodeClient(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    JsonNode get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    JsonNode post(String path, JsonNode body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
    }

    private JsonNode send(HttpRequest.Builder req) {
        HttpResponse<String> res;
        try {
            res = http.send(req.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new CliException("cannot reach the node at " + base + " (is it running? see --node)");
        } catch (IOException e) {
            throw new CliException("talking to " + base + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException("interrupted");
        }
        JsonNode body;
        try {
            body = JSON.readTree(res.body());
        } catch (IOException e) {
            throw new CliException("the node at " + base + " answered " + res.statusCode() + " with non-JSON");
        }
        if (res.statusCode() >= 400) {
            JsonNode error = body.path("error");
            throw new CliException(error.path("message").asText("HTTP " + res.statusCode()),
                    error.path("code").asText("http_" + res.statusCode()), res.statusCode());
        }
        return body;
    }

    static ObjectMapper json() {
        return JSON;
    }
}
