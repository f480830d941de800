package org.haven.security;

import jakarta.ws.rs.NotFoundException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SiteScopeTest {

    private final IdentityConfig config = TestIdentityConfig.defaults();

    @Test
    void supervisorSeesOnlyTheirOwnSite() {
        var scope = scopeOf(HavenRole.SUPERVISOR, List.of("site-north"));

        assertThat(scope.visibleSites()).containsExactly("site-north");
        assertThatCode(() -> scope.requireVisible("site-north")).doesNotThrowAnyException();
        assertThatThrownBy(() -> scope.requireVisible("site-south", "No incident 42"))
                .isInstanceOf(SiteNotVisibleException.class)
                .isInstanceOf(NotFoundException.class)
                .hasMessage("No incident 42");
    }

    @Test
    void directorSeesEverySiteOfTheirProgram() {
        var scope = scopeOf(HavenRole.DIRECTOR, List.of("site-north", "site-south"));

        assertThat(scope.visibleSites()).containsExactlyInAnyOrder("site-north", "site-south");
        assertThat(scope.isVisible("site-south")).isTrue();
        assertThat(scope.isVisible("site-east")).isFalse();
    }

    @Test
    void adminWithoutSitesSeesNoSiteScopedRow() {
        var scope = scopeOf(HavenRole.ADMIN, List.of());

        assertThat(scope.visibleSites()).isEmpty();
        assertThatThrownBy(() -> scope.requireVisible("site-north")).isInstanceOf(SiteNotVisibleException.class)
                .hasMessage(SiteScope.NOT_FOUND);
    }

    @Test
    void aRowWithoutSiteIsNotVisible() {
        assertThat(scopeOf(HavenRole.DIRECTOR, List.of("site-north")).isVisible(null)).isFalse();
    }

    private SiteScope scopeOf(String role, List<String> sites) {
        var token = new ClaimsToken(Map.of("preferred_username", "someone", "haven_sites", sites));
        return new SiteScope(new Caller(CallerTest.identity(token, role), config));
    }
}
