package dev.warden.command.identity.web;

import dev.warden.events.shared.EndpointAccess.SignedIn;
import dev.warden.command.identity.Credentials;
import dev.warden.command.identity.PasswordHasher;
import dev.warden.command.identity.Totp;
import dev.warden.command.identity.web.IdentityRequests.ChangePassword;
import dev.warden.command.identity.web.IdentityRequests.ChangeProfile;
import dev.warden.command.identity.web.IdentityRequests.LinkAccount;
import dev.warden.command.identity.web.IdentityRequests.TotpCode;
import dev.warden.command.identity.web.IdentityRequests.TotpEnrolment;
import dev.warden.command.web.Caller;
import dev.warden.command.web.CommandResponse;
import dev.warden.command.web.CommandSender;
import dev.warden.command.web.Responses;
import dev.warden.events.identity.BeginTotpEnrolmentCommand;
import dev.warden.events.identity.ChangeDisplayNameCommand;
import dev.warden.events.identity.ChangeEmailCommand;
import dev.warden.events.identity.ChangePasswordCommand;
import dev.warden.events.identity.DisableTotpCommand;
import dev.warden.events.identity.EnableTotpCommand;
import dev.warden.events.identity.IdentityErrorCode;
import dev.warden.events.identity.LinkAccountCommand;
import dev.warden.events.identity.RemovePasswordCommand;
import dev.warden.events.identity.UnlinkAccountCommand;
import dev.warden.events.shared.DomainException;
import dev.warden.events.shared.IdKind;
import jakarta.validation.Valid;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** What signed-in users change about themselves: profile, password, linked accounts, second factor. */
@RestController
class MeCommandController {

    private final CommandSender commands;
    private final PasswordHasher hasher;
    private final Credentials credentials;

    MeCommandController(CommandSender commands, PasswordHasher hasher, Credentials credentials) {
        this.commands = commands;
        this.hasher = hasher;
        this.credentials = credentials;
    }

    @SignedIn
    @PatchMapping("/api/me")
    ResponseEntity<CommandResponse> changeProfile(@Valid @RequestBody ChangeProfile body) {
        String userId = Caller.userId();
        if (body.email() == null && body.displayName() == null) {
            throw new DomainException(IdentityErrorCode.INVALID_NAME, "Send an email, a displayName or both");
        }
        OptionalLong position = OptionalLong.empty();
        if (body.displayName() != null) {
            position = later(position, commands.send(new ChangeDisplayNameCommand(userId, body.displayName())));
        }
        if (body.email() != null) {
            position = later(position, commands.send(new ChangeEmailCommand(userId, body.email())));
        }
        return Responses.ok(userId, position);
    }

    /** Changes the password after checking the current one (the hash is computed before the command). */
    @SignedIn
    @PutMapping("/api/me/password")
    ResponseEntity<CommandResponse> changePassword(@Valid @RequestBody ChangePassword body) {
        String userId = Caller.userId();
        if (!hasher.matches(body.currentPassword(), credentials.passwordHash(userId).orElse(null))) {
            throw new DomainException(IdentityErrorCode.CURRENT_PASSWORD_WRONG, "The current password is wrong");
        }
        hasher.requireAcceptable(body.newPassword(), null);
        return Responses.ok(userId, commands.send(new ChangePasswordCommand(userId, hasher.hash(body.newPassword()))));
    }

    @SignedIn
    @DeleteMapping("/api/me/password")
    ResponseEntity<CommandResponse> removePassword() {
        String userId = Caller.userId();
        return Responses.ok(userId, commands.send(new RemovePasswordCommand(userId)));
    }

    @SignedIn
    @PostMapping("/api/me/accounts")
    ResponseEntity<CommandResponse> linkAccount(@Valid @RequestBody LinkAccount body) {
        String userId = Caller.userId();
        String accountId = IdKind.ACCOUNT.next();
        var position = commands.send(new LinkAccountCommand(userId, accountId, body.provider(),
                body.providerAccountId()));
        return Responses.created(accountId, position, "/api/me/accounts/" + accountId);
    }

    @SignedIn
    @DeleteMapping("/api/me/accounts/{accountId}")
    ResponseEntity<CommandResponse> unlinkAccount(@PathVariable String accountId) {
        String userId = Caller.userId();
        IdKind.ACCOUNT.require(accountId);
        return Responses.ok(accountId, commands.send(new UnlinkAccountCommand(userId, accountId)));
    }

    /** Starts a TOTP enrolment: answers the secret once; confirm it with a code to turn TOTP on. */
    @SignedIn
    @PostMapping("/api/me/totp")
    ResponseEntity<TotpEnrolment> beginTotp() {
        String userId = Caller.userId();
        String secret = commands.call(new BeginTotpEnrolmentCommand(userId));
        return ResponseEntity.status(201).header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new TotpEnrolment(secret, Totp.uri(secret, userId)));
    }

    @SignedIn
    @PostMapping("/api/me/totp/confirm")
    ResponseEntity<CommandResponse> confirmTotp(@Valid @RequestBody TotpCode body) {
        String userId = Caller.userId();
        return Responses.ok(userId, commands.send(new EnableTotpCommand(userId, body.code())));
    }

    @SignedIn
    @PostMapping("/api/me/totp/disable")
    ResponseEntity<CommandResponse> disableTotp(@Valid @RequestBody TotpCode body) {
        String userId = Caller.userId();
        return Responses.ok(userId, commands.send(new DisableTotpCommand(userId, body.code())));
    }

    private static OptionalLong later(OptionalLong a, OptionalLong b) {
        return b.isPresent() ? b : a;
    }
}
