package io.openvod.gateway.callback;

import io.openvod.gateway.core.callback.CallbackUrl;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * One POST of an event, with Vert.x's HTTP client (asynchronous: no thread waits on the receiver). It connects to
 * the address the dispatcher checked, naming the URL's host in {@code Host} and SNI; follows no redirect (a 3xx is
 * a failure); gives up after the timeout; and reads only the status line and headers (at most 8 KB): the body of
 * the answer is never read, the connection is reset once the status is known.
 */
final class CallbackSender {

    static final int MAX_HEADER_BYTES = 8 * 1024;

    private final Vertx vertx;
    private final HttpClient client;
    private final long timeoutMillis;

    CallbackSender(Vertx vertx, CallbackConfig config) {
        this.vertx = vertx;
        this.timeoutMillis = config.timeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(false)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setMaxHeaderSize(MAX_HEADER_BYTES)
                .setMaxRedirects(0)
                .setForceSni(true)
                .setVerifyHost(true)
                .setMaxPoolSize(64));
    }

    /** Completes with the answer's status code, or fails (connect error, timeout, reset). */
    Future<Integer> post(CallbackUrl url, InetAddress address, String payload, Map<String, String> headers) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(url.port(), address.getHostAddress()))
                .setHost(url.host())
                .setPort(url.port())
                .setSsl(url.https())
                .setURI(url.requestUri())
                .setFollowRedirects(false)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "vod-gateway-callback");
        headers.forEach(options::putHeader);
        Promise<Integer> answer = Promise.promise();
        long timer = vertx.setTimer(timeoutMillis, id -> answer.tryFail(new TimeoutException(
                "no answer within " + timeoutMillis + " ms")));
        client.request(options)
                .onFailure(answer::tryFail)
                .onSuccess(request -> {
                    vertx.setTimer(timeoutMillis, id -> request.reset(0, new TimeoutException("timeout")));
                    request.send(Buffer.buffer(payload))
                            .onSuccess(response -> {
                                answer.tryComplete(response.statusCode());
                                request.reset();
                            })
                            .onFailure(answer::tryFail);
                });
        return answer.future().onComplete(ignored -> vertx.cancelTimer(timer));
    }

    void close() {
        client.close();
    }
}
