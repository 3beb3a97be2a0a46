package org.caseload.cli;

/** Input the user can fix (a missing database, a bad path); exits with code 2. */
final class BadInputException extends RuntimeException {
    BadInputException(String message) {
        super(message);
    }
}
