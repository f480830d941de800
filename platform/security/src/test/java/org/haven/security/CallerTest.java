package org.haven.security;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerTest {

    private final IdentityConfig config = TestIdentityConfig.defaults();

    @Test
    void callerIsTheTokensPersonWithTheirRolesAndSites() {
        var token = new ClaimsToken(Map.of("preferred_username", "sup-north", "sub", "3f1c", "haven_sites", List.of("site-north")));
        var caller = new Caller(identity(token, HavenRole.SUPERVISOR), config);

        assertThat(caller.isAuthenticated()).isTrue();
        assertThat(caller.personId()).isEqualTo("sup-north");
        assertThat(caller.is(HavenRole.SUPERVISOR)).isTrue();
        assertThat(caller.is(HavenRole.DIRECTOR)).isFalse();
        assertThat(caller.sites()).containsExactly("site-north");
    }

    @Test
    void personIdComesFromTheConfiguredClaim() {
        var token = new ClaimsToken(Map.of("preferred_username", "ana@haven.example", "employee_id", Json.createValue("staff-ana")));
        var byEmployeeId = new TestIdentityConfig("employee_id", "haven_sites", "groups", "haven-site-");

        assertThat(new Caller(identity(token, HavenRole.STAFF), byEmployeeId).personId()).isEqualTo("staff-ana");
    }

    @Test
    void aTokenWithoutThePersonClaimIsForbiddenNotGuessed() {
        var token = new ClaimsToken(Map.of("sub", "3f1c"));
        var caller = new Caller(identity(token, HavenRole.STAFF), config);

        assertThatThrownBy(caller::personId).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void anAnonymousCallerHasNoSitesAndNoPersonId() {
        var caller = new Caller(QuarkusSecurityIdentity.builder().setAnonymous(true).setPrincipal(new QuarkusPrincipal("")).build(), config);

        assertThat(caller.isAuthenticated()).isFalse();
        assertThat(caller.sites()).isEmpty();
        assertThatThrownBy(caller::personId).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void anIdentityNotFromATokenIsKnownByItsNameAndHasNoSites() {
        var identity = QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal("staff-ben")).addRole(HavenRole.STAFF).build();
        var caller = new Caller(identity, config);

        assertThat(caller.personId()).isEqualTo("staff-ben");
        assertThat(caller.sites()).isEmpty();
    }

    static QuarkusSecurityIdentity identity(ClaimsToken token, String... roles) {
        var builder = QuarkusSecurityIdentity.builder().setPrincipal(token);
        for (String role : roles) {
            builder.addRole(role);
        }
        return builder.build();
    }
}
