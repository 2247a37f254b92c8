package dev.warden.command.access;

import dev.warden.events.access.PermissionDefinition;
import dev.warden.events.access.PermissionRegisteredEvent;
import dev.warden.events.access.Permissions;
import dev.warden.events.access.RegisterPermissionsCommand;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PermissionCatalogueTest {

    private static final String CATALOGUE_ID = Permissions.CATALOGUE_ID;
    private static final PermissionDefinition REPORTS_READ = new PermissionDefinition("reports", "read", "See reports");

    private AggregateTestFixture<PermissionCatalogue> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PermissionCatalogue.class);
    }

    private static PermissionRegisteredEvent registered(PermissionDefinition definition) {
        return new PermissionRegisteredEvent(CATALOGUE_ID, definition.name(), definition.resource(),
                definition.action(), definition.description());
    }

    private static Object[] registeredCatalogue() {
        return Permissions.CATALOGUE.stream().map(PermissionCatalogueTest::registered).toArray();
    }

    @Test
    void registersEveryPermissionOfCatalogueOnce() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPermissionsCommand(CATALOGUE_ID, Permissions.CATALOGUE))
                .expectEvents(registeredCatalogue());
    }

    @Test
    void registeringCatalogueAgainStoresNothing() {
        fixture.given(registeredCatalogue())
                .when(new RegisterPermissionsCommand(CATALOGUE_ID, Permissions.CATALOGUE))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void registersOnlyPermissionCatalogueDoesNotKnowYet() {
        List<PermissionDefinition> grown = new ArrayList<>(Permissions.CATALOGUE);
        grown.add(REPORTS_READ);

        fixture.given(registeredCatalogue())
                .when(new RegisterPermissionsCommand(CATALOGUE_ID, grown))
                .expectEvents(registered(REPORTS_READ));
    }

    @Test
    void registersPermissionListedTwiceOnlyOnce() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPermissionsCommand(CATALOGUE_ID, List.of(REPORTS_READ, REPORTS_READ)))
                .expectEvents(registered(REPORTS_READ));
    }

    @Test
    void neverRemovesPermissionMissingFromCommand() {
        fixture.given(registeredCatalogue())
                .when(new RegisterPermissionsCommand(CATALOGUE_ID, List.of(REPORTS_READ)))
                .expectEvents(registered(REPORTS_READ));
    }
}
