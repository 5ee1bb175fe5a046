package io.openvod.gateway.transcode;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQOptions;
import java.util.concurrent.TimeUnit;

/**
 * The result consumer's connection (and channel) to RabbitMQ through the Vert.x RabbitMQ client, with the whole
 * topology declared on connect (the relay publishes through {@link JobPublisher}). The client's own reconnection is
 * off: after a failure the owner calls {@link #reset()} and the next {@link #connected()} opens a fresh connection,
 * so a half-dead channel is never reused.
 */
final class Broker {

    private final Vertx vertx;
    private final TranscodeConfig.Broker config;
    private final String name;
    private RabbitMQClient client;

    Broker(Vertx vertx, TranscodeConfig.Broker config, String name) {
        this.vertx = vertx;
        this.config = config;
        this.name = name;
    }

    /** The connected client, connecting and declaring the topology first if needed (blocks; never on an event loop). */
    synchronized RabbitMQClient connected() throws Exception {
        if (client != null && client.isConnected()) {
            return client;
        }
        reset();
        RabbitMQClient fresh = RabbitMQClient.create(vertx, new RabbitMQOptions()
                .setHost(config.host()).setPort(config.port()).setUser(config.username())
                .setPassword(config.password()).setVirtualHost(config.virtualHost())
                .setConnectionTimeout((int) config.connectTimeout().toMillis())
                .setHandshakeTimeout((int) config.connectTimeout().toMillis())
                .setRequestedHeartbeat(10).setConnectionName("vod-gateway " + name)
                .setAutomaticRecoveryEnabled(false).setReconnectAttempts(0));
        client = fresh;
        await(fresh.start().compose(ignored -> declare(fresh)).compose(ignored -> fresh.confirmSelect()));
        return fresh;
    }

    /** The exchange, the job queue, the result queue and its dead-letter queue, all durable (idempotent). */
    private Future<Void> declare(RabbitMQClient c) {
        JsonObject deadLettering = new JsonObject().put("x-dead-letter-exchange", "")
                .put("x-dead-letter-routing-key", config.deadLetterQueue());
        return c.exchangeDeclare(config.exchange(), "direct", true, false)
                .compose(ignored -> c.queueDeclare(config.jobQueue(), true, false, false))
                .compose(ignored -> c.queueBind(config.jobQueue(), config.exchange(), config.routingKey()))
                .compose(ignored -> c.queueDeclare(config.deadLetterQueue(), true, false, false))
                .compose(ignored -> c.queueDeclare(config.resultQueue(), true, false, false, deadLettering))
                .mapEmpty();
    }

    /** Drops the connection without waiting for the broker (it may be unreachable). */
    synchronized void reset() {
        if (client != null) {
            RabbitMQClient old = client;
            client = null;
            old.stop();
        }
    }

    private <T> T await(Future<T> future) throws Exception {
        long millis = config.confirmTimeout().toMillis() + config.connectTimeout().toMillis();
        return future.toCompletionStage().toCompletableFuture().get(millis, TimeUnit.MILLISECONDS);
    }
}
