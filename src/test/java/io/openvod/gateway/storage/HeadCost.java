package io.openvod.gateway.storage;

import com.sun.management.OperatingSystemMXBean;
import io.openvod.gateway.core.storage.AddressingStyle;
import io.openvod.gateway.core.storage.StorageConnection;
import io.vertx.core.Vertx;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;

/**
 * The CPU one object-store HEAD costs this JVM, through {@link S3Heads} (the gateway's way) or through the AWS SDK's
 * own {@code S3AsyncClient} on its Netty client (configured as the gateway first had it): ROUNDS rounds of REQUESTS
 * HEADs, 64 at a time, of objects {@code obj/<n>.mp4} in a bucket, printing requests/s and µs of process CPU per
 * HEAD for each round. The server's CPU is its own process's. Run by deployment/bench/head-cost.sh.
 *
 * <p>Usage: {@code HeadCost sdk|vertx endpoint bucket accessKeyId secret objects requests rounds}
 */
public final class HeadCost {

    private HeadCost() {
    }

    public static void main(String[] args) throws Exception {
        String client = args[0];
        StorageConnection connection = new StorageConnection("bench", URI.create(args[1]), "us-east-1", args[2],
                AddressingStyle.PATH, args[3], args[4]);
        int objects = Integer.parseInt(args[5]);
        int requests = Integer.parseInt(args[6]);
        int rounds = Integer.parseInt(args[7]);
        IntFunction<CompletableFuture<Boolean>> head = switch (client) {
            case "sdk" -> sdk(connection);
            case "vertx" -> vertx(connection);
            default -> throw new IllegalArgumentException("client: sdk or vertx");
        };
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int round = 1; round <= rounds; round++) {
            long cpu = os.getProcessCpuTime();
            long started = System.nanoTime();
            int found = run(head, objects, requests);
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("RESULT client=%s round=%d heads=%d found=%d heads_per_s=%.0f cpu_us_per_head=%.1f%n",
                    client, round, requests, found, requests / seconds,
                    (os.getProcessCpuTime() - cpu) / 1e3 / requests);
        }
        System.exit(0);
    }

    private static int run(IntFunction<CompletableFuture<Boolean>> head, int objects, int requests)
            throws InterruptedException {
        Semaphore inFlight = new Semaphore(64);
        CountDownLatch done = new CountDownLatch(requests);
        AtomicInteger found = new AtomicInteger();
        for (int i = 0; i < requests; i++) {
            inFlight.acquire();
            head.apply(i % objects).whenComplete((exists, failure) -> {
                if (Boolean.TRUE.equals(exists)) {
                    found.incrementAndGet();
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await();
        return found.get();
    }

    private static IntFunction<CompletableFuture<Boolean>> vertx(StorageConnection connection) {
        S3Heads heads = new S3Heads(Vertx.vertx(), Duration.ofSeconds(5), 64);
        return n -> heads.headObject(connection, "obj/" + n + ".mp4").map(facts -> facts.isPresent())
                .subscribeAsCompletionStage();
    }

    private static IntFunction<CompletableFuture<Boolean>> sdk(StorageConnection connection) {
        S3AsyncClient s3 = S3AsyncClient.builder()
                .httpClient(NettyNioAsyncHttpClient.builder().maxConcurrency(64).build())
                .endpointOverride(connection.endpoint())
                .region(Region.of(connection.region()))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        connection.accessKeyId(), connection.accessKeySecret())))
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        return n -> s3.headObject(b -> b.bucket(connection.bucket()).key("obj/" + n + ".mp4"))
                .handle((response, failure) -> failure == null);
    }
}
