package io.openvod.gateway.transcode;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.openvod.gateway.callback.CallbackOutbox;
import io.openvod.gateway.core.callback.TranscodeCompleteEvent;
import io.openvod.gateway.core.transcode.TranscodeResult;
import io.openvod.gateway.database.SqlFiles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.rabbitmq.QueueOptions;
import io.vertx.rabbitmq.RabbitMQClient;
import io.vertx.rabbitmq.RabbitMQMessage;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Takes transcoders' results off the result queue. A result finishes its job once (a repeated or late one finds
 * it finished: acknowledged and counted as {@code duplicate}), moves the media to Normal or TranscodeFail, and
 * writes the TranscodeComplete callback in the same transaction. A result for a job that does not exist (never
 * did, or its media was deleted) is acknowledged and counted as {@code unknown}; a malformed one is rejected to the
 * dead-letter queue with a log line saying why. A database failure returns the message to the queue after a pause.
 */
final class ResultConsumer {

    private static final Logger LOG = Logger.getLogger(ResultConsumer.class);
    private static final String FINISH = SqlFiles.read("transcode/finish-job.sql");
    private static final String EXISTS = SqlFiles.read("transcode/job-exists.sql");

    private final Vertx vertx;
    private final Pool pool;
    private final Broker broker;
    private final TranscodeConfig config;
    private final CallbackOutbox callbacks;
    private final Map<String, Counter> outcomes;
    private volatile boolean running;
    private volatile RabbitMQClient consuming;
    private Thread supervisor;

    ResultConsumer(Vertx vertx, Pool pool, Broker broker, TranscodeConfig config, CallbackOutbox callbacks,
            MeterRegistry registry) {
        this.vertx = vertx;
        this.pool = pool;
        this.broker = broker;
        this.config = config;
        this.callbacks = callbacks;
        this.outcomes = Map.of("applied", outcome(registry, "applied"), "duplicate", outcome(registry, "duplicate"),
                "unknown", outcome(registry, "unknown"), "malformed", outcome(registry, "malformed"));
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("vod_transcode_results_total").tag("outcome", outcome)
                .description("Results taken off the result queue, by what they did").register(registry);
    }

    /** A thread that (re)subscribes whenever the connection is gone; messages are handled on the event loop. */
    synchronized void start() {
        running = true;
        supervisor = new Thread(this::supervise, "vod-transcode-results");
        supervisor.setDaemon(true);
        supervisor.start();
    }

    synchronized void stop() throws InterruptedException {
        running = false;
        if (supervisor != null) {
            supervisor.interrupt();
            supervisor.join(10_000);
        }
        broker.reset();
    }

    boolean consuming() {
        RabbitMQClient client = consuming;
        return client != null && client.isConnected();
    }

    private void supervise() {
        while (running) {
            if (!consuming()) {
                subscribe();
            }
            try {
                TimeUnit.MILLISECONDS.sleep(config.relay().retryInterval().toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void subscribe() {
        try {
            broker.reset();
            RabbitMQClient client = broker.connected();
            client.basicQos(config.results().prefetch())
                    .compose(ignored -> client.basicConsumer(config.broker().resultQueue(),
                            new QueueOptions().setAutoAck(false)))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                    .handler(message -> onMessage(client, message));
            consuming = client;
            LOG.infof("Consuming transcode results from %s", config.broker().resultQueue());
        } catch (Exception e) {
            LOG.warnf("Transcode results: broker unavailable (%s); retrying", e.getMessage());
            broker.reset();
        }
    }

    private void onMessage(RabbitMQClient client, RabbitMQMessage message) {
        long tag = message.envelope().getDeliveryTag();
        TranscodeResult result;
        try {
            result = TranscodeResult.parse(message.body().getBytes());
        } catch (TranscodeResult.Malformed e) {
            LOG.warnf("Transcode result dead-lettered to %s (message id %s): %s", config.broker().deadLetterQueue(),
                    message.properties().getMessageId(), e.getMessage());
            outcomes.get("malformed").increment();
            client.basicNack(tag, false, false);
            return;
        }
        apply(result, message.body().toString(StandardCharsets.UTF_8)).subscribe().with(
                outcome -> {
                    outcomes.get(outcome).increment();
                    client.basicAck(tag, false);
                },
                failure -> {
                    LOG.warnf("Transcode result for job %d not applied (%s); returned to the queue",
                            result.jobId(), failure.getMessage());
                    vertx.setTimer(config.relay().retryInterval().toMillis(),
                            id -> client.basicNack(tag, false, true));
                });
    }

    /** Applies a result in one transaction; answers applied, duplicate or unknown. */
    Uni<String> apply(TranscodeResult result, String text) {
        return pool.withTransaction(connection -> connection.preparedQuery(FINISH)
                .execute(Tuple.of(result.jobId(), result.jobStatus(), text, result.mediaStatus()))
                .chain(rows -> rows.iterator().hasNext()
                        ? notify(connection, rows.iterator().next(), result).replaceWith("applied")
                        : connection.preparedQuery(EXISTS).execute(Tuple.of(result.jobId()))
                                .map(ResultConsumer::duplicateOrUnknown)));
    }

    private static String duplicateOrUnknown(RowSet<Row> rows) {
        return rows.iterator().next().getBoolean(0) ? "duplicate" : "unknown";
    }

    /** The TranscodeComplete event, to the media's CallbackURL, else the account's if it wants this event type. */
    private Uni<Void> notify(SqlConnection connection, Row media, TranscodeResult result) {
        String userData = media.getString("user_data");
        String[] types = media.getArrayOfStrings("event_types");
        String accountUrl = types != null && Arrays.asList(types).contains(TranscodeCompleteEvent.TYPE)
                ? media.getString("account_url") : null;
        String url = TranscodeCompleteEvent.mediaCallbackUrl(userData).orElse(accountUrl);
        if (url == null) {
            return Uni.createFrom().voidItem();
        }
        String payload = TranscodeCompleteEvent.payload(media.getString("media_id"), result, userData, Instant.now());
        return callbacks.add(connection, media.getLong("account_id"), media.getString("media_id"),
                TranscodeCompleteEvent.TYPE, url, payload);
    }
}
