package dev.warden.command.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.warden.events.governance.ArgumentCondition;
import dev.warden.events.governance.ArgumentCondition.Operator;
import dev.warden.events.governance.CallerMatch;
import dev.warden.events.governance.Effect;
import dev.warden.events.governance.PolicyMode;
import dev.warden.events.governance.PolicyRule;
import dev.warden.events.governance.PolicySet;
import dev.warden.events.shared.IdKind;
import dev.warden.testdatabase.TestDatabase;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rule book on the real {@code policy_sets} table: a decision reads the revision and compiles only
 * when it changed, and a change committed through another instance (another process's rule book and
 * table access on the same database, or a plain SQL write) is seen by the very next decision. Writers
 * of one organization queue on its row, so none loses another's change.
 */
class CompiledRuleBookIT {

    private static final DataSource DATABASE = TestDatabase.migrated(TestDatabase.url());
    private static final JdbcClient JDBC = JdbcClient.create(DATABASE);
    private static final TransactionTemplate TRANSACTIONS =
            new TransactionTemplate(new DataSourceTransactionManager(DATABASE));

    /** One process: its table access and its rule book, with its own memory of compiled sets. */
    private record Instance(JdbcPolicyRevisions revisions, CompiledRuleBook book) {

        static Instance start() {
            JdbcPolicyRevisions revisions = new JdbcPolicyRevisions(JDBC);
            return new Instance(revisions, new CompiledRuleBook(revisions));
        }

        /** The organization's set as a decision in a transaction of its own sees it. */
        PolicySet current(String organizationId) {
            return TRANSACTIONS.execute(status -> book.current(organizationId));
        }

        void put(String organizationId, PolicySet.Policy policy) {
            TRANSACTIONS.executeWithoutResult(status -> revisions.put(organizationId, policy.policyId(), policy));
        }
    }

    @Test
    void anOrganizationWithoutARowHasNoPolicyAndDeniesByDefault() {
        PolicySet set = Instance.start().current(IdKind.ORGANIZATION.next());
        assertThat(set.policies()).isEmpty();
        assertThat(set.evaluate(call("read_file")).effect()).isEqualTo(Effect.DENY);
    }

    @Test
    void aSetIsCompiledOncePerRevisionAndAgainAfterAChange() {
        String org = IdKind.ORGANIZATION.next();
        Instance one = Instance.start();
        one.put(org, policy(IdKind.POLICY.next(), 1, rule("reads", "read_*", Effect.ALLOW)));
        PolicySet first = one.current(org);
        assertThat(one.current(org)).as("the same revision, the same compiled set").isSameAs(first);
        assertThat(first.evaluate(call("read_file")).effect()).isEqualTo(Effect.ALLOW);

        String second = IdKind.POLICY.next();
        one.put(org, new PolicySet.Policy(second, 1, 1, 0, PolicyMode.ENFORCE, true,
                List.of(rule("no reads", "read_*", Effect.DENY))));
        PolicySet next = one.current(org);
        assertThat(next).isNotSameAs(first);
        assertThat(next.evaluate(call("read_file"))).extracting(PolicySet.Verdict::effect,
                PolicySet.Verdict::policyId).containsExactly(Effect.DENY, second);
    }

    @Test
    void aChangeCommittedByAnotherInstanceIsSeenByTheNextDecision() {
        String org = IdKind.ORGANIZATION.next();
        String policyId = IdKind.POLICY.next();
        Instance deciding = Instance.start();
        Instance changing = Instance.start();
        changing.put(org, policy(policyId, 1, rule("reads", "read_*", Effect.ALLOW)));
        assertThat(deciding.current(org).evaluate(call("read_file")).effect()).isEqualTo(Effect.ALLOW);

        changing.put(org, policy(policyId, 2, rule("reads", "read_*", Effect.REQUIRE_APPROVAL)));
        assertThat(deciding.current(org).evaluate(call("read_file")))
                .extracting(PolicySet.Verdict::effect, PolicySet.Verdict::policyVersion)
                .containsExactly(Effect.REQUIRE_APPROVAL, 2);

        TRANSACTIONS.executeWithoutResult(status -> changing.revisions().putDefault(org, Effect.ALLOW));
        assertThat(deciding.current(org).evaluate(call("write_file")).effect()).isEqualTo(Effect.ALLOW);

        TRANSACTIONS.executeWithoutResult(status -> changing.revisions().put(org, policyId, null));
        assertThat(deciding.current(org).policies()).isEmpty();
    }

