package org.haven.http.ratelimit;

/**
 * The default limits, each a bucket that refills in an hour ({@code haven.rate-limit.<name>.*} overrides
 * them). They are set far above what a real shift does, so that only a script or a stuck client meets
 * them; docs/architecture.md gives the reasoning behind each number.
 */
public final class RateLimits {

    /** A staff member's reports: a bad night is a handful; 30 at once is a loop, not a shift. */
    public static final int REPORT_PER_PERSON = 30;
    /** A house's shared Wi-Fi or a program's one outgoing address carries everyone's reports. */
    public static final int REPORT_PER_IP = 300;

    /** Asking for a conversation is rare; ten in an hour still lets a worried person ask again and again. */
    public static final int CONVERSATION_PER_PERSON = 10;
    public static final int CONVERSATION_PER_IP = 100;

    /**
     * Acknowledging: a director covering every site in a night with 20 critical incidents may take charge of
     * each from the page, the API and the email or text link (three tries each is 60); 120 doubles that.
     */
    public static final int ACK_PER_PERSON = 120;
    public static final int ACK_PER_IP = 600;

    private RateLimits() {
    }
}
