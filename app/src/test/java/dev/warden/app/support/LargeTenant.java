package dev.warden.app.support;

import dev.warden.query.support.NewestFirst;
import dev.warden.query.support.PageRequest;
import dev.warden.query.support.SortKey;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

/**
 * Large lists written straight into the read models (and the log) with SQL, one statement over
 * {@code generate_series} each, for the tests and the benchmark of list pages. Row {@code g} (1 to
 * n) of a list has {@code g} zero-padded in its id and name, and a newest-first list's row {@code g}
 * was created {@code g} ms before a base instant; so the row in the middle of each list is known
 * without reading, and each method answers the cursor a client would hold after it (the start of a
 * page deep in the list). Ids end with a tag of this instance, so several fills share a database and
 * their rows interleave in every order, as random ids do. A user without a row in {@code users} has
 * their id at example.com as email.
 */
public final class LargeTenant {

    private static final String PAD = "lpad(g::text, 7, '0')";

    /**
     * Whose rows: one organization or user, or rows spread over {@code count} of them, the row
     * {@code g} going to {@code prefix + g % count}.
     */
    public record Owner(String sql) {

        public static Owner of(String id) {
            return new Owner("'" + id.replace("'", "''") + "'");
        }

        public static Owner spread(String prefix, int count) {
            return new Owner("'" + prefix.replace("'", "''") + "' || g % " + count);
        }
    }

    private final Connection connection;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final Instant base = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    public LargeTenant(Connection connection) {
        this.connection = connection;
    }

    /** {@code n} organizations, {@code prefix + g % n} for g from 1 to n, as {@link Owner#spread} names them. */
    public void organizations(String prefix, int n) throws SQLException {
        insert("""
                INSERT INTO organizations (id, name, created_at, updated_at, last_event_position)
                SELECT :owner, 'Organization ' || :pad || ' ' || :tag, now(), now(), 1
                FROM generate_series(1, ?) g""", Owner.spread(prefix, n), n);
    }

