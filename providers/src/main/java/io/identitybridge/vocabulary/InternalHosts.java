package io.identitybridge.vocabulary;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Whether a URI's host names the server's own machine or network rather than a public host: loopback, link-local,
 * private (RFC 1918, RFC 4193), shared (100.64/10) and unspecified addresses, written in any form a resolver accepts,
 * and the names that only a local resolver answers. Judged on the text alone: a name is never resolved here.
 */
public final class InternalHosts {

    private static final String DECIMAL_OCTET = "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)";
    private static final String PLAIN_IPV4 = DECIMAL_OCTET + "(\\." + DECIMAL_OCTET + "){3}";
    /** 2130706433, 127.1, 0x7f.1, 0177.0.0.1: numbers that resolvers read as IPv4, each in its own way. */
    private static final String NUMERIC = "(0x[0-9a-f]*|\\d+)(\\.(0x[0-9a-f]*|\\d+)){0,3}";
    private static final List<String> LOOPBACK_NAMES = List.of("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback");
    /** Special-use or private-use domains: RFC 6761 (.localhost), RFC 6762 (.local), RFC 8375, ICANN's .internal. */
    private static final List<String> PRIVATE_DOMAINS = List.of(".localhost", ".local", ".internal", ".home.arpa", ".localdomain");

    private InternalHosts() {
    }

    /** What internal place {@code host} (as {@link java.net.URI#getHost()} gives it) names, or null for a public host. */
    public static String kind(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            return ipv6(h.substring(1, h.length() - 1));
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1); // the root label: "localhost." is localhost
        }
        if (h.matches(NUMERIC)) {
            return h.matches(PLAIN_IPV4) ? ipv4(toInt(h))
                    : "an IPv4 address not written as four decimal parts without leading zeros, which resolvers read differently";
        }
        if (LOOPBACK_NAMES.contains(h)) {
            return "a loopback name";
        }
        for (String domain : PRIVATE_DOMAINS) {
            if (h.endsWith(domain)) {
                return "a name under '" + domain + "', which only a local resolver answers";
            }
        }
        if (!h.contains(".")) {
            return "a name without a dot, which only the server's own network resolves";
        }
        return null;
    }

    private static String ipv4(int a) {
        if (in(a, 0, 0, 8)) {
            return "an unspecified address (0.0.0.0/8)";
        }
        if (in(a, 127, 0, 8)) {
            return "a loopback address (127.0.0.0/8)";
        }
        if (in(a, 10, 0, 8) || in(a, 172, 16, 12) || in(a, 192, 168, 16)) {
            return "a private address (RFC 1918)";
        }
        if (in(a, 169, 254, 16)) {
            return "a link-local address (169.254.0.0/16, where cloud metadata services answer)";
        }
        if (in(a, 100, 64, 10)) {
            return "a shared address (100.64.0.0/10, carrier-grade NAT and some cloud metadata services)";
        }
        if (in(a, 192, 0, 24)) {
            return "an IETF protocol address (192.0.0.0/24)";
        }
        if (in(a, 224, 0, 3)) {
            return "a multicast, reserved or broadcast address (224.0.0.0/3)";
        }
        return null;
    }

    private static String ipv6(String literal) {
        int zone = literal.indexOf('%');
        String bare = zone >= 0 ? literal.substring(0, zone) : literal;
        InetAddress address;
        try {
            address = InetAddress.getByName("[" + bare + "]"); // brackets: a literal only, never a lookup
        } catch (UnknownHostException | RuntimeException e) {
            return "not a valid IPv6 address";
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(toInt(b, 0)); // ::ffff:a.b.c.d, which Java hands back as IPv4
        }
        if (address.isAnyLocalAddress()) {
            return "an unspecified address (::)";
        }
        if (address.isLoopbackAddress()) {
            return "a loopback address (::1)";
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return "a unique local address (fc00::/7, RFC 4193)";
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return "a link-local address (fe80::/10)";
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return "a site-local address (fec0::/10)";
        }
        if ((b[0] & 0xff) == 0xff) {
            return "a multicast address (ff00::/8)";
        }
        if (zeros(b, 0, 12) || zeros(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && zeros(b, 10, 12)
                || (b[0] & 0xff) == 0 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zeros(b, 4, 12)) {
            return ipv4(toInt(b, 12)); // IPv4-compatible ::a.b.c.d, SIIT ::ffff:0:a.b.c.d, NAT64 64:ff9b::a.b.c.d
        }
        return null;
    }

    private static boolean in(int address, int first, int second, int prefix) {
        int net = first << 24 | second << 16;
        int mask = -1 << (32 - prefix);
        return (address & mask) == (net & mask);
    }

    private static int toInt(String dotted) {
        int a = 0;
        for (String part : dotted.split("\\.")) {
            a = a << 8 | Integer.parseInt(part);
        }
        return a;
    }

    private static int toInt(byte[] b, int from) {
        return (b[from] & 0xff) << 24 | (b[from + 1] & 0xff) << 16 | (b[from + 2] & 0xff) << 8 | b[from + 3] & 0xff;
    }

    private static boolean zeros(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
