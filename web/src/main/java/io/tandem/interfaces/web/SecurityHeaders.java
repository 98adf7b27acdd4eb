package io.tandem.interfaces.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The browser-side defences on every answer, pages and API alike: a Content-Security-Policy that allows
 * only this origin's own scripts and forms and no framing by other sites, no MIME sniffing, and no
 * referrer beyond this origin. Over HTTPS, browsers are told to keep to it (HSTS). The pages' policy is
 * PrimeFaces' (web.xml): the same, with the page's nonce in script-src, as its inline scripts carry it
 * (the page tests check every inline script does, and that no handler attribute is left).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "form-action 'self'; frame-ancestors 'self'; base-uri 'self'; object-src 'none'";

    /** A Faces page (not one of its resources): PrimeFaces sets its policy, with the page's nonce. */
    static boolean isPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return (path.endsWith(".xhtml") && !path.startsWith("/jakarta.faces.resource/")) || path.equals("/");
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!isPage(request)) {
            response.setHeader("Content-Security-Policy", POLICY);
        }
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }
}
