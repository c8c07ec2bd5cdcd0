package dev.tenderkit.store.jdbc;

import dev.tenderkit.core.InvalidInputException;
import java.time.Instant;

/**
 * Instants as the schema keeps them: nanoseconds since the epoch in a {@code BIGINT}, exact (a
 * {@code TIMESTAMPTZ} keeps microseconds, and a record must read back equal to the one saved) and
 * ordered as the instants are. The range is the years 1677 to 2262. Stateless.
 */
final class Nanos {
    private Nanos() {
    }

    /** @throws InvalidInputException when the instant is outside what a {@code BIGINT} of nanoseconds holds */
    static long of(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException e) {
            throw new InvalidInputException("instant", "the JDBC store keeps instants between the years 1677 and "
                    + "2262, got " + t);
        }
    }

    /** @return a query bound: {@code t} in nanoseconds, clamped to what a {@code BIGINT} holds */
    static long bound(Instant t) {
        try {
            return of(t);
        } catch (InvalidInputException e) {
            return t.getEpochSecond() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static Instant instant(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L), Math.floorMod(nanos, 1_000_000_000L));
    }
}
