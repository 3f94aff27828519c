package org.pycotr.bench.tools;

import java.util.HashMap;
import java.util.Map;

/** {@code --name=value} or {@code --name value} arguments with defaults. */
final class Args {
    private final Map<String, String> values = new HashMap<>();

    Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + a + "'");
            }
            int eq = a.indexOf('=');
            if (eq > 0) {
                values.put(a.substring(2, eq), a.substring(eq + 1));
            } else if (i + 1 < args.length) {
                values.put(a.substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException(a + " needs a value");
            }
        }
    }

    int integer(String name, int fallback) {
        return values.containsKey(name) ? Integer.parseInt(values.get(name)) : fallback;
    }
}
