package org.forecastsql.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a committed catalogue change survive a killed process. H2's MVStore writes commits to the file
 * up to {@code WRITE_DELAY} (500 ms) later, so a process killed right after {@code commit()} loses them;
 * {@code CHECKPOINT} writes them now. It needs admin rights: without them, a warning is logged once and
 * durability falls back to H2's write delay.
 */
final class CatalogDurability {

    static final int ADMIN_RIGHTS_REQUIRED = 90040;
    private static final Logger LOG = LoggerFactory.getLogger(CatalogDurability.class);

    private volatile boolean enabled = true;

    /** Called after a commit, so it never fails the operation: the change is committed either way. */
    void checkpoint(Connection c) {
        if (!enabled) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("CHECKPOINT");
        } catch (SQLException e) {
            if (e.getErrorCode() != ADMIN_RIGHTS_REQUIRED) {
                LOG.warn("model catalogue: CHECKPOINT after commit failed; the change is committed and H2 "
                        + "writes it within WRITE_DELAY", e);
                return;
            }
            enabled = false;
            LOG.warn("model catalogue: the database user lacks admin rights for CHECKPOINT; a version saved "
                    + "less than WRITE_DELAY before the process is killed may be lost");
        }
    }
}
