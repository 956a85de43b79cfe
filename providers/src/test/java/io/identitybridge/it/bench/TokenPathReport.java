package io.identitybridge.it.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The token-path benchmark's result: every side, then the four ratios and the controls beside them. */
final class TokenPathReport {

    private TokenPathReport() {
    }

    /** {@code after} is null without resources, {@code stock} without the stock server. */
    static void print(Slices before, Slices after, Slices stock) throws Exception {
        System.out.printf("%nload average at the end: %s%nmedians, quartiles and extremes of the slices:%n",
                Files.readString(Path.of("/proc/loadavg")).trim());
        for (String side : new String[] {"creatio", "plain", "fresh", "grantee", "connect"}) {
            System.out.println("  " + before.describe(side));
        }
        if (after != null) {
            for (String side : new String[] {"creatio", "fresh", "grantee"}) {
                System.out.println("  " + after.describe(side));
            }
        }
        if (stock != null) {
            System.out.println("  " + stock.describe("stock"));
            System.out.println("  " + stock.describe("stock-scope"));
        }
        System.out.println();
        System.out.println("§3 realm   creatio / fresh realm, same server:             " + before.ratio("creatio", before, "fresh"));
        System.out.println("   control plain (hand-made in creatio) / fresh:           " + before.ratio("plain", before, "fresh"));
        System.out.println("   control creatio (seeded) / plain (hand-made):           " + before.ratio("creatio", before, "plain"));
        System.out.println("   control grantee / creatio, both without resources:     " + before.ratio("grantee", before, "creatio"));
        System.out.println("   control connect (/connect/token, scope) / creatio:      " + before.ratio("connect", before, "creatio"));
        if (stock != null) {
            System.out.println("§3 server  creatio on the bundle / stock Keycloak:         " + before.ratio("creatio", stock, "stock"));
            System.out.println("   control fresh realm on the bundle / stock:              " + before.ratio("fresh", stock, "stock"));
            System.out.println("§20 load   connect (our /connect/token, scope) / stock-scope: " + before.ratio("connect", stock, "stock-scope"));
            System.out.println("   control stock-scope / stock (the scope's own cost):     " + stock.ratio("stock-scope", stock, "stock"));
        }
        if (after != null) {
            System.out.println("§4 realm-wide creatio with the resources / before them:    " + after.ratio("creatio", before, "creatio"));
            System.out.println("   control fresh after / before (the machine's drift):     " + after.ratio("fresh", before, "fresh"));
            System.out.println("   control creatio / fresh, after:                         " + after.ratio("creatio", after, "fresh"));
            System.out.printf("   realm-wide without the drift, (creatio / fresh) after over before: %.3f by throughput, %.3f by CPU%n",
                    after.medianRps("creatio") / after.medianRps("fresh") / (before.medianRps("creatio") / before.medianRps("fresh")),
                    after.medianCpu("fresh") / after.medianCpu("creatio") / (before.medianCpu("fresh") / before.medianCpu("creatio")));
            System.out.println("§4 grantee of 20 resources / itself before them:           " + after.ratio("grantee", before, "grantee"));
            System.out.println("   control grantee / creatio, same slices after:          " + after.ratio("grantee", after, "creatio"));
            System.out.printf("   grantee without the drift, (grantee / fresh) after over before: %.3f by throughput, %.3f by CPU%n",
                    after.medianRps("grantee") / after.medianRps("fresh") / (before.medianRps("grantee") / before.medianRps("fresh")),
                    after.medianCpu("fresh") / after.medianCpu("grantee") / (before.medianCpu("fresh") / before.medianCpu("grantee")));
        }
    }
}
