package org.haven.local.identity;

import java.util.Map;

/**
 * A validated request to the authorization endpoint: the authorization-code flow with PKCE S256, the
 * only flow the login page serves. A request whose client or redirect address is wrong must not be
 * answered by a redirect ({@link Rejected#redirectable()} is false); other faults are sent back to
 * the client's redirect address as OAuth errors.
 */
record AuthorizationRequest(String clientId, String redirectUri, String state, String nonce, String scope,
                            String codeChallenge, String prompt) {

    static final String S256 = "S256";

    /** Why a request was refused, and whether the client may be told at its redirect address. */
    static final class Rejected extends Exception {

        private final String error;
        private final boolean redirectable;

        Rejected(String error, String description, boolean redirectable) {
            super(description, null, false, false);
            this.error = error;
            this.redirectable = redirectable;
        }

        String error() {
            return error;
        }

        boolean redirectable() {
            return redirectable;
        }
    }

    static AuthorizationRequest from(Map<String, String> params) throws Rejected {
        String clientId = params.get("client_id");
        if (!Realm.CLIENT_ID.equals(clientId)) {
            throw new Rejected("invalid_client", "Unknown client. This sign-in page only serves Haven.", false);
        }
        String redirectUri = params.get("redirect_uri");
        if (!Realm.allowsRedirectTo(redirectUri)) {
            throw new Rejected("invalid_request", "The application asked to return to an address outside this machine.", false);
        }
        String state = params.get("state");
        String scope = params.getOrDefault("scope", "openid").trim().replaceAll("\\s+", " ");
        if (!"code".equals(params.get("response_type"))) {
            throw new Rejected("unsupported_response_type", "Only response_type=code is supported", true);
        }
        String responseMode = params.get("response_mode");
        if (responseMode != null && !"query".equals(responseMode)) {
            throw new Rejected("invalid_request", "Only response_mode=query is supported", true);
        }
        String challenge = params.get("code_challenge");
        if (challenge == null || !challenge.matches("[A-Za-z0-9._~-]{43,128}")) {
            throw new Rejected("invalid_request", "PKCE is required: send a code_challenge (S256)", true);
        }
        if (!S256.equals(params.get("code_challenge_method"))) {
            throw new Rejected("invalid_request", "Only code_challenge_method=S256 is supported", true);
        }
        return new AuthorizationRequest(clientId, redirectUri, state, params.get("nonce"), scope, challenge, params.get("prompt"));
    }

    boolean mustAskForPassword() {
        return prompt != null && prompt.contains("login");
    }

    boolean mustNotShowPage() {
        return prompt != null && prompt.contains("none");
    }
}
