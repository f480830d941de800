package org.haven.security;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SiteClaimsTest {

    private final IdentityConfig config = TestIdentityConfig.defaults();

    @Test
    void sitesClaimAsJsonArrayGrantsEachSite() {
        var token = new ClaimsToken(Map.of("haven_sites", Json.createArrayBuilder().add("site-north").add("site-south").build()));

        assertThat(SiteClaims.sitesOf(token, config)).containsExactly("site-north", "site-south");
    }

    @Test
    void sitesClaimAsSpaceOrCommaSeparatedStringGrantsEachSite() {
        assertThat(SiteClaims.sitesOf(new ClaimsToken(Map.of("haven_sites", "site-north site-south")), config))
                .containsExactly("site-north", "site-south");
        assertThat(SiteClaims.sitesOf(new ClaimsToken(Map.of("haven_sites", " site-north, site-south ,site-east")), config))
                .containsExactly("site-north", "site-south", "site-east");
        assertThat(SiteClaims.sitesOf(new ClaimsToken(Map.of("haven_sites", Json.createValue("site-west"))), config))
                .containsExactly("site-west");
    }

    @Test
    void groupsWithTheSitePrefixGrantTheSiteNamedAfterThePrefix() {
        var token = new ClaimsToken(Map.of("groups", Set.of("haven-site-north", "/haven-site-south", "haven-supervisors", "haven-site-", "staff")));

        assertThat(SiteClaims.sitesOf(token, config)).containsExactlyInAnyOrder("north", "south");
    }

    @Test
    void sitesFromTheSitesClaimAndFromGroupsAreCombined() {
        var token = new ClaimsToken(Map.of(
                "haven_sites", List.of("site-north"),
                "groups", Json.createArrayBuilder().add("haven-site-south").add("haven-site-site-north").build()));

        assertThat(SiteClaims.sitesOf(token, config)).containsExactlyInAnyOrder("site-north", "south");
    }

    @Test
    void configuredClaimNamesAndPrefixAreUsed() {
        var entra = new TestIdentityConfig("oid", "extension_havenSites", "roles", "Haven.Site.");
        var token = new ClaimsToken(Map.of(
                "extension_havenSites", "maple-house",
                "roles", List.of("Haven.Site.oak-house", "supervisor"),
                "haven_sites", List.of("ignored"),
                "groups", List.of("haven-site-ignored")));

        assertThat(SiteClaims.sitesOf(token, entra)).containsExactlyInAnyOrder("maple-house", "oak-house");
    }

    @Test
    void aTokenWithoutSiteClaimsOrWithNonTextValuesGrantsNoSite() {
        assertThat(SiteClaims.sitesOf(new ClaimsToken(Map.of()), config)).isEmpty();
        var odd = new ClaimsToken(Map.of(
                "haven_sites", Json.createArrayBuilder().add(42).add(Json.createObjectBuilder().add("id", "x")).build(),
                "groups", 7L));
        assertThat(SiteClaims.sitesOf(odd, config)).isEmpty();
    }
}
