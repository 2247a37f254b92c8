package dev.warden.app.security;

import dev.warden.events.shared.SecurityErrorCode;
import dev.warden.events.shared.IdKind;
import dev.warden.app.security.AccessRules.Operator;
import dev.warden.app.security.AccessRules.OrgPermission;
import dev.warden.app.security.AccessRules.Public;
import dev.warden.app.security.AccessRules.SelfOrOperator;
import dev.warden.app.security.AccessRules.Requirement;
import dev.warden.command.support.PermissionDenials;
import dev.warden.command.support.RequestContext;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.DomainException;
import dev.warden.query.support.CallerLookup.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Authentication and authorization of every API request, before its handler runs: finds the rule
 * of the endpoint in {@link AccessRules}, the caller from the request's credentials, and for an
 * organization endpoint the caller's permissions there. A caller who is not in the organization of
 * the path gets 404, exactly as for an organization that does not exist; a member without the
 * permission gets 403, and the refusal is recorded in the log ({@link PermissionDenials}). The caller
 * becomes the actor of every event the request causes.
 */
@Component
class SecurityInterceptor implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(SecurityInterceptor.class);
    private static final String SCOPE = SecurityInterceptor.class.getName() + ".scope";

    private final AccessRules rules;
    private final Authenticator authenticator;
    private final PermissionDenials denials;

    private final Timer checks;

    SecurityInterceptor(AccessRules rules, Authenticator authenticator, PermissionDenials denials,
                        MeterRegistry meters) {
        this.rules = rules;
        this.authenticator = authenticator;
        this.denials = denials;
        this.checks = Timer.builder("warden.security.authentication")
                .description("Authenticating and authorizing API requests (credential and permission reads), refusals included")
                .register(meters);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod handlerMethod)) {
            return true;
        }
        long start = System.nanoTime();
        try {
            return check(request, handlerMethod);
        } finally {
            checks.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
    }

    private boolean check(HttpServletRequest request, HandlerMethod handler) {
        Requirement rule = rules.of(handler.getMethod()).orElse(null);
        if (rule == null) {
            log.error("No access rule for {} {}; refusing it", request.getMethod(), handler.getShortLogMessage());
            throw new DomainException(SecurityErrorCode.PERMISSION_DENIED, "This endpoint is not open to anyone");
        }
        if (rule instanceof Public) {
            return true;
        }
        String organizationId = rule instanceof OrgPermission ? pathVariable(request, "orgId") : null;
        Caller caller = authenticator.authenticate(request, organizationId).orElseThrow(() ->
                new DomainException(SecurityErrorCode.AUTHENTICATION_REQUIRED,
                        "Sign in: send a session token or an API key as 'Authorization: Bearer ...'"));
        Actor actor = caller.actor();
        request.setAttribute(Actor.ATTRIBUTE, actor);
        RequestContext current = RequestContext.current();
        // A query-only process has no request metadata filter; start from a fresh request context.
        String requestId = UUID.randomUUID().toString();
        RequestContext context = current != null ? current
                : new RequestContext("anonymous", "anonymous", null, requestId, requestId, request.getRemoteAddr(),
                        Set.of());
        RequestContext acting;
        if (rule instanceof OrgPermission required) {
            Set<String> held = caller.permissions()
                    .orElseThrow(() -> IdKind.ORGANIZATION.notFound(organizationId));
            acting = context.as(actor.type(), actor.id(), organizationId, held);
            if (!held.contains(required.permission())) {
                denials.record(acting, required.permission(), request.getMethod(), request.getRequestURI());
                throw new DomainException(SecurityErrorCode.PERMISSION_DENIED,
                        "You lack the permission " + required.permission() + " in this organization");
            }
        } else {
            if (!actor.isUser()) {
                throw SecurityErrorCode.usersOnly();
            }
            if (rule instanceof Operator && !caller.operator()) {
                throw SecurityErrorCode.operatorsOnly();
            }
            if (rule instanceof SelfOrOperator && !caller.operator()
                    && !actor.id().equals(pathVariable(request, "userId"))) {
                throw SecurityErrorCode.selfOrOperatorOnly();
            }
            acting = context.as(actor.type(), actor.id(), null, Set.of());
        }
        request.setAttribute(SCOPE, RequestContext.open(acting));
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception ex) {
        if (request.getAttribute(SCOPE) instanceof RequestContext.Scope scope) {
            request.removeAttribute(SCOPE);
            scope.close();
        }
    }

    @SuppressWarnings("unchecked")
    private static String pathVariable(HttpServletRequest request, String name) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        return variables instanceof Map<?, ?> map && map.get(name) instanceof String value ? value : "";
    }
}
