package io.identitybridge.vocabulary;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every spelling of an internal host that java.net.URI lets through as a host is judged internal; public hosts pass. */
class InternalHostsTest {

    @Test
    void loopbackLinkLocalPrivateAndUnspecifiedAddressesAreInternalInEverySpelling() {
        for (String uri : List.of("http://127.0.0.1:9000/admin", "http://127.255.1.2/", "http://localhost:9000/x", "http://LOCALHOST./",
                "http://a.localhost/", "http://ip6-localhost/", "https://169.254.169.254/latest/meta-data", "https://10.1.2.3/",
                "https://172.16.0.1/", "https://172.31.255.255/", "https://192.168.1.1/", "https://100.64.0.1/", "https://100.100.100.200/",
                "https://0.0.0.0/", "https://0/", "https://2130706433/", "https://0177.0.0.1/", "https://[::1]/",
                "https://[0:0:0:0:0:0:0:1]/", "https://[::]/", "https://[::ffff:127.0.0.1]/", "https://[::ffff:7f00:1]/",
                "https://[::ffff:a9fe:a9fe]/", "https://[fc00::1]/", "https://[fd12:3456::1]/", "https://[fe80::1]/",
                "https://[fe80::1%25eth0]/", "https://[febf::1]/", "https://[64:ff9b::a9fe:a9fe]/", "https://[::127.0.0.1]/",
                "https://[ff02::1]/", "https://224.0.0.1/", "https://255.255.255.255/", "https://metadata.google.internal/",
                "https://printer.local/", "https://router.home.arpa/", "https://keycloak/", "https://192.0.0.192/")) {
            String host = URI.create(uri).getHost();
            assertNotNull(host, uri);
            assertNotNull(InternalHosts.kind(host), uri + " passed as public");
        }
    }

    @Test
    void publicHostsPass() {
        for (String uri : List.of("https://app.example.com/logout", "https://8.8.8.8/", "https://172.32.0.1/", "https://172.15.255.255/",
                "https://100.128.0.1/", "https://169.255.0.1/", "https://11.0.0.1/", "https://[2001:db8::1]/", "https://[2a00:1450::1]/",
                "https://localhost.example.com/", "https://xn--80ak6aa92e.com/")) {
            assertNull(InternalHosts.kind(URI.create(uri).getHost()), uri);
        }
    }

    @Test
    void theKindNamesWhatTheHostIs() {
        assertTrue(InternalHosts.kind("127.0.0.1").contains("loopback"));
        assertTrue(InternalHosts.kind("[::ffff:127.0.0.1]").contains("loopback"));
        assertTrue(InternalHosts.kind("169.254.169.254").contains("link-local"));
        assertTrue(InternalHosts.kind("[fd00::1]").contains("RFC 4193"));
        assertTrue(InternalHosts.kind("10.0.0.1").contains("RFC 1918"));
        assertTrue(InternalHosts.kind("0.0.0.0").contains("unspecified"));
        assertTrue(InternalHosts.kind("2130706433").contains("four decimal parts"));
        assertTrue(InternalHosts.kind("[zz::1]").contains("not a valid IPv6"));
        assertTrue(InternalHosts.kind("127.0.0.1.").contains("loopback")); // java.net.URI gives no host here; a caller might
    }
}
