package org.haven.security;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.haven.http.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as problem details. A missing or bad credential is answered with the authentication
 * mechanism's own challenge: a bearer challenge becomes a 401 problem with {@code WWW-Authenticate: Bearer};
 * a code-flow challenge (a browser without a session) stays the redirect to the login page. Needs
 * {@code quarkus.http.auth.proactive=false}, so that authentication failures happen inside Quarkus REST
 * and reach these mappers instead of ending as an empty 401 in the HTTP layer.
 */
public class SecurityProblemMappers {

    static final String BEARER = "Bearer";

    @ServerExceptionMapper(priority = 1)
    public Uni<Response> unauthorized(UnauthorizedException e, RoutingContext context) {
        return challenge(context, "Sign in first: this request needs a valid access token");
    }

    @ServerExceptionMapper(priority = 1)
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, RoutingContext context) {
        HttpSecurityUtils.addAuthenticationFailureToEvent(e, context);
        return challenge(context, "The access token is invalid or has expired");
    }

    @ServerExceptionMapper(priority = 1)
    public Response authenticationNotCompleted(AuthenticationCompletionException e) {
        return unauthorizedProblem("Sign-in could not be completed; please sign in again", BEARER);
    }

    @ServerExceptionMapper(priority = 1)
    public Response forbidden(ForbiddenException e) {
        return Problem.of(Response.Status.FORBIDDEN, "Your role does not allow this request").toResponse();
    }

    private static Uni<Response> challenge(RoutingContext context, String detail) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(unauthorizedProblem(detail, BEARER));
        }
        return authenticator.getChallenge(context)
                .map(challenge -> toResponse(challenge, detail))
                .onFailure().recoverWithItem(() -> unauthorizedProblem(detail, BEARER));
    }

    private static Response toResponse(ChallengeData challenge, String detail) {
        if (challenge == null || challenge.status == Response.Status.UNAUTHORIZED.getStatusCode()) {
            boolean named = challenge != null && challenge.headerName != null
                    && HttpHeaders.WWW_AUTHENTICATE.equalsIgnoreCase(challenge.headerName.toString());
            return unauthorizedProblem(detail, named ? challenge.headerContent : BEARER);
        }
        // A redirect to the identity provider's login page (code flow), or another mechanism's answer.
        Response.ResponseBuilder response = Response.status(challenge.status);
        if (challenge.headerName != null) {
            response.header(challenge.headerName.toString(), challenge.headerContent);
        }
        return response.build();
    }

    private static Response unauthorizedProblem(String detail, String wwwAuthenticate) {
        Response problem = Problem.of(Response.Status.UNAUTHORIZED, detail).toResponse();
        return Response.fromResponse(problem).header(HttpHeaders.WWW_AUTHENTICATE, wwwAuthenticate).build();
    }
}
