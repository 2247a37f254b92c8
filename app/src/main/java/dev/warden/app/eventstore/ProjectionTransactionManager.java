package dev.warden.app.eventstore;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * The transactions of the projections' processors: ordinary ones, except that their commit does not
 * wait for the write-ahead log to reach the disk ({@code synchronous_commit = off}, for this
 * transaction only). A projection's rows and its token commit together, and both are derived from
 * the log, which commands still write durably: if the server crashes before the flush, the rows and
 * the token are lost together and the processor handles the same events again. Other sessions see
 * the commit at once either way. This takes a disk flush off every projection batch, which bounds
 * both a rebuild and the delay until a command's change is readable.
 */
public class ProjectionTransactionManager implements TransactionManager {

    private final TransactionManager delegate;
    private final DataSource dataSource;
    private final Runnable committed;

    /** @param committed told after each commit (those waiting for the projections look again) */
    public ProjectionTransactionManager(TransactionManager delegate, DataSource dataSource, Runnable committed) {
        this.delegate = delegate;
        this.dataSource = dataSource;
        this.committed = committed;
    }

    @Override
    public Transaction startTransaction() {
        Transaction transaction = delegate.startTransaction();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LOCAL synchronous_commit TO OFF");
        } catch (SQLException e) {
            transaction.rollback();
            throw new IllegalStateException("Cannot start a projection transaction", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        return new Transaction() {
            @Override
            public void commit() {
                transaction.commit();
                committed.run();
            }

            @Override
            public void rollback() {
                transaction.rollback();
            }
        };
    }
}
