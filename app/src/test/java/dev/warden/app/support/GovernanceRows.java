package dev.warden.app.support;

import dev.warden.app.support.LargeTenant.Owner;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.SortKey;
import java.sql.SQLException;
import java.time.Instant;

/**
 * Large governance lists written straight into the read models, as {@link LargeTenant} writes the other
 * contexts' (its rows, tag and cursors): each method writes {@code n} rows and answers the cursor after the
 * middle one. Where a list has a status or outcome filter, every tenth row has the filtered value and the
 * middle row is one of them, so its cursor is deep in the filtered list too.
 */
public final class GovernanceRows {

    private final LargeTenant rows;

    public GovernanceRows(LargeTenant rows) {
        this.rows = rows;
    }

    /** {@code n} MCP servers of the organization, newest first. */
    public String servers(Owner organization, int n) throws SQLException {
        rows.insert("""
                INSERT INTO mcp_servers (id, organization_id, name, transport, url, status, created_at, updated_at,
                                         last_event_position)
                SELECT 'mcp_' || :pad || '_' || :tag, :owner, 'Server ' || g, 'sse', 'https://mcp.example.com', 'active',
                       :created, now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        return rows.newestFirst("mcp", n / 2);
    }

    /** {@code n} tools of the server (or servers) {@code server} names, by name; and those servers. */
    public String tools(Owner organization, Owner server, int n) throws SQLException {
        rows.insert("""
                INSERT INTO mcp_servers (id, organization_id, name, transport, status, created_at, updated_at,
                                         last_event_position)
                SELECT :server, :owner, 'Tools', 'stdio', 'active', now(), now(), 1
                FROM generate_series(1, ?) g ON CONFLICT (id) DO NOTHING""".replace(":server", "(" + server.sql() + ")"),
                organization, n);
        rows.insert("""
                INSERT INTO mcp_server_tools (mcp_server_id, tool_name, organization_id, status, pinned_hash, pinned_at,
                                              updated_at, last_event_position)
                SELECT :server, 'tool-' || :pad || '-' || :tag, :owner, 'pinned', 'sha256:' || g, now(), now(), 1
                FROM generate_series(1, ?) g""".replace(":server", "(" + server.sql() + ")"), organization, n);
        return PageRequest.cursor("tool-" + LargeTenant.padded(n / 2) + "-" + rows.tag());
    }

    /** {@code n} policies of the organization, row {@code g} of priority {@code g % 100}, in evaluation order. */
    public String policies(Owner organization, int n) throws SQLException {
        rows.insert("""
                INSERT INTO policies (id, organization_id, name, mode, priority, enabled, version, rules, created_at,
                                      updated_at, last_event_position)
                SELECT 'pol_' || :pad || '_' || :tag, :owner, 'Policy ' || g, 'enforce', g % 100, true, 1, '[]',
                       :created, now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        int middle = n / 2;
        Instant created = rows.created(middle);
        return PageRequest.cursor(SortKey.of(Integer.toString(middle % 100), created + " " + rows.id("pol", middle)));
    }

    /** Versions 1 to {@code n} of the policy (or policies) {@code policy} names, newest first; and those policies. */
    public String policyVersions(Owner organization, Owner policy, int n) throws SQLException {
        rows.insert("""
                INSERT INTO policies (id, organization_id, name, mode, priority, enabled, version, rules, created_at,
                                      updated_at, last_event_position)
                SELECT :policy, :owner, 'Versioned', 'enforce', 0, true, 1, '[]', now(), now(), 1
                FROM generate_series(1, ?) g ON CONFLICT (id) DO NOTHING""".replace(":policy", "(" + policy.sql() + ")"),
                organization, n);
        rows.insert("""
                INSERT INTO policy_versions (policy_id, version, organization_id, rules, created_at, last_event_position)
                SELECT :policy, g, :owner, '[]', now(), 1
                FROM generate_series(1, ?) g""".replace(":policy", "(" + policy.sql() + ")"), organization, n);
        return PageRequest.cursor(Integer.toString(n / 2));
    }

    /** {@code n} agent sessions of the organization, newest first, every tenth open and the rest closed. */
    public String sessions(Owner organization, int n) throws SQLException {
        rows.insert("""
                INSERT INTO agent_sessions (id, organization_id, status, ended_at, last_activity, created_at, updated_at,
                                            last_event_position)
                SELECT 'ags_' || :pad || '_' || :tag, :owner, CASE WHEN g % 10 = 0 THEN 'open' ELSE 'closed' END,
                       CASE WHEN g % 10 = 0 THEN NULL ELSE now() END, now(), :created, now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        return rows.newestFirst("ags", n / 20 * 10);
    }

    /**
     * {@code n} decisions in the session (or sessions) {@code session} names, newest first, every tenth a
     * deny and the rest allows (and those sessions); row {@code g} was made {@code g} ms before the base instant.
     */
    public String decisions(Owner organization, Owner session, int n) throws SQLException {
        rows.insert("""
                INSERT INTO agent_sessions (id, organization_id, status, last_activity, created_at, updated_at,
                                            last_event_position)
                SELECT :session, :owner, 'open', now(), now(), now(), 1
                FROM generate_series(1, ?) g ON CONFLICT (id) DO NOTHING""".replace(":session", "(" + session.sql() + ")"),
                organization, n);
        rows.insert("""
                INSERT INTO decisions (id, organization_id, agent_session_id, tool_name, arguments_hash, outcome,
                                       decided_at, last_event_position)
                SELECT 'dec_' || :pad || '_' || :tag, :owner, :session, 'echo', 'hash-' || g,
                       CASE WHEN g % 10 = 0 THEN 'deny' ELSE 'allow' END, :created, 1
                FROM generate_series(1, ?) g""".replace(":session", "(" + session.sql() + ")"), organization, n);
        return rows.newestFirst("dec", n / 20 * 10);
    }

    /** When row {@code g} of the lists this writes was made. */
    public Instant made(int g) {
        return rows.created(g);
    }

    /** {@code n} approvals of the organization, newest first, every tenth pending and the rest granted. */
    public String approvals(Owner organization, int n) throws SQLException {
        rows.insert("""
                INSERT INTO approvals (id, organization_id, agent_session_id, decision_id, tool_name, arguments_hash,
                                       status, expires_at, decided_at, created_at, updated_at, last_event_position)
                SELECT 'apv_' || :pad || '_' || :tag, :owner, 'ags_any', 'dec_' || g, 'pay', 'hash-' || g,
                       CASE WHEN g % 10 = 0 THEN 'pending' ELSE 'granted' END, now() + interval '15 minutes',
                       CASE WHEN g % 10 = 0 THEN NULL ELSE now() END, :created, now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        return rows.newestFirst("apv", n / 20 * 10);
    }
}
