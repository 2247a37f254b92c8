package dev.warden.command.config;

import java.time.Duration;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bounds every lock wait of a command's transaction ({@code SET LOCAL lock_timeout}): an advisory
 * lock of {@code AggregateLocks}, a unique name another transaction is claiming, an aggregate
 * sequence number another instance is appending. A wait that runs out fails the command, which
 * rolls back, lets go of its connection, and is retried by {@code CommandSender}. Without a bound,
 * such waits can chain with waits in this process that PostgreSQL cannot see, and never end.
 */
class CommandLockTimeout implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final JdbcClient jdbc;
    private final String timeout;

    CommandLockTimeout(JdbcClient jdbc, Duration timeout) {
        this.jdbc = jdbc;
        this.timeout = Math.max(1, timeout.toMillis()) + "ms";
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        // Runs inside the transaction the command bus opened, so on its connection and for it alone.
        jdbc.sql("SELECT set_config('lock_timeout', ?, true)").param(timeout).query().singleRow();
        return interceptorChain.proceed();
    }
}
