package org.haven.debrief;

import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.UUID;

/**
 * A site and its people named for one test alone (a fresh suffix before every test), so that tests sharing
 * one database never meet each other's roster, circles or debriefs. Each test sets up the roster it needs.
 */
abstract class PeopleOfThisRun {

    protected String site;
    protected String ana;
    protected String ben;
    protected String cy;
    protected String dee;
    protected String supervisor;
    protected String facilitator;

    @BeforeEach
    void nameThisRunsSiteAndPeople() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        site = "site-" + run;
        ana = "ana-" + run;
        ben = "ben-" + run;
        cy = "cy-" + run;
        dee = "dee-" + run;
        supervisor = "sup-" + run;
        facilitator = "fac-" + run;
    }

    /** The site's supervisor and trained facilitator, and Ana, Ben and both of them on shift 21 Nov 08:00–16:00. */
    protected void anaAndBenWithSupervisorAndFacilitatorOnTheDayShift() {
        RosterFixture.supervisor(site, supervisor);
        RosterFixture.facilitator(site, facilitator);
        for (String person : List.of(ana, ben, supervisor, facilitator)) {
            RosterFixture.shift(site, person, "2026-11-21T08:00", "2026-11-21T16:00");
        }
    }
}
