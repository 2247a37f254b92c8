package dev.warden.command.identity.web;

import dev.warden.events.shared.EndpointAccess.Open;
import dev.warden.events.shared.EndpointAccess;
import dev.warden.command.identity.AuthSettings;
import dev.warden.command.identity.web.IdentityRequests.SignIn;
import dev.warden.command.identity.web.IdentityRequests.SignedIn;
import dev.warden.command.support.RequestContext;
import dev.warden.command.support.Secrets;
import dev.warden.command.web.Caller;
import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.RevokeAllSessionsCommand;
import dev.warden.events.identity.RevokeSessionCommand;
import dev.warden.events.identity.SignInCommand;
import dev.warden.events.shared.Actor;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Signing in and out, and ending sessions. A sign-in answers an opaque token once, in the body and
 * as an HTTP-only, Secure, SameSite=Strict cookie; only the token's SHA-256 is stored.
 */
@RestController
class SessionCommandController {

    private final CommandSender commands;
    private final Clock clock;
    private final Duration ttl;

    SessionCommandController(CommandSender commands, Clock clock,
                             AuthSettings settings) {
        this.commands = commands;
        this.clock = clock;
        this.ttl = settings.sessionTtl();
    }

    @Open
    @PostMapping("/api/sessions")
    ResponseEntity<SignedIn> signIn(@Valid @RequestBody SignIn body, HttpServletRequest request) {
        String sessionId = IdKind.SESSION.next();
        String token = Secrets.newSecret(Secrets.SESSION_PREFIX);
        Instant expiresAt = clock.instant().plus(ttl);
        String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
        if (userAgent != null && userAgent.length() > 200) {
            userAgent = userAgent.substring(0, 200);
        }
        RequestContext context = RequestContext.current();
        SignInCommand.Outcome outcome = commands.callSettled(new SignInCommand(sessionId, body.email(), body.password(), body.totpCode(),
                Secrets.sha256(token), expiresAt, context == null ? null : context.clientAddress(), userAgent));
        switch (outcome) {
            case SECOND_FACTOR_REQUIRED -> throw new DomainException(IdentityErrorCode.SECOND_FACTOR_REQUIRED,
                    "This account needs a TOTP code: send totpCode with the sign-in");
            case INVALID_CREDENTIALS -> throw new DomainException(IdentityErrorCode.INVALID_CREDENTIALS,
                    "Email or password is wrong");
            default -> { }
        }
        return ResponseEntity.status(201).header(HttpHeaders.SET_COOKIE, cookie(token, ttl))
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new SignedIn(sessionId, token, expiresAt));
    }

    /** Signs out: ends the session the request came with. */
    @EndpointAccess.SignedIn
    @DeleteMapping("/api/sessions/current")
    ResponseEntity<CommandResponse> signOut(@RequestAttribute(Actor.ATTRIBUTE) Actor actor) {
        String userId = Caller.userId();
        var position = commands.sendSettled(new RevokeSessionCommand(actor.sessionId(), userId));
        return Responses.withCookie(Responses.ok(actor.sessionId(), position), cookie("", Duration.ZERO));
    }

    @EndpointAccess.SignedIn
    @DeleteMapping("/api/me/sessions/{sessionId}")
    ResponseEntity<CommandResponse> revoke(@PathVariable String sessionId) {
        String userId = Caller.userId();
        IdKind.SESSION.require(sessionId);
        return Responses.ok(sessionId, commands.sendSettled(new RevokeSessionCommand(sessionId, userId)));
    }

    @EndpointAccess.SignedIn
    @DeleteMapping("/api/me/sessions")
    ResponseEntity<CommandResponse> revokeAll() {
        String userId = Caller.userId();
        return Responses.ok(userId, commands.sendSettled(new RevokeAllSessionsCommand(userId)));
    }

    /** The session cookie: HTTP-only, Secure, SameSite=Strict; an empty value and no age clear it. */
    private static String cookie(String value, Duration maxAge) {
        return ResponseCookie.from(Secrets.SESSION_COOKIE, value).httpOnly(true).secure(true).sameSite("Strict")
                .path("/").maxAge(maxAge).build().toString();
    }
}
