package dev.warden.command.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link UniqueNames} in a map, for fixture tests. Unlike the table it has no transaction: a claim
 * made by a command that fails later stays in place.
 */
public final class InMemoryUniqueNames implements UniqueNames {

    private final Map<String, String> owners = new HashMap<>();

    @Override
    public boolean claim(String scope, String key, String owner) {
        String holder = owners.putIfAbsent(entry(scope, key), owner);
        return holder == null || holder.equals(owner);
    }

    @Override
    public void release(String scope, String key, String owner) {
        owners.remove(entry(scope, key), owner);
    }

    @Override
    public Optional<String> ownerOf(String scope, String key) {
        return Optional.ofNullable(owners.get(entry(scope, key)));
    }

    @Override
    public boolean anyIn(String scope) {
        String prefix = Objects.requireNonNull(scope) + "\u0000";
        return owners.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    @Override
    public boolean anyOtherIn(String scope, String owner) {
        String prefix = Objects.requireNonNull(scope) + "\u0000";
        return owners.entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith(prefix) && !e.getValue().equals(owner));
    }

    @Override
    public boolean holdsAny(String scope, String owner) {
        String prefix = Objects.requireNonNull(scope) + "\u0000";
        return owners.entrySet().stream()
                .anyMatch(e -> e.getKey().startsWith(prefix) && e.getValue().equals(owner));
    }

    @Override
    public List<String> keysOf(String scope, String owner) {
        String prefix = Objects.requireNonNull(scope) + "\u0000";
        return owners.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix) && e.getValue().equals(owner))
                .map(e -> e.getKey().substring(prefix.length()))
                .sorted()
                .toList();
    }

    private static String entry(String scope, String key) {
        return Objects.requireNonNull(scope) + "\u0000" + Objects.requireNonNull(key);
    }
}
