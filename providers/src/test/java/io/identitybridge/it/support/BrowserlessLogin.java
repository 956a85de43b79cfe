package io.identitybridge.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drives Keycloak's login form over plain HTTP with cookies: open the authorize URL, post the credentials, and
 * return where Keycloak redirects the browser. Enough for token-lifetime checks; the theme tests use a real browser.
 */
public final class BrowserlessLogin {

    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private BrowserlessLogin() {
    }

    /** Returns the Location of the final redirect to the client. */
    public static String login(String authorizeUrl, String username, String password) {
        HttpResponse<String> done = submit(authorizeUrl, username, password);
        if (done.statusCode() != 302) {
            throw new AssertionError("login answered " + done.statusCode() + " instead of a redirect");
        }
        return done.headers().firstValue("Location").orElseThrow();
    }

    /** Like {@link #login}, but an authorize request refused at once (a redirect with an error, no login page) returns that redirect. */
    public static String loginOrRefusal(String authorizeUrl, String username, String password) {
        HttpResponse<String> done = submit(authorizeUrl, username, password, true);
        if (done.statusCode() != 302) {
            throw new AssertionError("login answered " + done.statusCode() + " instead of a redirect");
        }
        return done.headers().firstValue("Location").orElseThrow();
    }

    /** Logs in and returns Keycloak's last answer as is (a form_post page, for instance). */
    public static HttpResponse<String> submit(String authorizeUrl, String username, String password) {
        return submit(authorizeUrl, username, password, false);
    }

    private static HttpResponse<String> submit(String authorizeUrl, String username, String password, boolean refusal) {
        // Keycloak marks its cookies Secure (browsers treat localhost as secure), which java.net's CookieManager would
        // withhold over http, so carry them by hand.
        HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(authorizeUrl)).GET().build(), HttpResponse.BodyHandlers.ofString());
            Http.checkTokens(page);
            if (refusal && page.statusCode() == 302) {
                return page;
            }
            if (page.statusCode() != 200) {
                throw new AssertionError("authorize answered " + page.statusCode() + " " + page.headers().firstValue("Location").orElse(""));
            }
            Matcher m = FORM_ACTION.matcher(page.body());
            if (!m.find()) {
                throw new AssertionError("no login form on the page");
            }
            String action = m.group(1).replace("&amp;", "&");
            String form = "username=" + enc(username) + "&password=" + enc(password) + "&credentialId=";
            String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                    .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'))).toList());
            HttpResponse<String> done = browser.send(HttpRequest.newBuilder(URI.create(action))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", cookies)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            Http.checkTokens(done);
            return done;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
