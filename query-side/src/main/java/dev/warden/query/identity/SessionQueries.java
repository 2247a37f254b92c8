package dev.warden.query.identity;

import dev.warden.query.support.NewestFirst;
import dev.warden.query.support.Page;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.Rows;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of a user's sign-in sessions, newest first; token hashes are never read. */
@Repository
public class SessionQueries {

    private final JdbcClient jdbc;

    SessionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A user's sessions, open, expired and revoked alike, newest first. */
    public Page<SessionView> sessions(String userId, PageRequest page) {
        List<SessionView> rows = NewestFirst.bind(jdbc.sql("""
                        SELECT id, created_at, expires_at, revoked_at, client_address, user_agent, second_factor
                        FROM sessions WHERE user_id = :user AND\s""" + NewestFirst.FROM_CURSOR)
                .param("user", userId), page)
                .query((rs, n) -> new SessionView(rs.getString("id"), Rows.instant(rs, "created_at"),
                        Rows.instant(rs, "expires_at"), Rows.instant(rs, "revoked_at"),
                        rs.getString("client_address"), rs.getString("user_agent"), rs.getBoolean("second_factor")))
                .list();
        return page.page(rows, s -> NewestFirst.key(s.createdAt(), s.id()));
    }
}
