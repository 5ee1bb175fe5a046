package io.openvod.gateway.support;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 and a free port that receives callbacks. Per path, the test says how to answer
 * the n-th request (a status, after an optional delay).
 */
public final class CallbackReceiver implements AutoCloseable {

    /** One received request. */
    public record Request(String path, MultiMap headers, String body) {
    }

    /** How to answer: a status after a delay. */
    public record Answer(int status, long delayMillis) {
        public static Answer status(int status) {
            return new Answer(status, 0);
        }
    }

    public interface Script {
        Answer answer(int attempt);
    }

    private final Vertx vertx = Vertx.vertx();
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Script> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    public CallbackReceiver() throws Exception {
        server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            String path = request.path();
            requests.add(new Request(path, request.headers(), body.toString()));
            int attempt = attempts.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            Answer answer = scripts.getOrDefault(path, n -> Answer.status(200)).answer(attempt);
            Runnable reply = () -> request.response().setStatusCode(answer.status()).end("ok");
            if (answer.delayMillis() > 0) {
                vertx.setTimer(answer.delayMillis(), id -> {
                    if (!request.response().closed()) {
                        reply.run();
                    }
                });
            } else {
                reply.run();
            }
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.actualPort() + path;
    }

    public void script(String path, Script script) {
        scripts.put(path, script);
    }

    public List<Request> received(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
