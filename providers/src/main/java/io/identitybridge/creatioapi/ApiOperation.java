package io.identitybridge.creatioapi;

import io.identitybridge.jsonbody.JsonBody;

import java.io.InputStream;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * One operation of a Creatio API: the scope that guards it (besides IdentityServerApi), how its body is taken, and
 * what it does with the caller and the body.
 */
public record ApiOperation(String scope, UnaryOperator<InputStream> body, BiFunction<CallContext, JsonBody, Object> run) {

    public static ApiOperation of(String scope, BiFunction<CallContext, JsonBody, Object> run) {
        return new ApiOperation(scope, UnaryOperator.identity(), run);
    }
}
