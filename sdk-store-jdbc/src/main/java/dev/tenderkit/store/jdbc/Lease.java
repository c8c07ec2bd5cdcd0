package dev.tenderkit.store.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;

/**
 * The lease a save gives: a trade or refund still to settle stays claimed by the instance that saved
 * it, until {@code now + lease}; a final one is nobody's (columns {@code claimed_by},
 * {@code lease_until_ns} set to NULL). Immutable.
 */
record Lease(String instanceId, Duration lease) {
    /** Sets {@code claimed_by} and {@code lease_until_ns} from parameter {@code p} on. @return the next index */
    int bind(PreparedStatement s, int p, boolean isFinal, Instant now) throws SQLException {
        if (isFinal) {
            s.setNull(p, Types.VARCHAR);
            s.setNull(p + 1, Types.BIGINT);
        } else {
            s.setString(p, instanceId);
            s.setLong(p + 1, Nanos.bound(now.plus(lease)));
        }
        return p + 2;
    }
}
