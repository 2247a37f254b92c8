package dev.warden.command.governance;

import java.util.function.Supplier;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Reads of aggregates outside their own commands: inside a command in that command's unit of work and
 * transaction, so the aggregate cache is checked against the log; outside one (the MCP proxy) in a
 * unit of work and transaction of their own.
 */
final class AggregateReads {

    private AggregateReads() {
    }

    /** Answers {@code read}, in the current unit of work or a new one that is committed after it. */
    static <T> T read(TransactionManager transactions, Supplier<T> read) {
        if (CurrentUnitOfWork.isStarted()) {
            return read.get();
        }
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactions);
        try {
            T answer = read.get();
            unitOfWork.commit();
            return answer;
        } catch (RuntimeException e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }
}
