package io.openvod.gateway.transcode;

import io.openvod.gateway.core.transcode.JobMessage;
import io.openvod.gateway.database.SqlFiles;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The transactional-outbox relay: claims Pending jobs with row locks ({@code FOR UPDATE SKIP LOCKED}), publishes
 * them with publisher confirms, and marks them Dispatched in the same transaction, only after the broker confirmed.
 * A crash or broker failure before the commit leaves them Pending, so they are published again: delivery is at
 * least once, and consumers deduplicate by message id (= JobId).
 *
 * <p>It runs on its own thread, which blocks on the broker and the database (never an event loop), with a database
 * connection of its own (the pool it is given, closed by {@link #stop()}). It is woken by {@link #wake()} (the
 * registration's NOTIFY) and polls as a fallback.
 */
final class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String CLAIM = SqlFiles.read("transcode/claim-pending.sql");
    private static final String MARK = SqlFiles.read("transcode/mark-dispatched.sql");
    private static final String BACKLOG = SqlFiles.read("transcode/backlog.sql");
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final Duration BACKLOG_EVERY = Duration.ofMillis(500);
    /** A batch slower than this is logged with the time of each step (a job's lag target is 1 s). */
    private static final Duration SLOW_BATCH = Duration.ofMillis(500);

    private final String name;
    private final Pool pool;
    private final JobPublisher publisher;
    private final TranscodeConfig.Relay config;
    private final RelayMetrics metrics;
    private final SourceUrls sourceUrls;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private volatile boolean brokerUp;
    private Thread thread;
    private long backlogReadAt;

    OutboxRelay(String name, Pool pool, JobPublisher publisher, TranscodeConfig.Relay config, RelayMetrics metrics,
            SourceUrls sourceUrls) {
        this.name = name;
        this.pool = pool;
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
        this.sourceUrls = sourceUrls;
    }

    synchronized void start() {
        running = true;
        thread = new Thread(this::loop, name);
        thread.setDaemon(true);
        thread.start();
    }

    synchronized void stop() throws InterruptedException {
        running = false;
        wake();
        if (thread != null) {
            thread.join(10_000);
        }
        publisher.reset();
        pool.closeAndAwait();
    }

    void wake() {
        wakeUps.release();
    }

    boolean brokerUp() {
        return brokerUp;
    }

    private void loop() {
        while (running) {
            Duration wait = config.pollInterval();
            try {
                while (running && relayBatch() == config.batchSize()) {
                    // a full batch: more may be waiting
                }
                brokerUp = true;
            } catch (Exception e) {
                brokerUp = false;
                LOG.warnf("Transcode relay %s: %s; jobs stay Pending and are retried in %s", name, describe(e),
                        config.retryInterval());
                publisher.reset();
                wait = config.retryInterval();
            }
            readBacklog();
            try {
                wakeUps.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * One claimed batch, published and marked in one transaction; returns how many jobs it held. Every step is
     * awaited on the relay's own thread, so the broker's blocking confirm never runs on an event loop.
     */
    int relayBatch() throws Exception {
        long started = System.nanoTime();
        SqlConnection connection = pool.getConnection().await().atMost(STEP);
        try {
            Transaction transaction = connection.begin().await().atMost(STEP);
            try {
                List<Row> jobs = new ArrayList<>();
                connection.preparedQuery(CLAIM).execute(Tuple.of(config.batchSize())).await().atMost(STEP)
                        .forEach(jobs::add);
                long claimed = System.nanoTime();
                long confirmed = claimed;
                if (!jobs.isEmpty()) {
                    publish(jobs);
                    confirmed = System.nanoTime();
                    connection.preparedQuery(MARK)
                            .execute(Tuple.of(jobs.stream().map(row -> row.getLong("id")).toArray(Long[]::new)))
                            .await().atMost(STEP);
                }
                transaction.commit().await().atMost(STEP);
                long committed = System.nanoTime();
                // a job's lag: its age when claimed, plus the publishing, the broker's confirms and the marking since
                double sinceClaim = (committed - claimed) / 1e9;
                jobs.forEach(row -> metrics.published(row.getDouble("age_seconds") + sinceClaim));
                logIfSlow(jobs.size(), started, claimed, confirmed, committed);
                return jobs.size();
            } catch (Exception e) {
                transaction.rollback().onFailure().recoverWithNull().await().atMost(STEP);
                throw e;
            }
        } finally {
            connection.closeAndForget();
        }
    }

    /** Which step held a slow batch up: the database (claim, mark and commit) or the broker (its confirms). */
    private void logIfSlow(int jobs, long started, long claimed, long confirmed, long committed) {
        if (committed - started >= SLOW_BATCH.toNanos()) {
            LOG.infof("Transcode relay %s: a batch of %d jobs took %d ms (claim %d ms, publish and confirm %d ms,"
                    + " mark and commit %d ms)", name, jobs, millis(committed - started), millis(claimed - started),
                    millis(confirmed - claimed), millis(committed - confirmed));
        }
    }

    private static long millis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    private void publish(List<Row> jobs) {
        List<JobPublisher.Message> messages = jobs.stream().map(this::message).toList();
        try {
            publisher.publishConfirmed(messages);
        } catch (Exception e) {
            metrics.unconfirmed(messages.size());
            throw new BrokerUnavailable(e);
        }
    }

    private JobPublisher.Message message(Row row) {
        String id = String.valueOf(row.getLong("id"));
        JobMessage job = new JobMessage(id, row.getString("media_id"), row.getLong("account_id"),
                row.getString("file_url"), row.getString("storage_location"), row.getString("template_group_id"),
                row.getString("workflow_id"), row.getString("user_data"), row.getLong("size"),
                row.getString("content_type"), null);
        JobMessage message = sourceUrls.of(row).map(job::withSourceUrl).orElse(job);
        return new JobPublisher.Message(id, message.toJson());
    }

    private void readBacklog() {
        long now = System.nanoTime();
        if (now - backlogReadAt < BACKLOG_EVERY.toNanos()) {
            return;
        }
        backlogReadAt = now;
        try {
            Row row = pool.query(BACKLOG).execute().await().atMost(Duration.ofSeconds(5)).iterator().next();
            metrics.backlog(row.getLong("pending"), row.getDouble("oldest_seconds"));
        } catch (Exception e) {
            LOG.debugf("Transcode backlog not read: %s", e.getMessage());
        }
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof BrokerUnavailable && e.getCause() != null ? e.getCause() : e;
        String prefix = e instanceof BrokerUnavailable ? "broker unavailable" : "relay failed";
        return prefix + " (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    }

    static final class BrokerUnavailable extends RuntimeException {
        BrokerUnavailable(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
