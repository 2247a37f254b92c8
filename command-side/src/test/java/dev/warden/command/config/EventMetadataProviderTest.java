package dev.warden.command.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.warden.command.support.RequestContext;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

class EventMetadataProviderTest {

    private final EventMetadataProvider provider = new EventMetadataProvider();
    private final MetaData metaData = MetaData.from(Map.of(
            RequestContext.ACTOR_ID, "usr_1", RequestContext.ACTOR_TYPE, "user",
            RequestContext.ORGANIZATION_ID, "org_1", RequestContext.REQUEST_ID, "req-1",
            RequestContext.CORRELATION_ID, "corr-1", "unrelated", "x"));

    @Test
    void aCommandsMetadataIsCarriedToItsEventsWithTheCommandAsCause() {
        var command = GenericCommandMessage.asCommandMessage("rename").andMetaData(metaData);

        Map<String, Object> data = Map.copyOf(provider.correlationDataFor(command));

        assertThat(data).containsEntry(RequestContext.ACTOR_ID, "usr_1")
                .containsEntry(RequestContext.ORGANIZATION_ID, "org_1")
                .containsEntry(RequestContext.CORRELATION_ID, "corr-1")
                .containsEntry(RequestContext.CAUSATION_ID, command.getIdentifier())
                .doesNotContainKey("unrelated");
    }

    @Test
    void anEventHandledByAProjectionCausesNothing() {
        var event = GenericEventMessage.asEventMessage("renamed").andMetaData(metaData);

        assertThat(provider.correlationDataFor(event)).isEmpty();
    }
}
