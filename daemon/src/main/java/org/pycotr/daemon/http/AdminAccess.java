package org.pycotr.daemon.http;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

/**
 * Who may use admin routes (mining control, adding peers): callers on loopback (default), callers
 * presenting the configured token ({@code Authorization: Bearer <token>}), or, only when chosen
 * explicitly, everyone.
 */
public record AdminAccess(Mode mode, String token) {
    public enum Mode { LOOPBACK, TOKEN, OPEN }

    public AdminAccess {
        if (mode == Mode.TOKEN && (token == null || token.length() < 16)) {
            throw new IllegalArgumentException("admin mode 'token' needs --admin-token of at least 16 characters");
        }
    }

    void check(HttpRequest req) {
        boolean allowed = switch (mode) {
            case OPEN -> true;
            case LOOPBACK -> req.remote() != null && req.remote().getAddress().isLoopbackAddress();
            case TOKEN -> {
                String header = req.headers().get("Authorization");
                yield header != null && header.startsWith("Bearer ") && MessageDigest.isEqual(
                        header.substring(7).getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
            }
        };
        if (!allowed) {
            throw new ApiException(403, "forbidden", mode == Mode.TOKEN
                    ? "admin routes need 'Authorization: Bearer <admin token>'" : "admin routes are open to loopback callers only");
        }
    }
}
