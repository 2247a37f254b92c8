package dev.warden.command.governance;

import static dev.warden.events.governance.GovernanceErrorCode.INVALID_LABELS;
import static dev.warden.events.governance.GovernanceErrorCode.INVALID_TRANSPORT;

import dev.warden.events.governance.GovernanceErrorCode;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.Text;
import dev.warden.events.shared.TextRule;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rules of a server's registration: its name (unique in the organization, ignoring case), its
 * transport with the address that transport needs, and its labels. An address never carries a
 * secret: a URL with user information is refused (the credential reference is where a secret goes).
 */
final class McpServerRules {

    static final Set<String> TRANSPORTS = Set.of("streamable-http", "sse", "stdio");
    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_URL_LENGTH = 2000;
    static final int MAX_COMMAND_LENGTH = 1000;
    static final int MAX_REASON_LENGTH = 500;
    static final int MAX_LABELS = 50;
    static final int MAX_LABEL_VALUE_LENGTH = 255;
    private static final String NAME_SCOPE = "mcp-server-name:";
    private static final TextRule NAME = TextRule.line(GovernanceErrorCode.INVALID_SERVER_NAME, "A server name",
            MAX_NAME_LENGTH);
    private static final TextRule COMMAND = TextRule.line(INVALID_TRANSPORT, "A stdio server's command",
            MAX_COMMAND_LENGTH);
    private static final TextRule REASON = TextRule.paragraph(GovernanceErrorCode.INVALID_SUSPENSION_REASON,
            "A suspension reason", MAX_REASON_LENGTH);
    private static final TextRule LABEL_VALUE = new TextRule(INVALID_LABELS, "A label value",
            MAX_LABEL_VALUE_LENGTH, true, false);
    /** 1 to 63 of lower-case letters, digits, {@code . _ / -}, starting and ending with a letter or digit. */
    private static final Pattern LABEL_KEY = Pattern.compile("[a-z0-9](?:[a-z0-9._/-]{0,61}[a-z0-9])?");

    /** A server's registration, checked: name and command stripped, the address its transport needs, labels sorted. */
    record Definition(String name, String transport, String url, String command, String credentialId,
                      SortedMap<String, String> labels) {
    }

    private McpServerRules() {
    }

    /** The registration checked, but for the credential (the handler asks whether it is usable). */
    static Definition definition(String name, String transport, String url, String command, String credentialId,
                                 Map<String, String> labels) {
        String checkedName = NAME.check(name);
        if (transport == null || !TRANSPORTS.contains(transport)) {
            throw new DomainException(INVALID_TRANSPORT, "The transport '" + Text.excerpt(transport)
                    + "' is none of streamable-http, sse and stdio");
        }
        boolean stdio = transport.equals("stdio");
        String given = stdio ? url : command;
        if (given != null && !given.isBlank()) {
            throw new DomainException(INVALID_TRANSPORT, stdio ? "A stdio server has a command, not a url"
                    : "A " + transport + " server has a url, not a command");
        }
        String credential = credentialId == null || credentialId.isBlank() ? null : credentialId.strip();
        return new Definition(checkedName, transport, stdio ? null : url(url), stdio ? COMMAND.check(command) : null,
                credential, labels(labels));
    }

    /** An absolute http(s) URL with a host and without user information or fragment. */
    static String url(String raw) {
        String url = raw == null ? "" : raw.strip();
        if (url.isEmpty()) {
            throw new DomainException(INVALID_TRANSPORT, "A streamable-http or sse server needs a url (http or https)");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new DomainException(INVALID_TRANSPORT, "A server's url has at most " + MAX_URL_LENGTH
                    + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new DomainException(INVALID_TRANSPORT, "The url '" + Text.excerpt(url) + "' is not a valid URI");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new DomainException(INVALID_TRANSPORT, "The url '" + Text.excerpt(url)
                    + "' is not an absolute http or https URL with a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new DomainException(INVALID_TRANSPORT, "A server's url carries no user or password; refer to a "
                    + "stored credential with credentialId instead");
        }
        if (uri.getRawFragment() != null) {
            throw new DomainException(INVALID_TRANSPORT, "A server's url has no fragment (#...)");
        }
        return url;
    }

    /** The labels checked, sorted by key, values stripped; none when {@code raw} is {@code null}. */
    static SortedMap<String, String> labels(Map<String, String> raw) {
        SortedMap<String, String> labels = new TreeMap<>();
        if (raw != null && raw.size() > MAX_LABELS) {
            throw new DomainException(INVALID_LABELS, "A server has at most " + MAX_LABELS + " labels");
        }
        if (raw != null) {
            for (Map.Entry<String, String> label : raw.entrySet()) {
                if (label.getKey() == null || !LABEL_KEY.matcher(label.getKey()).matches()) {
                    throw new DomainException(INVALID_LABELS, "The label key '" + Text.excerpt(label.getKey())
                            + "' is not 1 to 63 lower-case letters, digits and . _ / - starting and ending with a"
                            + " letter or digit");
                }
                labels.put(label.getKey(), LABEL_VALUE.check(label.getValue()));
            }
        }
        return labels;
    }

    /** A suspension's reason stripped; empty when none is given. */
    static String reason(String raw) {
        return REASON.check(raw);
    }

    /** The uniqueness scope of the server names of {@code organizationId}. */
    static String nameScope(String organizationId) {
        return NAME_SCOPE + organizationId;
    }

    /** The uniqueness key of a name, the same for names that differ only in case. */
    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** The refusal of a name (checked already) another server of the organization holds. */
    static DomainException nameTaken(String name) {
        return new DomainException(GovernanceErrorCode.SERVER_NAME_TAKEN, "A server named '" + name
                + "' is registered already in this organization");
    }
}
