package io.openvod.gateway.transcode;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Jobs out to RabbitMQ and results back (README, "Transcoding"). */
@ConfigMapping(prefix = "vod.transcode")
public interface TranscodeConfig {

    Broker broker();

    Relay relay();

    Results results();

    interface Broker {
        @WithDefault("127.0.0.1")
        String host();

        @WithDefault("5672")
        int port();

        @WithDefault("guest")
        String username();

        @WithDefault("guest")
        String password();

        @WithDefault("/")
        String virtualHost();

        /** Durable direct exchange the jobs are published to. */
        @WithDefault("vod.transcode")
        String exchange();

        /** Durable queue bound to the exchange with {@link #routingKey()}: what transcoders consume. */
        @WithDefault("vod.transcode.jobs")
        String jobQueue();

        @WithDefault("job")
        String routingKey();

        /** Durable queue transcoders report results on. */
        @WithDefault("vod.transcode.results")
        String resultQueue();

        /** Where malformed results go (the result queue's dead-letter target). */
        @WithDefault("vod.transcode.results.dead")
        String deadLetterQueue();

        /** How long the relay waits for the broker to confirm a batch before it counts it as not sent. */
        @WithDefault("5s")
        Duration confirmTimeout();

        @WithDefault("5s")
        Duration connectTimeout();
    }

    interface Relay {
        /** Off: jobs stay Pending in the outbox (another replica, or nobody, relays them). */
        @WithDefault("true")
        boolean enabled();

        /**
         * Jobs claimed, published and confirmed together. Each claim walks the Pending index from its oldest entry,
         * past entries of jobs dispatched since the last vacuum, so few large batches beat many small ones: a relay
         * emptied a backlog of 30,000 jobs at 4,129 jobs/s with 1000 and 1,119 jobs/s with 100
         * (deployment/bench/relay-drain.sh, docs/benchmarks.md).
         */
        @WithDefault("1000")
        int batchSize();

        /** Fallback poll when no notification arrives (LISTEN/NOTIFY wakes the relay at once). */
        @WithDefault("1s")
        Duration pollInterval();

        /** Wait after a failure (broker or database down) before trying again. */
        @WithDefault("1s")
        Duration retryInterval();

        /**
         * How long a job message's presigned {@code SourceURL} stays valid: long enough for a job to wait in the
         * queue and be transcoded; at most 7 days (the limit of S3 presigned URLs).
         */
        @WithDefault("24h")
        Duration sourceUrlValidity();
    }

    interface Results {
        @WithDefault("true")
        boolean enabled();

        /** Unacknowledged results a gateway holds at once. */
        @WithDefault("16")
        int prefetch();
    }
}
