package io.openvod.gateway.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads and feeds the run's queues on the real broker, directly (not through the gateway's proxy). */
public final class BrokerQueues implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A message taken off a queue. */
    public record Received(AMQP.BasicProperties properties, JsonNode body, String text) {
    }

    private final Connection connection;
    private final Channel channel;

    public BrokerQueues() throws Exception {
        connection = RabbitMqTestResource.directConnection();
        channel = connection.createChannel();
    }

    /**
     * Takes messages off {@code queue} until {@code count} matching ones arrived or {@code timeout} passed, then
     * keeps taking for {@code settle} (to see duplicates). Messages that do not match (other tests') are dropped.
     */
    public List<Received> take(String queue, Predicate<JsonNode> matching, int count, Duration timeout,
            Duration settle) throws Exception {
        List<Received> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        long settleUntil = Long.MAX_VALUE;
        while (System.nanoTime() < Math.min(deadline, settleUntil)) {
            GetResponse response = channel.basicGet(queue, true);
            if (response == null) {
                Thread.sleep(20);
                continue;
            }
            String text = new String(response.getBody(), StandardCharsets.UTF_8);
            JsonNode body = parse(text);
            if (body != null && matching.test(body)) {
                found.add(new Received(response.getProps(), body, text));
                if (found.size() >= count && settleUntil == Long.MAX_VALUE) {
                    settleUntil = System.nanoTime() + settle.toNanos();
                }
            }
        }
        return found;
    }

    public void publish(String queue, String body) throws IOException {
        channel.basicPublish("", queue, new AMQP.BasicProperties.Builder().contentType("application/json")
                .deliveryMode(2).build(), body.getBytes(StandardCharsets.UTF_8));
    }

    public long messageCount(String queue) throws IOException {
        return channel.messageCount(queue);
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() throws Exception {
        connection.close();
    }
}
