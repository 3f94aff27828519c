package org.pycotr.daemon;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pycotr.protocol.crypto.PrivateKey;

/** Private keys given on a command line: 64 hex characters, or the path of a file holding them. */
public final class KeyFiles {
    private KeyFiles() {}

    /** @throws IllegalArgumentException naming {@code option} and what is wrong */
    public static PrivateKey read(String value, String option) {
        String v = value.trim();
        if (!v.matches("[0-9a-fA-F]{64}")) {
            Path file = Path.of(v);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(option + " must be 64 hex characters or a readable key file, got '" + v + "'");
            }
            try {
                v = Files.readString(file).trim();
            } catch (IOException e) {
                throw new IllegalArgumentException(option + ": cannot read " + file + ": " + e.getMessage());
            }
        }
        try {
            return PrivateKey.fromHex(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + ": " + e.getMessage());
        }
    }
}
