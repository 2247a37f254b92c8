package dev.warden.events.shared;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The kinds of identifier Warden hands out. Every identifier is text: a type prefix and a random
 * tail of {@value #TAIL_LENGTH} URL-safe characters, so no sequential id is ever exposed and an id
 * says what it names. This is the one place identifiers are generated.
 */
public enum IdKind {
    USER("usr", "user"), ACCOUNT("acc", "linked account"), SESSION("ses", "session"),
    ORGANIZATION("org", "organization"), MEMBER("mem", "member"), API_KEY("key", "API key"), ROLE("role", "role"),
    ACCESS_REQUEST("acr", "access request"), PROJECT("prj", "project"), WORKSPACE("wks", "workspace"),
    CONVERSATION("cnv", "conversation"), MESSAGE("msg", "message"), TICKET("tkt", "ticket"),
    MODULE("mod", "module"), DRIFT_CHECK("drf", "drift check"), CREDENTIAL_TYPE("ctp", "credential type"),
    CREDENTIAL("cred", "credential"), APP_CREDENTIAL("appc", "app credential"), MCP_SERVER("mcp", "MCP server"),
    POLICY("pol", "policy"), AGENT_SESSION("ags", "agent session"), BAA("baa", "business associate agreement"),
    AI_SYSTEM("ais", "AI system"), INVITATION("inv", "invitation"), RUN("run", "run"),
    TOOL_CALL("tcl", "tool call"), APPROVAL("apv", "approval"), DECISION("dec", "decision");

    /** Length of the random tail: 21 characters of a 64-symbol alphabet, about 126 random bits. */
    public static final int TAIL_LENGTH = 21;

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final String noun;
    private final Pattern shape;
    private final ErrorCode notFound;

    IdKind(String prefix, String noun) {
        this.prefix = prefix;
        this.noun = noun;
        this.shape = Pattern.compile(Pattern.quote(prefix + "_") + "[0-9A-Za-z_-]{" + TAIL_LENGTH + "}");
        this.notFound = new NotFound(name() + "_NOT_FOUND");
    }

    /** The kind whose prefix {@code id} carries, if any. */
    public static Optional<IdKind> of(String id) {
        for (IdKind kind : values()) {
            if (kind.matches(id)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** The refusal code when a thing of this kind is missing or not visible: {@code <KIND>_NOT_FOUND}. */
    public ErrorCode notFoundCode() {
        return notFound;
    }

    /** The refusal of a missing (or invisible) thing of this kind, quoting only a short excerpt of {@code id}. */
    public DomainException notFound(String id) {
        return new DomainException(notFound, "No " + noun + " " + Text.excerpt(id));
    }

    /** Answers {@code id} if it has the shape of this kind; an id of another shape names nothing (404). */
    public String require(String id) {
        if (!matches(id)) {
            throw notFound(id);
        }
        return id;
    }

    /** The prefix without its underscore, for example {@code usr}. */
    public String prefix() {
        return prefix;
    }

    /** A new random identifier of this kind. */
    public String next() {
        byte[] bytes = new byte[TAIL_LENGTH];
        RANDOM.nextBytes(bytes);
        StringBuilder id = new StringBuilder(prefix.length() + 1 + TAIL_LENGTH).append(prefix).append('_');
        for (byte b : bytes) {
            id.append(ALPHABET[b & 63]);
        }
        return id.toString();
    }

    /** Whether {@code candidate} is a well-formed identifier of this kind. */
    public boolean matches(String candidate) {
        return candidate != null && shape.matcher(candidate).matches();
    }

    /** The not-found code of one kind; every kind has exactly one, compared by identity. */
    private record NotFound(String name) implements ErrorCode {

        @Override
        public Kind kind() {
            return Kind.NOT_FOUND;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
