package org.haven.debrief;

import org.junit.jupiter.api.BeforeEach;

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
}
