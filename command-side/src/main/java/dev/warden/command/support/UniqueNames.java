package dev.warden.command.support;

import java.util.List;
import java.util.Optional;

/**
 * Set-wide uniqueness that no single aggregate can check (an email across all users, a role name
 * within an organization). A claim is written in the command's own transaction, so it disappears
 * when the command fails and two concurrent commands cannot both win.
 */
public interface UniqueNames {

    /**
     * Claims {@code key} within {@code scope} for {@code owner}. Returns {@code true} when the key is
     * now held by {@code owner} (also when it already was), {@code false} when someone else holds it.
     */
    boolean claim(String scope, String key, String owner);

    /** Gives up a claim; does nothing unless {@code owner} holds it. */
    void release(String scope, String key, String owner);

    /** Who holds {@code key} within {@code scope}. */
    Optional<String> ownerOf(String scope, String key);

    /** Whether anyone holds a key within {@code scope}. */
    boolean anyIn(String scope);

    /** The keys {@code owner} holds within {@code scope}, in key order (so a claim can be released by its owner). */
    List<String> keysOf(String scope, String owner);

    /**
     * Whether anyone but {@code owner} holds a key within {@code scope}. The scope's claims stay locked until
     * the transaction ends, so two commands that each give up their own claim cannot both count on the other's.
     */
    boolean anyOtherIn(String scope, String owner);

    /** Whether {@code owner} holds any key within {@code scope}. */
    boolean holdsAny(String scope, String owner);
}