    /** {@code n} custom roles of the organization, by name. */
    public String roles(Owner organization, int n) throws SQLException {
        insert("""
                INSERT INTO roles (id, organization_id, name, description, system, version, created_at, updated_at,
                                   last_event_position)
                SELECT 'role_' || :pad || '_' || :tag, :owner, 'Role ' || :pad || ' ' || :tag, '', false, 1, now(),
                       now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        int middle = n / 2;
        return PageRequest.cursor(SortKey.of(id("role", middle), "Role " + padded(middle) + " " + tag));
    }

    /** {@code n} members of the organization, each a user of their own, by user id. */
    public String members(Owner organization, int n) throws SQLException {
        insert("""
                INSERT INTO users (id, email, display_name, status, created_at, updated_at, last_event_position)
                SELECT 'usr_' || :pad || '_' || :tag, 'usr_' || :pad || '_' || :tag || '@example.com',
                       'Member ' || g, 'active', now(), now(), 1
                FROM generate_series(1, ?) g""", null, n);
        insert("""
                INSERT INTO members (id, organization_id, user_id, created_at, updated_at, last_event_position)
                SELECT 'mem_' || :pad || '_' || :tag, :owner, 'usr_' || :pad || '_' || :tag, now(), now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        return PageRequest.cursor(id("usr", n / 2));
    }

    /**
     * {@code n} pending invitations of the organization, newest first, addressed to the user: half by
     * id, half by their email (in capitals). The same cursor serves the organization's list and the
     * user's.
     */
    public String invitations(Owner organization, Owner user, int n) throws SQLException {
        insert("""
                INSERT INTO invitations (id, organization_id, user_id, email, status, invited_by, created_at,
                                         updated_at, expires_at, last_event_position)
                SELECT 'inv_' || :pad || '_' || :tag, :owner, CASE WHEN g % 2 = 0 THEN :user END,
                       CASE WHEN g % 2 = 1 THEN upper(coalesce((SELECT u.email FROM users u WHERE u.id = :user),
                                                               :user || '@example.com')) END, 'pending', 'usr_inviter',
                       :created, now(), now() + interval '30 days', 1
                FROM generate_series(1, ?) g""".replace(":user", "(" + user.sql() + ")"), organization, n);
        return newestFirst("inv", n / 2);
    }

    /** {@code n} API keys of the organization, newest first. */
    public String apiKeys(Owner organization, int n) throws SQLException {
        insert("""
                INSERT INTO api_keys (id, organization_id, name, prefix, secret_hash, created_by, created_at,
                                      updated_at, last_event_position)
                SELECT 'key_' || :pad || '_' || :tag, :owner, 'Key ' || g, 'wk_' || g || :tag,
                       'hash-' || g || :tag, 'usr_issuer', :created, now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        return newestFirst("key", n / 2);
    }

    /**
     * {@code n} access requests of the organization, newest first, every tenth pending. The middle row
     * is a pending one, so its cursor is deep in the list of every status and in the pending ones.
     */
    public String accessRequests(Owner organization, int n) throws SQLException {
        insert("""
                INSERT INTO access_requests (id, organization_id, requester_id, role_id, justification, status,
                                             created_at, updated_at, last_event_position)
                SELECT 'acr_' || :pad || '_' || :tag, :owner, 'usr_requester', 'role_wanted', 'Needed',
                       CASE WHEN g % 10 = 0 THEN 'pending' ELSE 'approved' END, :created, now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        return newestFirst("acr", n / 20 * 10);
    }

    /** {@code n} sessions of the user, newest first. */
    public String sessions(Owner user, int n) throws SQLException {
        insert("""
                INSERT INTO sessions (id, user_id, token_hash, client_address, user_agent, created_at, updated_at,
                                      expires_at, last_event_position)
                SELECT 'ses_' || :pad || '_' || :tag, :owner, 'token-' || g || :tag, '192.0.2.1', 'LargeTenant',
                       :created, now(), now() + interval '1 day', 1
                FROM generate_series(1, ?) g""", user, n);
        return newestFirst("ses", n / 2);
    }

    /** {@code n} accounts at GitHub linked to the user, by provider account. */
    public String accounts(Owner user, int n) throws SQLException {
        insert("""
                INSERT INTO accounts (id, user_id, provider, provider_account_id, created_at, updated_at,
                                      last_event_position)
                SELECT 'acc_' || :pad || '_' || :tag, :owner, 'github', 'gh-' || :pad || '-' || :tag, now(), now(), 1
                FROM generate_series(1, ?) g""", user, n);
        return PageRequest.cursor(SortKey.of("github", "gh-" + padded(n / 2) + "-" + tag));
    }

    /** {@code n} organizations the user is a member of, by name. */
    public String memberships(Owner user, int n) throws SQLException {
        insert("""
                INSERT INTO organizations (id, name, created_at, updated_at, last_event_position)
                SELECT 'org_' || :pad || '_' || :tag, 'Org ' || :pad || ' ' || :tag, now(), now(), 1
                FROM generate_series(1, ?) g""", null, n);
        insert("""
                INSERT INTO members (id, organization_id, user_id, created_at, updated_at, last_event_position)
                SELECT 'mem_o' || :pad || '_' || :tag, 'org_' || :pad || '_' || :tag, :owner, now(), now(), 1
                FROM generate_series(1, ?) g""", user, n);
        int middle = n / 2;
        return PageRequest.cursor(SortKey.of(id("org", middle), "Org " + padded(middle) + " " + tag));
    }

    /**
     * {@code n} events in the organization's audit trail: refusals for lack of a permission, which the
     * service writes outside any aggregate and no projection reads, so the log grows and nothing else.
     */
    public String events(Owner organization, int n) throws SQLException {
        insert("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                                                time_stamp, payload_type, payload_revision, payload, meta_data)
                SELECT 'evt_' || :pad || '_' || :tag, 'evt_' || :pad || '_' || :tag, 0, NULL, :created,
                       'dev.warden.events.access.PermissionDeniedEvent', '1',
                       jsonb_build_object('organizationId', :owner, 'permission', 'roles:write', 'method', 'POST',
                                          'path', '/api/orgs/' || :owner || '/roles'),
                       jsonb_build_object('organizationId', :owner, 'actorId', 'usr_refused', 'actorType', 'user')
                FROM generate_series(1, ?) g""", organization, n);
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT global_index FROM domain_event_entry WHERE event_identifier = ?")) {
            statement.setString(1, id("evt", n / 2));
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return PageRequest.cursor(Long.toString(rs.getLong(1)));
            }
        }
    }

    /** {@code n} conversations of the organization, newest first. */
    public String conversations(Owner organization, int n) throws SQLException {
        insert("""
                INSERT INTO conversations (id, organization_id, user_id, title, status, created_at, updated_at,
                                           last_event_position)
                SELECT 'cnv_' || :pad || '_' || :tag, :owner, 'usr_starter', 'Conversation ' || g, 'active', :created,
                       now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        return newestFirst("cnv", n / 2);
    }

    /**
     * One conversation of the organization ({@code cnv_long_<tag>}, see {@link #conversationId}) with
     * {@code n} messages in order and {@code n} tool calls proposed in it, newest first, every tenth
     * pending. Answers the cursor after its middle message; {@link #toolCallCursor} is the one after
     * its middle tool call, a pending one.
     */
    public String longConversation(Owner organization, int n) throws SQLException {
        insert("""
                INSERT INTO conversations (id, organization_id, user_id, title, status, message_count, created_at,
                                           updated_at, last_event_position)
                SELECT 'cnv_long_' || :tag, :owner, 'usr_starter', 'Long', 'active', ?, now(), now(), 1""",
                organization, n);
        insert("""
                INSERT INTO messages (id, organization_id, conversation_id, sequence, role, content, created_at,
                                      updated_at, last_event_position)
                SELECT 'msg_' || :pad || '_' || :tag, :owner, 'cnv_long_' || :tag, g, 'user', 'Message ' || g,
                       :created, now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        insert("""
                INSERT INTO tool_calls (id, organization_id, conversation_id, message_id, tool_name, arguments, status,
                                        expires_at, decided_at, created_at, updated_at, last_event_position)
                SELECT 'tcl_' || :pad || '_' || :tag, :owner, 'cnv_long_' || :tag, 'msg_' || :pad || '_' || :tag,
                       'terraform.plan', '{}', CASE WHEN g % 10 = 0 THEN 'pending' ELSE 'approved' END,
                       now() + interval '15 minutes', CASE WHEN g % 10 = 0 THEN NULL ELSE now() END, :created, now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        return PageRequest.cursor(Integer.toString(n / 2));
    }

    /** The id of the conversation {@link #longConversation} writes. */
    public String conversationId() {
        return "cnv_long_" + tag;
    }

    /** The cursor after the middle tool call of {@link #longConversation} with {@code n} rows. */
    public String toolCallCursor(int n) {
        return newestFirst("tcl", n / 20 * 10);
    }

    /** The organization's token totals for {@code n} models, by model. */
    public String tokenTotals(Owner organization, int n) throws SQLException {
        insert("""
                INSERT INTO conversation_token_totals (organization_id, model, messages, input_tokens, output_tokens,
                                                       cached_tokens, updated_at, last_event_position)
                SELECT :owner, 'model-' || :pad || '-' || :tag, g, g, g, g, now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        return PageRequest.cursor("model-" + padded(n / 2) + "-" + tag);
    }

    /** {@code n} projects of the organization, newest first. */
    public String projects(Owner organization, int n) throws SQLException {
        insert("""
                INSERT INTO projects (id, organization_id, name, status, created_at, updated_at, last_event_position)
                SELECT 'prj_' || :pad || '_' || :tag, :owner, 'Project ' || :pad || ' ' || :tag, 'active', :created,
                       now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        return newestFirst("prj", n / 2);
    }

    /**
     * {@code n} workspaces of the organization in its project {@code projectId} (made here), newest
     * first, each drifted as of its creation: one cursor serves the organization's workspaces, the
     * project's and the drifted ones.
     */
    public String workspaces(Owner organization, String projectId, int n) throws SQLException {
        project(organization, projectId);
        insert("""
                INSERT INTO workspaces (id, organization_id, project_id, name, status, drift_status, drift_checked_at,
                                        drift_check_id, created_at, updated_at, last_event_position)
                SELECT 'wks_' || :pad || '_' || :tag, :owner, '%s', 'ws-' || :pad, 'active', 'drifted', created,
                       'drf_' || :pad, created, now(), 1
                FROM (SELECT g, :created AS created FROM generate_series(1, ?) g) rows"""
                .formatted(projectId.replace("'", "''")), organization, n);
        return newestFirst("wks", n / 2);
    }

    /** {@code n} runs of the workspace {@code workspaceId} (made here, in a project of its own), newest first. */
    public String runs(Owner organization, String workspaceId, int n) throws SQLException {
        String projectId = "prj_of_" + workspaceId;
        project(organization, projectId);
        insert("""
                INSERT INTO workspaces (id, organization_id, project_id, name, status, created_at, updated_at,
                                        last_event_position)
                SELECT '%s', :owner, '%s', 'runs', 'active', now(), now(), 1 FROM generate_series(1, ?) g"""
                .formatted(workspaceId.replace("'", "''"), projectId.replace("'", "''")), organization, 1);
        insert("""
                INSERT INTO workspace_runs (id, organization_id, project_id, workspace_id, operation, status,
                                            trigger_source, created_at, updated_at, last_event_position)
                SELECT 'run_' || :pad || '_' || :tag, :owner, '%s', '%s', 'plan', 'succeeded', 'vcs', :created,
                       now(), 1
                FROM generate_series(1, ?) g""".formatted(projectId.replace("'", "''"),
                workspaceId.replace("'", "''")), organization, n);
        return newestFirst("run", n / 2);
    }

    /** {@code n} drift checks of the workspace {@code workspaceId}, newest first. */
    public String driftChecks(Owner organization, String workspaceId, int n) throws SQLException {
        insert("""
                INSERT INTO drift_detection (id, organization_id, project_id, workspace_id, status, trigger_source,
                                             resources_checked, resources_drifted, checked_at, created_at, updated_at,
                                             last_event_position)
                SELECT 'drf_' || :pad || '_' || :tag, :owner, 'prj_any', '%s', 'no-drift', 'schedule', 10, 0,
                       created, created, now(), 1
                FROM (SELECT g, :created AS created FROM generate_series(1, ?) g) rows"""
                .formatted(workspaceId.replace("'", "''")), organization, n);
        return newestFirst("drf", n / 2);
    }

    private void project(Owner organization, String projectId) throws SQLException {
        insert("""
                INSERT INTO projects (id, organization_id, name, status, created_at, updated_at, last_event_position)
                SELECT '%s', :owner, 'Project of the rows', 'active', now(), now(), 1 FROM generate_series(1, ?) g"""
                .formatted(projectId.replace("'", "''")), organization, 1);
    }

    /**
     * {@code n} tickets of the organization, newest first: the even rows about the project
     * {@code prj_large}, the odd ones about {@code prj_other}; every tenth in progress, the rest open.
     * The middle row is an even one in progress, so its cursor is deep in the organization's tickets,
     * the project's, those in progress and the project's in progress.
     */
    public String tickets(Owner organization, int n) throws SQLException {
        insert("""
                INSERT INTO tickets (id, organization_id, project_id, title, status, priority, created_at, updated_at,
                                     last_event_position)
                SELECT 'tkt_' || :pad || '_' || :tag, :owner,
                       CASE WHEN g % 2 = 0 THEN 'prj_large' ELSE 'prj_other' END, 'Ticket ' || g,
                       CASE WHEN g % 10 = 0 THEN 'in_progress' ELSE 'open' END, 'medium', :created, now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        return newestFirst("tkt", n / 20 * 10);
    }

    /** {@code n} comments numbered 1 to n on the ticket (or tickets) {@code ticket} names, and those tickets. */
    public String ticketComments(Owner organization, Owner ticket, int n) throws SQLException {
        insert("""
                INSERT INTO tickets (id, organization_id, title, status, priority, created_at, updated_at,
                                     last_event_position)
                SELECT :ticket, :owner, 'Commented', 'open', 'low', now(), now(), 1
                FROM generate_series(1, ?) g ON CONFLICT (id) DO NOTHING""".replace(":ticket", "(" + ticket.sql() + ")"),
                organization, n);
        insert("""
                INSERT INTO ticket_comments (ticket_id, number, organization_id, body, author_id, created_at,
                                             last_event_position)
                SELECT :ticket, g, :owner, 'Comment ' || g, 'usr_author', now(), 1
                FROM generate_series(1, ?) g""".replace(":ticket", "(" + ticket.sql() + ")"), organization, n);
        return PageRequest.cursor(Integer.toString(n / 2));
    }

    /** {@code n} modules of the organization, by coordinates (namespace {@code ns<g>}). */
    public String modules(Owner organization, int n) throws SQLException {
        insert("""
                INSERT INTO modules (id, organization_id, namespace, name, provider, module_key, latest_version,
                                     version_count, created_at, updated_at, last_event_position)
                SELECT 'mod_' || :pad || '_' || :tag, :owner, 'ns' || :pad, 'net' || :tag, 'aws',
                       'ns' || :pad || '/net' || :tag || '/aws', '1.0.0', 1, now(), now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        int middle = n / 2;
        return PageRequest.cursor(SortKey.of("ns" + padded(middle) + "/net" + tag + "/aws", id("mod", middle)));
    }

    /**
     * {@code n} versions of the module (or modules) {@code module} names: {@code 1.<g>.0}, every fifth
     * the pre-release {@code 1.<g>.0-rc.1} instead, with their sort columns as the projection writes them.
     */
    public String moduleVersions(Owner organization, Owner module, int n) throws SQLException {
        insert("""
                INSERT INTO module_registry (id, organization_id, module_id, namespace, name, provider, version, major,
                                             minor, patch, is_release, pre_release_key, source, status, published_at,
                                             created_at, updated_at, last_event_position)
                SELECT :module || '@' || v.version, :owner, :module, 'ns', 'net', 'aws', v.version, 1, g, 0,
                       g % 5 <> 0, CASE WHEN g % 5 = 0 THEN '1rc!00011!' ELSE '' END, './net', 'published', now(),
                       now(), now(), 1
                FROM generate_series(1, ?) g,
                     LATERAL (SELECT '1.' || g || '.0' || CASE WHEN g % 5 = 0 THEN '-rc.1' ELSE '' END AS version) v
                """.replace(":module", "(" + module.sql() + ")"), organization, n);
        int middle = n / 2;
        return PageRequest.cursor("1." + middle + ".0" + (middle % 5 == 0 ? "-rc.1" : ""));
    }

    /**
     * {@code n} credential types of the organization, newest first; with no organization ({@code null}),
     * system types every organization sees.
     */
    public String credentialTypes(Owner organization, int n) throws SQLException {
        insert("""
                INSERT INTO credential_type (id, organization_id, name, fields, created_at, updated_at,
                                             last_event_position)
                SELECT 'ctp_' || :pad || '_' || :tag, :owner, 'Type ' || :pad, '[]', :created, now(), 1
                FROM generate_series(1, ?) g""", organization, n);
        return newestFirst("ctp", n / 2);
    }

    /** {@code n} cloud provider ({@code cloud}) or app credentials of the organization, newest first. */
    public String credentials(Owner organization, boolean cloud, int n) throws SQLException {
        String kind = cloud ? "cred" : "appc";
        insert(("INSERT INTO " + (cloud ? "cloud_provider_credentials (provider, " : "app_credentials (")
                + """
                id, organization_id, credential_type_id, name, fields, version, status, created_at, updated_at,
                last_event_position)
                SELECT %s'%s_' || :pad || '_' || :tag, :owner, 'ctp_large', 'Credential ' || :pad, '{}', 1, 'active',
                       :created, now(), 1
                FROM generate_series(1, ?) g""".formatted(cloud ? "'aws', " : "", kind)), organization, n);
        return newestFirst(kind, n / 2);
    }

    /**
     * Runs an insert of {@code n} rows, with {@code :owner}, {@code :tag}, {@code :pad} and {@code :created}
     * filled in (for the lists of a context that keeps its fills in a class of its own, {@link GovernanceRows}).
     */
    void insert(String sql, Owner owner, int n) throws SQLException {
        String statementText = sql.replace(":owner", owner == null ? "NULL" : "(" + owner.sql() + ")")
                .replace(":tag", "'" + tag + "'").replace(":pad", PAD)
                .replace(":created", "CAST(? AS timestamptz) - g * interval '1 millisecond'");
        try (PreparedStatement statement = connection.prepareStatement(statementText)) {
            int at = 1;
            if (statementText.contains("CAST(? AS timestamptz)")) {
                statement.setTimestamp(at++, Timestamp.from(base));
            }
            statement.setInt(at, n);
            statement.executeUpdate();
        }
    }

    /** The cursor after row {@code g} of a newest-first list of ids of {@code kind}. */
    String newestFirst(String kind, int g) {
        return PageRequest.cursor(NewestFirst.key(base.minusMillis(g), id(kind, g)));
    }

    /** The id of row {@code g} of a list of ids of {@code kind}. */
    String id(String kind, int g) {
        return kind + "_" + padded(g) + "_" + tag;
    }

    /** When row {@code g} of a newest-first list was created. */
    Instant created(int g) {
        return base.minusMillis(g);
    }

    /** This instance's tag, which ends its rows' ids and names. */
    String tag() {
        return tag;
    }

    static String padded(int g) {
        return String.format(Locale.ROOT, "%07d", g);
    }
}
