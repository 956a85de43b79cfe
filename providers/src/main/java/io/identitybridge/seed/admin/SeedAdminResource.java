package io.identitybridge.seed.admin;

import io.identitybridge.vocabulary.Limits;
import io.identitybridge.config.IdentityBridgeProvider;
import io.identitybridge.config.IdentityBridgeSettings;
import io.identitybridge.metrics.AfterCommit;
import io.identitybridge.metrics.BridgeMetrics;
import io.identitybridge.vocabulary.Problem;
import io.identitybridge.seed.SeedPlan;
import io.identitybridge.seed.SeedReview;
import io.identitybridge.seed.SeedText;
import io.identitybridge.seed.Seeder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * {@code /admin/realms/{realm}/identity-bridge/seed/plan} (dry run) and {@code .../seed/apply}: the boot seeder on
 * demand, with the same input forms and an optional {@code ?prune=}. Guarded by Keycloak's own manage-clients
 * permission.
 */
@Consumes({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN})
@Produces(MediaType.APPLICATION_JSON)
public class SeedAdminResource {


    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEventBuilder adminEvent;

    SeedAdminResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.adminEvent = adminEvent;
    }

    @POST
    @Path("seed/plan")
    public Response plan(@QueryParam("prune") Boolean prune, String body) {
        return reviewed(prune, body, (seeder, review) -> Response.status(review.valid() ? 200 : 400).entity(render(review, false)).build());
    }

    @POST
    @Path("seed/apply")
    public Response apply(@QueryParam("prune") Boolean prune, String body) {
        long started = System.nanoTime();
        return reviewed(prune, body, (seeder, review) -> applyReview(seeder, review, started));
    }

    private Response applyReview(Seeder seeder, SeedReview review, long started) {
        SeedPlan plan = review.plan().orElse(null);
        if (plan == null) {
            BridgeMetrics.seedRun(BridgeMetrics.ADMIN, BridgeMetrics.INVALID, System.nanoTime() - started);
            return Response.status(400).entity(render(review, false)).build();
        }
        Map<String, Object> result = render(review, !review.changesNothing());
        if (!review.changesNothing()) {
            // Recorded first, in the same transaction: it rolls back with the seeding if that fails.
            adminEvent.operation(OperationType.ACTION).resource(ResourceType.CLIENT)
                    .resourcePath(session.getContext().getUri()).representation(result.get("summary")).success();
            try {
                seeder.apply(session, realm, plan);
            } catch (ModelDuplicateException e) {
                BridgeMetrics.seedRun(BridgeMetrics.ADMIN, BridgeMetrics.CONFLICT, System.nanoTime() - started);
                return error(409, "conflict", "a client or scope was created concurrently; plan again and retry");
            }
            long nanos = System.nanoTime() - started;
            // Counted once the request's transaction has committed the seeding.
            AfterCommit.record(session, () -> count(review, BridgeMetrics.APPLIED, nanos),
                    () -> BridgeMetrics.seedRun(BridgeMetrics.ADMIN, BridgeMetrics.FAILED, nanos));
        } else {
            count(review, BridgeMetrics.UNCHANGED, System.nanoTime() - started);
        }
        return Response.ok(result).build();
    }

    private static void count(SeedReview review, String outcome, long nanos) {
        BridgeMetrics.seedRun(BridgeMetrics.ADMIN, outcome, nanos);
        BridgeMetrics.seedItems(BridgeMetrics.ADMIN, "scope", review.scopes().stream().map(i -> i.action().name()).toList());
        BridgeMetrics.seedItems(BridgeMetrics.ADMIN, "client", review.clients().stream().map(i -> i.action().name()).toList());
    }

    /** Permission first (throws 403), then the size limit, then the review of the body, which {@code then} answers. */
    private Response reviewed(Boolean prune, String body, BiFunction<Seeder, SeedReview, Response> then) {
        auth.clients().requireManage();
        if (body != null && body.length() > Limits.SEED_BODY_CHARS) {
            return error(413, "invalid_request", "the seed input has more than " + Limits.SEED_BODY_CHARS + " characters, this endpoint's"
                    + " limit: seed a larger input from a file (clients-file) at boot; the migration command's --dry-run plans"
                    + " a large input in parts by itself");
        }
        Seeder seeder = seeder(prune);
        return then.apply(seeder, seeder.review(session, realm, new SeedText(body, "request body")));
    }

    /** {@code ?prune=true|false} overrides the server's prune option for this one call. */
    private Seeder seeder(Boolean prune) {
        IdentityBridgeSettings settings = session.getProvider(IdentityBridgeProvider.class).settings();
        return new Seeder(settings.secretMinLength(), prune != null ? prune : settings.prune());
    }

    static Map<String, Object> render(SeedReview review, boolean applied) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (!review.valid()) {
            out.put("error", "invalid_seed_input");
            out.put("error_description", review.problems().stream().filter(Problem::isError).count()
                    + " problem(s) in the input; nothing was changed");
        }
        out.put("realm", review.realm());
        out.put("valid", review.valid());
        out.put("applied", applied);
        Map<String, Long> summary = new LinkedHashMap<>();
        for (SeedReview.Action a : SeedReview.Action.values()) {
            summary.put(a.name().toLowerCase(), review.count(a));
        }
        out.put("summary", summary);
        out.put("scopes", items(review.scopes()));
        out.put("clients", items(review.clients()));
        out.put("problems", review.problems().stream().map(SeedAdminResource::problem).toList());
        return out;
    }

    private static List<Map<String, Object>> items(List<SeedReview.Item> items) {
        return items.stream().map(i -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", i.name());
            m.put("action", i.action().name().toLowerCase());
            if (i.action() == SeedReview.Action.UPDATE) {
                m.put("changes", i.changes());
                m.put("keycloakFields", i.fields());
            }
            if (i.takesOverFrom() != null) {
                m.put("takesOverFrom", i.takesOverFrom());
            }
            return m;
        }).toList();
    }

    private static Map<String, Object> problem(Problem p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", p.severity().name().toLowerCase());
        m.put("kind", p.kind());
        m.put("index", p.index());
        m.put("name", p.name());
        m.put("field", p.field());
        m.put("message", p.message());
        m.put("text", p.toString());
        return m;
    }

    private static Response error(int status, String error, String description) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error, "error_description", description)).build();
    }
}