    @Test
    void aRowWrittenByHandIsCompiledOnceItsRevisionMoves() {
        String org = IdKind.ORGANIZATION.next();
        Instance deciding = Instance.start();
        deciding.put(org, policy(IdKind.POLICY.next(), 1, rule("reads", "read_*", Effect.ALLOW)));
        PolicySet before = deciding.current(org);
        JDBC.sql("UPDATE policy_sets SET revision = revision + 1, default_effect = 'allow', policies = '[]'"
                + " WHERE organization_id = ?").param(org).update();
        PolicySet after = deciding.current(org);
        assertThat(after).isNotSameAs(before);
        assertThat(after.policies()).isEmpty();
        assertThat(after.defaultEffect()).isEqualTo(Effect.ALLOW);
    }

    @Test
    void aChangeRolledBackIsNeverSeen() {
        String org = IdKind.ORGANIZATION.next();
        Instance instance = Instance.start();
        instance.put(org, policy(IdKind.POLICY.next(), 1, rule("reads", "read_*", Effect.ALLOW)));
        TRANSACTIONS.executeWithoutResult(status -> {
            instance.revisions().putDefault(org, Effect.ALLOW);
            instance.revisions().put(org, "pol_x", policy("pol_x", 1, rule("all", "*", Effect.ALERT)));
            status.setRollbackOnly();
        });
        PolicySet set = instance.current(org);
        assertThat(set.policies()).hasSize(1);
        assertThat(set.defaultEffect()).isEqualTo(Effect.DENY);
        assertThat(instance.revisions().revision(org)).isEqualTo(1);
    }

    @Test
    void rulesComeBackFromTheRowAsTheyWereWritten() {
        String org = IdKind.ORGANIZATION.next();
        PolicyRule full = new PolicyRule("full", "Everything a rule holds", List.of(IdKind.MCP_SERVER.next()),
                "db.?uery*", new CallerMatch(List.of(IdKind.USER.next()), List.of(IdKind.ROLE.next()),
                List.of(IdKind.API_KEY.next()), List.of(IdKind.AI_SYSTEM.next())), List.of(
                new ArgumentCondition("/sql", Operator.MATCHES, "(?i)drop .*"),
                new ArgumentCondition("/a~1b/0", Operator.IN, Arrays.asList("x", 1, 2.5, true, null)),
                new ArgumentCondition("", Operator.EQUALS, null)), Effect.REQUIRE_APPROVAL);
        PolicySet.Policy written = new PolicySet.Policy(IdKind.POLICY.next(), 3, 7, 1_700_000_000_123L,
                PolicyMode.MONITOR, false, List.of(full));
        Instance instance = Instance.start();
        instance.put(org, written);
        assertThat(instance.revisions().read(org).policies()).containsExactly(written);
        assertThat(instance.current(org).policies()).containsExactly(written);
    }

    @Test
    void writersOfOneOrganizationTakeTurnsAndLoseNothing() throws Exception {
        String org = IdKind.ORGANIZATION.next();
        Instance a = Instance.start();
        Instance b = Instance.start();
        a.put(org, policy("pol_first", 1, rule("first", "*", Effect.ALLOW)));
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> TRANSACTIONS.executeWithoutResult(s -> {
            a.revisions().put(org, "pol_a", policy("pol_a", 1, rule("a", "a", Effect.ALLOW)));
            written.countDown();
            hold(release);
        }));
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
        AtomicInteger waiterSession = new AtomicInteger();
        CompletableFuture<Void> waiter = CompletableFuture.runAsync(() -> TRANSACTIONS.executeWithoutResult(s -> {
            waiterSession.set(JDBC.sql("SELECT pg_backend_pid()").query(Integer.class).single());
            b.revisions().put(org, "pol_b", policy("pol_b", 1, rule("b", "b", Effect.DENY)));
        }));
        await().atMost(Duration.ofSeconds(10)).until(() -> waitsForALock(waiterSession.get()));
        assertThat(waiter).isNotDone();

        release.countDown();
        holder.get(10, TimeUnit.SECONDS);
        waiter.get(10, TimeUnit.SECONDS);
        assertThat(a.current(org).policies()).extracting(PolicySet.Policy::policyId)
                .containsExactlyInAnyOrder("pol_first", "pol_a", "pol_b");
        assertThat(a.revisions().revision(org)).isEqualTo(3);
    }

    /** Whether the database session {@code pid} waits for a lock. */
    private static boolean waitsForALock(int pid) {
        return pid != 0 && "Lock".equals(JDBC.sql("SELECT wait_event_type FROM pg_stat_activity WHERE pid = ?")
                .param(pid).query(String.class).optional().orElse(null));
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static PolicyRule rule(String name, String tool, Effect effect) {
        return new PolicyRule(name, null, List.of(), tool, null, List.of(), effect);
    }

    private static PolicySet.Policy policy(String policyId, int version, PolicyRule... rules) {
        return new PolicySet.Policy(policyId, version, 100, 0, PolicyMode.ENFORCE, true, List.of(rules));
    }

    private static PolicySet.Call call(String tool) {
        return new PolicySet.Call(IdKind.MCP_SERVER.next(), tool, Map.of(), IdKind.USER.next(), null, null, Set.of());
    }
}
