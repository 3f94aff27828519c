package org.pycotr.daemon.cli;

/** A CLI failure to report as one line: what went wrong and, from the node, its error code. */
final class CliException extends RuntimeException {
    private final String code;
    private final int status;

    CliException(String message) {
        this(message, "cli", 0);
    }

    CliException(String message, String code, int status) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    String code() {
        return code;
    }

    int status() {
        return status;
    }
}
