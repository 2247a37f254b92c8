package dev.warden.command.access;

import dev.warden.command.identity.Organization;
import dev.warden.command.support.Aggregates;
import dev.warden.command.support.DueCommands;
import dev.warden.events.access.AccessErrorCode;
import dev.warden.events.access.ApproveAccessRequestCommand;
import dev.warden.events.access.AssignRoleCommand;
import dev.warden.events.access.CancelAccessRequestCommand;
import dev.warden.events.access.DenyAccessRequestCommand;
import dev.warden.events.access.ExpireAccessRequestCommand;
import dev.warden.events.access.RequestAccessCommand;
import dev.warden.events.shared.DomainException;
import java.time.Clock;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;

/**
 * A member asks for a role they lack; another member who may grant it approves or denies, the
 * requester may cancel, and an undecided request expires. An approval assigns the role.
 */
@Component
class AccessRequestCommandHandler {

    private final Repository<AccessRequest> requests;
    private final Repository<Role> roles;
    private final Repository<Organization> organizations;
    private final GrantableRoles grantable;
    private final Clock clock;
    private final DueCommands due;

    AccessRequestCommandHandler(@Qualifier("accessRequestRepository") Repository<AccessRequest> requests,
                                @Qualifier("roleRepository") Repository<Role> roles,
                                @Qualifier("organizationRepository") Repository<Organization> organizations,
                                GrantableRoles grantable, Clock clock, DueCommands due) {
        this.requests = requests;
        this.roles = roles;
        this.organizations = organizations;
        this.grantable = grantable;
        this.clock = clock;
        this.due = due;
    }

    @CommandHandler
    void handle(RequestAccessCommand command) throws Exception {
        Aggregates.load(roles, command.roleId()).execute(r -> r.requireAssignableIn(command.organizationId()));
        Aggregate<Organization> organization = Aggregates.load(organizations, command.organizationId());
        if (!organization.invoke(o -> o.hasMember(command.requesterId()))) {
            throw new DomainException(AccessErrorCode.NOT_A_MEMBER, "Only members can request access");
        }
        if (organization.invoke(o -> o.rolesOf(command.requesterId()).contains(command.roleId()))) {
            throw new DomainException(AccessErrorCode.ROLE_ALREADY_HELD, "You hold this role already");
        }
        requests.newInstance(() -> new AccessRequest(command));
        if (command.expiresAt() != null) {
            // A request decided before then finds nothing to expire.
            due.schedule(expiryKey(command.requestId()), command.expiresAt(),
                    new ExpireAccessRequestCommand(command.requestId(), command.organizationId()));
        }
    }

    /** What a request's expiry is scheduled under (also in migration V0014). */
    static String expiryKey(String requestId) {
        return "access-request-expiry:" + requestId;
    }

    /**
     * Approves a request and assigns its role in one transaction: both happen or neither. A retried
     * approval finds the request approved and stores nothing, so the role is assigned exactly once.
     */
    @CommandHandler
    void handle(ApproveAccessRequestCommand command) {
        Aggregate<AccessRequest> request = load(command.requestId(), command.organizationId());
        String roleId = request.invoke(AccessRequest::roleId);
        String requesterId = request.invoke(AccessRequest::requesterId);
        grantable.lockAgainstDelete(roleId);
        boolean approved = request.invoke(r -> r.approve(command.deciderId(), command.reason(), clock.instant()));
        if (approved) {
            grantable.require(roleId, command.organizationId());
            Aggregates.load(organizations, command.organizationId())
                    .execute(o -> o.assignRole(new AssignRoleCommand(command.organizationId(), requesterId, roleId)));
        }
    }

    @CommandHandler
    void handle(DenyAccessRequestCommand command) {
        load(command.requestId(), command.organizationId()).execute(r -> r.deny(command, clock.instant()));
    }

    @CommandHandler
    void handle(CancelAccessRequestCommand command) {
        load(command.requestId(), command.organizationId()).execute(r -> r.cancel(command));
    }

    @CommandHandler
    void handle(ExpireAccessRequestCommand command) {
        load(command.requestId(), command.organizationId()).execute(r -> r.expire(clock.instant()));
    }

    /** The request, if it is the organization's; another organization's request looks missing. */
    private Aggregate<AccessRequest> load(String requestId, String organizationId) {
        Aggregate<AccessRequest> request = Aggregates.load(requests, requestId);
        request.execute(r -> r.requireIn(organizationId));
        return request;
    }
}
