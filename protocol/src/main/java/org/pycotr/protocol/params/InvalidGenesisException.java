package org.pycotr.protocol.params;

/** A genesis file that cannot define a network; the message names the file and field at fault. */
public final class InvalidGenesisException extends RuntimeException {
    public InvalidGenesisException(String message) {
        super(message);
    }
}
