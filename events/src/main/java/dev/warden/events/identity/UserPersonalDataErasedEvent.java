package dev.warden.events.identity;

import java.util.List;
import org.axonframework.serialization.Revision;

/**
 * A user's personal data was erased: their data key is destroyed, so the email and name in their
 * earlier events (of revision 2) can no longer be read; their email is free for anyone again and they
 * can no longer sign in. The invitations addressed to their email had their keys destroyed too
 * ({@code invitationIds}). Holds ids only.
 */
@Revision("1")
public record UserPersonalDataErasedEvent(String userId,
                                          List<String> invitationIds) {
}
