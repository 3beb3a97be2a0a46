package org.caseload.app.system;

/**
 * The HTTP client closed the connection while its response was being streamed: the query behind it
 * is cancelled and nothing more is written. Not an error of the server, and there is nobody left to
 * answer.
 */
public final class ClientGoneException extends RuntimeException {
    public ClientGoneException(long rowsSent, Throwable cause) {
        super("the client closed the connection after " + rowsSent + " rows", cause);
    }
}
