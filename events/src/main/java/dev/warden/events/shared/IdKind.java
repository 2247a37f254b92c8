package dev.warden.events.shared;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The kinds of identifier Warden hands out. Every identifier is text: a type prefix and a random
 * tail of {@value #TAIL_LENGTH} URL-safe characters, so no sequential id is ever exposed and an id
 * says what it names. This is the one place identifiers are generated.
 */
public enum IdKind {
    USER("usr"), ACCOUNT("acc"), SESSION("ses"), ORGANIZATION("org"), MEMBER("mem"), API_KEY("key"),
    ROLE("role"), ACCESS_REQUEST("acr"), PROJECT("prj"), WORKSPACE("wks"), CONVERSATION("cnv"),
    MESSAGE("msg"), TICKET("tkt"), MODULE("mod"), DRIFT_CHECK("drf"), CREDENTIAL_TYPE("ctp"),
    CREDENTIAL("cred"), APP_CREDENTIAL("appc"), MCP_SERVER("mcp"), POLICY("pol"), AGENT_SESSION("ags"),
    BAA("baa"), AI_SYSTEM("ais"), INVITATION("inv");

    /** Length of the random tail: 21 characters of a 64-symbol alphabet, about 126 random bits. */
    public static final int TAIL_LENGTH = 21;

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String prefix;
    private final Pattern shape;

    IdKind(String prefix) {
        this.prefix = prefix;
        this.shape = Pattern.compile(Pattern.quote(prefix + "_") + "[0-9A-Za-z_-]{" + TAIL_LENGTH + "}");
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
}
