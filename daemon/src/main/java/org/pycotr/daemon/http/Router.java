package org.pycotr.daemon.http;

import io.netty.handler.codec.http.HttpMethod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Maps method and path to a handler. Patterns are literal segments and {@code {name}}
 * placeholders. A path that matches with another method is a 405; no match at all is a 404.
 * Each route belongs to an API style ({@link ErrorStyle}) that decides how its errors look.
 */
public final class Router {
    /** A handler: the request and the path placeholders in, an answer later. */
    public interface Handler {
        CompletableFuture<HttpReply> handle(HttpRequest request, Map<String, String> params);
    }

    /** How an API family writes errors: v1 as {@code {"error":{...}}}, legacy as {@code {"status":"error",...}}. */
    public interface ErrorStyle {
        HttpReply error(int status, String code, String message);
    }

    record Route(HttpMethod method, String[] segments, Handler handler, ErrorStyle style) {}

    record Match(Handler handler, Map<String, String> params, ErrorStyle style) {}

    private final List<Route> routes = new ArrayList<>();
    private final Function<String, ErrorStyle> styleForPath;

    /** @param styleForPath error style of unknown paths (404/405), chosen by path */
    public Router(Function<String, ErrorStyle> styleForPath) {
        this.styleForPath = styleForPath;
    }

    public void add(HttpMethod method, String pattern, ErrorStyle style, Handler handler) {
        routes.add(new Route(method, split(pattern), handler, style));
    }

    private static String[] split(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.isEmpty() ? new String[0] : p.split("/", -1);
    }

    /** Finds the handler, or a ready error answer for 404/405. */
    Object route(HttpMethod method, String path) {
        String[] segments = split(path);
        boolean pathMatched = false;
        for (Route r : routes) {
            Map<String, String> params = matches(r.segments(), segments);
            if (params != null) {
                if (r.method().equals(method)) {
                    return new Match(r.handler(), params, r.style());
                }
                pathMatched = true;
            }
        }
        ErrorStyle style = styleFor(path);
        return pathMatched
                ? style.error(405, "method_not_allowed", method + " is not allowed on " + path)
                : style.error(404, "not_found", "no route " + method + " " + path);
    }

    /** The error style of a path that matched no route (or did not get that far). */
    public ErrorStyle styleFor(String path) {
        return styleForPath.apply(path);
    }

    private static Map<String, String> matches(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{") && pattern[i].endsWith("}")) {
                params.put(pattern[i].substring(1, pattern[i].length() - 1), path[i]);
            } else if (!pattern[i].equals(path[i])) {
                return null;
            }
        }
        return params;
    }
}
