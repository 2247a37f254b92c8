package dev.warden.app.security;

import dev.warden.events.shared.EndpointAccess;
import dev.warden.events.shared.KnownPermissions;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call which endpoint: read from the {@link EndpointAccess} annotation on each handler
 * method, so the rule sits where the endpoint is. An endpoint with none (or an unknown permission)
 * stops the start; the interceptor refuses one anyway (fail closed). The permission matrix of the
 * README and of {@code GET /api/access-rules} is generated from here.
 */
@Component
public class AccessRules {

    /** What an endpoint requires. */
    public sealed interface Requirement permits Public, SignedInUser, Operator, SelfOrOperator, OrgPermission {
    }

    /** Anyone, no credentials (signing in). */
    public record Public() implements Requirement {
    }

    /** A user signed in with a session (not an API key): things about oneself, creating organizations. */
    public record SignedInUser() implements Requirement {
    }

    /** A signed-in operator: account-wide actions that reach past every organization. */
    public record Operator() implements Requirement {
    }

    /** A signed-in user on their own account (the path's {@code {userId}}), or an operator on anyone's. */
    public record SelfOrOperator() implements Requirement {
    }

    /** A caller holding {@code permission} in the organization of the path. */
    public record OrgPermission(String permission) implements Requirement {
    }

    private final ApplicationContext context;
    private final KnownPermissions permissions;
    private volatile Map<String, Requirement> rules;

    AccessRules(ApplicationContext context, KnownPermissions permissions) {
        this.context = context;
        this.permissions = permissions;
    }

    /**
     * The rule declared on {@code method}; empty when it declares none, more than one, or a
     * permission that is not in the catalogue.
     */
    public Optional<Requirement> of(Method method) {
        List<Requirement> declared = new ArrayList<>();
        if (method.isAnnotationPresent(EndpointAccess.Open.class)) {
            declared.add(new Public());
        }
        if (method.isAnnotationPresent(EndpointAccess.SignedIn.class)) {
            declared.add(new SignedInUser());
        }
        if (method.isAnnotationPresent(EndpointAccess.OperatorOnly.class)) {
            declared.add(new Operator());
        }
        if (method.isAnnotationPresent(EndpointAccess.SelfOrOperator.class)) {
            declared.add(new SelfOrOperator());
        }
        EndpointAccess.Requires requires = method.getAnnotation(EndpointAccess.Requires.class);
        if (requires != null && permissions.isKnown(requires.value())) {
            declared.add(new OrgPermission(requires.value()));
        }
        return declared.size() == 1 ? Optional.of(declared.get(0)) : Optional.empty();
    }

    /** Every /api endpoint, as "METHOD pattern", to its rule, sorted by path then method. */
    public Map<String, Requirement> all() {
        Map<String, Requirement> known = rules;
        if (known == null) {
            known = scan();
            rules = known;
        }
        return known;
    }

    /** Reads every endpoint's rule once the mappings exist, so a missing one stops the start. */
    @EventListener(ContextRefreshedEvent.class)
    void checkEveryEndpoint() {
        rules = scan();
    }

    /** The rule of an endpoint, by HTTP method and the path pattern it is mapped to. */
    public Optional<Requirement> of(String method, String pattern) {
        return Optional.ofNullable(all().get(method + " " + pattern));
    }

    private Map<String, Requirement> scan() {
        Map<String, Requirement> found = new TreeMap<>((a, b) -> {
            int byPath = a.substring(a.indexOf(' ')).compareTo(b.substring(b.indexOf(' ')));
            return byPath != 0 ? byPath : a.compareTo(b);
        });
        List<String> undeclared = new ArrayList<>();
        for (RequestMappingHandlerMapping mapping : context.getBeansOfType(RequestMappingHandlerMapping.class)
                .values()) {
            for (Map.Entry<RequestMappingInfo, HandlerMethod> handler : mapping.getHandlerMethods().entrySet()) {
                Set<String> patterns = handler.getKey().getPatternValues();
                for (String pattern : patterns) {
                    if (!pattern.startsWith("/api")) {
                        continue;
                    }
                    Optional<Requirement> rule = of(handler.getValue().getMethod());
                    handler.getKey().getMethodsCondition().getMethods().forEach(verb -> {
                        if (rule.isEmpty()) {
                            undeclared.add(verb + " " + pattern);
                        } else {
                            found.put(verb + " " + pattern, rule.get());
                        }
                    });
                }
            }
        }
        if (!undeclared.isEmpty()) {
            throw new IllegalStateException("Endpoints without exactly one access rule (EndpointAccess) or with an"
                    + " unknown permission: " + undeclared);
        }
        return Collections.unmodifiableMap(found);
    }
}
