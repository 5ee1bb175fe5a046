package io.openvod.gateway.support;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.UUID;

/**
 * The gateway reaches the shared RabbitMQ through a {@link TcpProxy} (broker-down tests cut it, never the broker),
 * with exchange and queue names of its own (a random suffix), so concurrent runs never share a queue. They are
 * deleted when the run ends. Applies to every Quarkus test of the run.
 */
public class RabbitMqTestResource implements QuarkusTestResourceLifecycleManager {

    /** The proxy in front of the broker, injected into test fields of this type. */
    public record BrokerProxy(TcpProxy proxy) {
    }

    private TcpProxy proxy;
    private String suffix;

    @Override
    public Map<String, String> start() {
        try {
            proxy = new TcpProxy("127.0.0.1", 5672);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        suffix = UUID.randomUUID().toString().substring(0, 8);
        return Map.of(
                "vod.transcode.broker.port", String.valueOf(proxy.port()),
                "vod.transcode.broker.exchange", "test.vod.transcode." + suffix,
                "vod.transcode.broker.job-queue", "test.vod.transcode.jobs." + suffix,
                "vod.transcode.broker.result-queue", "test.vod.transcode.results." + suffix,
                "vod.transcode.broker.dead-letter-queue", "test.vod.transcode.results.dead." + suffix);
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(new BrokerProxy(proxy), new TestInjector.MatchesType(BrokerProxy.class));
    }

    @Override
    public void stop() {
        try (Connection connection = directConnection(); Channel channel = connection.createChannel()) {
            channel.exchangeDelete("test.vod.transcode." + suffix);
            for (String queue : new String[] {"jobs", "results", "results.dead"}) {
                channel.queueDelete("test.vod.transcode." + queue + "." + suffix);
            }
        } catch (Exception e) {
            System.err.println("could not delete the test queues: " + e);
        }
        try {
            proxy.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection straight to the broker (not through the proxy), for tests that read or feed queues. */
    public static Connection directConnection() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(5672);
        factory.setUsername("guest");
        factory.setPassword("guest");
        return factory.newConnection("vod-gateway tests");
    }
}
