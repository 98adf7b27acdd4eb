package io.tandem.interfaces.security;

import io.tandem.application.SignInCache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.DatabaseIdentityStoreDefinition;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * One mechanism for both audiences, since Jakarta Security 3 allows one per application: API calls
 * authenticate on each request (Basic or Bearer) and get a JSON 401; pages sign in through
 * {@code /login.xhtml} and keep the caller in the session. The two never mix: {@code /api} ignores the
 * session cookie, so a page elsewhere cannot act through a signed-in browser, and the cookie itself is
 * {@code SameSite=Lax} (set on Payara's listeners at boot). Faces forms keep their own defence, the view state.
 */
@ApplicationScoped
@DatabaseIdentityStoreDefinition(
        dataSourceLookup = "jdbc/tandem",
        callerQuery = "SELECT password_hash FROM users WHERE username = ? AND enabled",
        groupsQuery = "SELECT LOWER(role) FROM user_roles WHERE username = ?",
        hashAlgorithm = Pbkdf2PasswordHash.class)
public class TandemAuthentication implements HttpAuthenticationMechanism {

    static final String SESSION_CALLER = "tandem.caller";
    /** Set on a sign-in refused because of earlier failures: the seconds to wait, for the login page. */
    public static final String RETRY_AFTER = "tandem.retryAfter";
    private static final int TOO_MANY_REQUESTS = 429;
    private static final String UNAUTHORIZED_BODY =
            "{\"errors\":[{\"field\":\"Authorization\",\"message\":\"Sign in with HTTP Basic or an API token (Bearer)\"}]}";

    /** The signed-in caller kept in a page session. */
    record SessionCaller(String name, Set<String> groups) implements Serializable {
    }

    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    LoginThrottle throttle;
    @Inject
    SignInCache signIns;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential fromLoginForm = context.getAuthParameters().getCredential();
        if (fromLoginForm != null) {
            return pageLogin(request, response, context, fromLoginForm);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            Credential credential = parse(authorization);
            String user = callerOf(credential);
            Optional<Duration> locked = throttle.locked(user, request.getRemoteAddr());
            if (locked.isPresent()) {
                return tooManyFailures(response, locked.get());
            }
            if (credential instanceof UsernamePasswordCredential up) {
                Optional<SignInCache.Caller> known = signIns.get(up.getCaller(), up.getPasswordAsString());
                if (known.isPresent()) {
                    return context.notifyContainerAboutLogin(known.get().name(), known.get().groups());
                }
            }
            CredentialValidationResult result = credential == null ? CredentialValidationResult.INVALID_RESULT
                    : identityStores.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                throttle.succeeded(user, request.getRemoteAddr());
                if (credential instanceof UsernamePasswordCredential up) {
                    signIns.put(up.getCaller(), up.getPasswordAsString(), new SignInCache.Caller(
                            result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
                }
                return context.notifyContainerAboutLogin(result);
            }
            throttle.failed(user, request.getRemoteAddr());
            return unauthorized(response, context);
        }
        // the API never takes the page's session: a request carrying only the cookie may come from
        // another site's page (cross-site request forgery); API callers send Authorization every time
        HttpSession session = isApi(request) ? null : request.getSession(false);
        if (session != null && session.getAttribute(SESSION_CALLER) instanceof SessionCaller caller) {
            return context.notifyContainerAboutLogin(caller.name(), caller.groups());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        if (isApi(request)) {
            return unauthorized(response, context);
        }
        return context.redirect(request.getContextPath() + "/login.xhtml");
    }

    private AuthenticationStatus pageLogin(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context,
                                           Credential credential) {
        String user = callerOf(credential);
        Optional<Duration> locked = throttle.locked(user, request.getRemoteAddr());
        if (locked.isPresent()) {
            response.setStatus(TOO_MANY_REQUESTS);
            response.setHeader("Retry-After", Long.toString(retryAfter(locked.get())));
            request.setAttribute(RETRY_AFTER, retryAfter(locked.get()));
            return AuthenticationStatus.SEND_FAILURE; // the login page says how long to wait
        }
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(user, request.getRemoteAddr());
            return AuthenticationStatus.SEND_FAILURE; // the login page says so; no error page
        }
        throttle.succeeded(user, request.getRemoteAddr());
        request.changeSessionId();
        request.getSession(true).setAttribute(SESSION_CALLER,
                new SessionCaller(result.getCallerPrincipal().getName(), Set.copyOf(result.getCallerGroups())));
        return context.notifyContainerAboutLogin(result);
    }

    private static Credential parse(String authorization) {
        int space = authorization.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = authorization.substring(0, space);
        String value = authorization.substring(space + 1).trim();
        if (scheme.equalsIgnoreCase("Bearer")) {
            return new ApiTokenCredential(value);
        }
        if (scheme.equalsIgnoreCase("Basic")) {
            try {
                String decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        return null;
    }

    private static String callerOf(Credential credential) {
        return credential instanceof UsernamePasswordCredential up ? up.getCaller() : null;
    }

    private static long retryAfter(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private static AuthenticationStatus tooManyFailures(HttpServletResponse response, Duration wait) {
        try {
            response.setStatus(TOO_MANY_REQUESTS);
            response.setHeader("Retry-After", Long.toString(retryAfter(wait)));
            response.setContentType("application/json");
            response.getWriter().write("{\"errors\":[{\"field\":\"Authorization\",\"message\":\"too many failed sign-ins; "
                    + "try again in " + retryAfter(wait) + " s\"}]}");
        } catch (IOException e) {
            // the status is set; the body is a courtesy
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Basic realm=\"tandem\"");
            response.setContentType("application/json");
            response.getWriter().write(UNAUTHORIZED_BODY);
        } catch (IOException e) {
            // the status is set; the body is a courtesy
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
