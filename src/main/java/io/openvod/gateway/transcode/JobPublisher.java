package io.openvod.gateway.transcode;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Publishes the relay's batches with the RabbitMQ Java client itself, on the relay's own thread (which may block):
 * a batch is one {@code basicPublish} per job and one wait for the broker's confirms. Through the Vert.x client each
 * message hopped to a worker thread and back, which held a relay to about 1,200 jobs/s (docs/benchmarks.md, "The
 * outbox relay"). One connection and channel, opened on first use, with the job exchange, queue and binding declared
 * (idempotent); after any failure the owner calls {@link #reset()} and the next batch opens a fresh connection.
 */
final class JobPublisher {

    /** A message to publish persistently, with its id. */
    record Message(String id, byte[] body) {
    }

    private final TranscodeConfig.Broker config;
    private final String name;
    private Connection connection;
    private Channel channel;

    JobPublisher(TranscodeConfig.Broker config, String name) {
        this.config = config;
        this.name = name;
    }

    /**
     * Publishes every message persistently and returns once the broker confirmed all of them; throws otherwise (a
     * nack, a lost connection, or no confirmation within the confirm timeout), in which case some may still have
     * been delivered: the caller publishes them all again, so delivery is at least once.
     */
    synchronized void publishConfirmed(List<Message> messages) throws IOException, TimeoutException, InterruptedException {
        Channel c = channel();
        Date now = new Date();
        for (Message message : messages) {
            AMQP.BasicProperties properties = new AMQP.BasicProperties.Builder().messageId(message.id())
                    .deliveryMode(2).contentType("application/json").timestamp(now).build();
            c.basicPublish(config.exchange(), config.routingKey(), properties, message.body());
        }
        c.waitForConfirmsOrDie(config.confirmTimeout().toMillis());
    }

    /** Drops the connection without waiting long for the broker (it may be unreachable). */
    synchronized void reset() {
        Connection old = connection;
        connection = null;
        channel = null;
        if (old != null) {
            old.abort((int) config.connectTimeout().toMillis());
        }
    }

    private Channel channel() throws IOException, TimeoutException {
        if (channel != null && channel.isOpen()) {
            return channel;
        }
        reset();
        connection = factory().newConnection("vod-gateway " + name);
        Channel fresh = connection.createChannel();
        fresh.exchangeDeclare(config.exchange(), "direct", true, false, null);
        fresh.queueDeclare(config.jobQueue(), true, false, false, null);
        fresh.queueBind(config.jobQueue(), config.exchange(), config.routingKey());
        fresh.confirmSelect();
        channel = fresh;
        return fresh;
    }

    private ConnectionFactory factory() {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(config.host());
        factory.setPort(config.port());
        factory.setUsername(config.username());
        factory.setPassword(config.password());
        factory.setVirtualHost(config.virtualHost());
        factory.setConnectionTimeout((int) config.connectTimeout().toMillis());
        factory.setHandshakeTimeout((int) config.connectTimeout().toMillis());
        factory.setRequestedHeartbeat(10);
        // Recovery is the relay's: a failed batch resets the connection and stays Pending in the outbox.
        factory.setAutomaticRecoveryEnabled(false);
        factory.setTopologyRecoveryEnabled(false);
        return factory;
    }
}
