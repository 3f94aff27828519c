package org.pycotr.protocol.encoding;

import java.util.HexFormat;

/** Lowercase hex, the only text form of bytes that Pycotr reads or writes. */
public final class Hex {
    private static final HexFormat FORMAT = HexFormat.of();

    private Hex() {}

    public static String encode(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    /**
     * Decodes hex of an exact byte length, naming {@code what} in the error so that a user who
     * pasted the wrong thing learns which field was wrong and why.
     */
    public static byte[] decode(String hex, int expectedBytes, String what) {
        if (hex == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (hex.length() != expectedBytes * 2) {
            throw new IllegalArgumentException(what + " must be " + expectedBytes * 2
                    + " hex characters, got " + hex.length());
        }
        return decode(hex, what);
    }

    /** Decodes hex of any even length; rejects anything that is not hex with a clear message. */
    public static byte[] decode(String hex, String what) {
        if (hex == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        if (hex.length() % 2 != 0) {
            throw new IllegalArgumentException(what + " has an odd number of hex characters");
        }
        for (int i = 0; i < hex.length(); i++) {
            if (Character.digit(hex.charAt(i), 16) < 0) {
                throw new IllegalArgumentException(what + " is not hex: bad character at position " + i);
            }
        }
        return FORMAT.parseHex(hex);
    }
}
