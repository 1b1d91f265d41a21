package dev.attento.serve.api;

import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

/**
 * One route of the server. The server registers exactly these, and a test checks that the
 * OpenAPI document describes each, so the two cannot drift apart.
 *
 * @param method GET or POST
 * @param path the path, matched exactly
 * @param handler what answers it; may throw {@link ApiException}
 */
public record Route(HandlerType method, String path, Handler handler) {}
