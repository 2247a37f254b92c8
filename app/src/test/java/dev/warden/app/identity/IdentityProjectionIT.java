package dev.warden.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.app.support.Api;
import dev.warden.app.support.Fixtures;
import dev.warden.app.support.WardenTest;
import dev.warden.events.identity.MemberAddedEvent;
import dev.warden.events.identity.OrganizationCreatedEvent;
import dev.warden.events.identity.UserRegisteredEvent;
import dev.warden.events.shared.IdKind;
import dev.warden.query.identity.IdentityProjection;
import dev.warden.query.identity.IdentityQueries;
import dev.warden.query.identity.MemberView;
import dev.warden.query.identity.OrganizationView;
import dev.warden.query.identity.UserView;
import dev.warden.query.support.Logged;
import dev.warden.query.support.PageRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The identity projection called directly with events, then read back through {@link IdentityQueries}.
 * Each test runs in a transaction that is rolled back, so the shared database keeps only what the
 * log says; positions are far beyond the log's head so they never meet a real event.
 */
@WardenTest
class IdentityProjectionIT {

    @LocalServerPort
    int port;

    @Autowired
    IdentityProjection identity;

    @Autowired
    IdentityQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    private final long base = (1L << 51) + (System.nanoTime() & ((1L << 40) - 1)) * 1_000;
    private final Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
    private final String orgId = IdKind.ORGANIZATION.next();
    private final String userId = IdKind.USER.next();
    private final String email = "Projected-" + Fixtures.unique() + "@Example.com";

    @Test
    void userRegisteredLandsOnce() {
        rolledBack(() -> {
            UserRegisteredEvent registered = new UserRegisteredEvent(userId, email, "Pat Projected");

            identity.on(registered, logged(1, at));
            Map<String, Object> first = row("users", userId);
            identity.on(registered, logged(1, at.plusSeconds(60)));

            assertThat(row("users", userId)).isEqualTo(first);
            assertThat(queries.user(userId)).as("no password or second factor without their events")
                    .contains(new UserView(userId, email, "Pat Projected", "active", false, false, false, at, false));
            assertThat(first.get("last_event_position")).isEqualTo(base + 1);
        });
    }

    @Test
    void organizationCreatedLandsOnceWithWhoCreatedIt() {
        rolledBack(() -> {
            OrganizationCreatedEvent created = new OrganizationCreatedEvent(orgId, "Projected Ltd");

            identity.on(created, logged(1, at), "usr_founder");
            Map<String, Object> first = row("organizations", orgId);
            identity.on(created, logged(1, at.plusSeconds(60)), "usr_founder");

            assertThat(row("organizations", orgId)).isEqualTo(first);
            assertThat(first.get("created_by")).isEqualTo("usr_founder");
            assertThat(queries.organization(orgId)).contains(new OrganizationView(orgId, "Projected Ltd", at));
        });
    }

    @Test
    void memberAddedLandsOnceAndReadsWithTheUsersDetails() {
        rolledBack(() -> {
            String memberId = IdKind.MEMBER.next();
            identity.on(new UserRegisteredEvent(userId, email, "Pat Projected"), logged(1, at));
            identity.on(new OrganizationCreatedEvent(orgId, "Projected Ltd"), logged(2, at), "usr_founder");
            MemberAddedEvent added = new MemberAddedEvent(orgId, memberId, userId);

            identity.on(added, logged(3, at.plusSeconds(1)));
            identity.on(added, logged(3, at.plusSeconds(61)));

            MemberView member = queries.member(orgId, userId).orElseThrow();
            assertThat(member.memberId()).isEqualTo(memberId);
            assertThat(member.email()).isEqualTo(email);
            assertThat(member.displayName()).isEqualTo("Pat Projected");
            assertThat(member.joinedAt()).isEqualTo(at.plusSeconds(1));
            assertThat(queries.members(orgId, PageRequest.of(null, null)).items()).hasSize(1);
            assertThat(queries.member(IdKind.ORGANIZATION.next(), userId)).isEmpty();
        });
    }

    @Test
    void resetEmptiesTheIdentityTables() {
        Api api = Api.admin(port);
        Api.Response org = Fixtures.organization(api);
        assertThat(api.get("/api/orgs/" + org.id() + "?minPosition=" + org.position()).status()).isEqualTo(200);

        rolledBack(() -> {
            identity.on(new UserRegisteredEvent(userId, email, "Pat Projected"), logged(1, at));
            identity.on(new OrganizationCreatedEvent(orgId, "Projected Ltd"), logged(2, at), "usr_founder");
            identity.on(new MemberAddedEvent(orgId, IdKind.MEMBER.next(), userId), logged(3, at));

            identity.reset();

            assertThat(count("users")).isZero();
            assertThat(count("organizations")).isZero();
            assertThat(count("members")).isZero();
            assertThat(queries.organization(org.id())).isEmpty();
        });

        assertThat(queries.organization(org.id())).as("the reset was rolled back").isPresent();
        assertThat(queries.user(userId)).isEmpty();
    }

    @Test
    void aTransactionSearchingAnotherSchemaWritesThereThroughTheSameBeans() {
        String schema = "branch_" + Fixtures.unique();
        rolledBack(() -> {
            jdbc.sql("CREATE SCHEMA " + schema).update();
            for (String table : List.of("users", "organizations", "members")) {
                jdbc.sql("CREATE TABLE " + schema + "." + table + " (LIKE public." + table + " INCLUDING ALL)")
                        .update();
            }
            jdbc.sql("SET LOCAL search_path TO " + schema).update();

            DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch")).execute(() -> {
                identity.on(new UserRegisteredEvent(userId, email, "Pat Branched"), logged(1, at));
                identity.on(new OrganizationCreatedEvent(orgId, "Branched Ltd"), logged(2, at), "usr_founder");
                identity.on(new MemberAddedEvent(orgId, IdKind.MEMBER.next(), userId), logged(3, at));
            });

            assertThat(queries.member(orgId, userId)).as("read back through the same search_path").isPresent();
            for (String table : List.of("users", "organizations", "members")) {
                assertThat(jdbc.sql("SELECT count(*) FROM " + schema + "." + table).query(Long.class).single())
                        .as(table + " in the branch").isOne();
            }
            assertThat(jdbc.sql("SELECT count(*) FROM public.users WHERE id = ?").param(userId).query(Long.class)
                    .single()).as("nothing in the live tables").isZero();
        });
        assertThat(queries.user(userId)).isEmpty();
    }

    /** An event logged at {@code at}, {@code offset} positions beyond this test's base. */
    private Logged logged(long offset, Instant at) {
        return new Logged(base + offset, at);
    }

    private void rolledBack(Runnable work) {
        transactions.executeWithoutResult(status -> {
            status.setRollbackOnly();
            work.run();
        });
    }

    private Map<String, Object> row(String table, String id) {
        return jdbc.sql("SELECT * FROM " + table + " WHERE id = ?").param(id).query().singleRow();
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }
}
