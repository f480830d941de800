package org.haven.local.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who has signed in through the browser, and what is half-way: login pages waiting for a password,
 * codes waiting to be exchanged. A browser session (cookie) lets a person open every Haven page after
 * one sign-in; signing out ends it and refuses its refresh tokens from then on.
 */
final class SignIns {

    static final String SESSION_COOKIE = "HAVEN_LOCAL_SESSION";

    /** A browser sign-in. {@code sid} goes into tokens; the cookie key never does. */
    record Session(String username, Instant authTime, String sid) {
    }

    /** An issued authorization code and what it was issued for. */
    record Code(AuthorizationRequest request, String username, String sid, Instant authTime) {
    }

    final ExpiringStore<AuthorizationRequest> pendingLogins;
    final ExpiringStore<Code> codes;
    final ExpiringStore<Session> sessions;
    private final Set<String> endedSessions = ConcurrentHashMap.newKeySet();

    SignIns(Clock clock) {
        pendingLogins = new ExpiringStore<>(Realm.LOGIN_PAGE_LIFETIME, clock);
        codes = new ExpiringStore<>(Realm.CODE_LIFETIME, clock);
        sessions = new ExpiringStore<>(Realm.REFRESH_TOKEN_LIFETIME, clock);
    }

    void end(String sid) {
        if (sid != null) {
            endedSessions.add(sid);
        }
    }

    boolean ended(String sid) {
        return sid != null && endedSessions.contains(sid);
    }
}
