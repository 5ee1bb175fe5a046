package io.openvod.gateway.rpc;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.AttributeKey;
import io.quarkus.vertx.http.HttpServerStart;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * Deadlines for a request head on the RPC port, in the manner of nginx's {@code client_header_timeout}: a connection
 * must deliver a complete request head within {@code vod.http.request-head-timeout} of being accepted, and the next
 * one within {@code vod.http.keep-alive-timeout} of the previous answer, or it is closed. Trickling one header line
 * at a time no longer holds a connection open (the idle timeout only counts silence).
 * <p>
 * Neither Quarkus nor Vert.x has such a setting, and neither lets an application see a connection before its first
 * request head is complete. So the deadline is armed in the listening socket's own Netty pipeline, which every
 * accepted connection passes through; that pipeline is reached from the first request's connection
 * ({@code channel().parent()}), and a request to ourselves at start makes sure that happens at once.
 */
@ApplicationScoped
public class HeadDeadlines {

    private static final Logger LOG = Logger.getLogger(HeadDeadlines.class);
    private static final AttributeKey<Heads> HEADS = AttributeKey.valueOf("vod.request-heads");
    private static final String HANDLER_NAME = "vod-request-head-deadline";

    private final long headTimeoutMillis;
    private final long keepAliveTimeoutMillis;
    private final AtomicBoolean armed = new AtomicBoolean();

    public HeadDeadlines(FrontDoorConfig config) {
        this.headTimeoutMillis = config.requestHeadTimeout().toMillis();
        this.keepAliveTimeoutMillis = config.keepAliveTimeout().toMillis();
    }

    /** Per connection: how many heads arrived, and whether an answer is still being written. */
    private static final class Heads {
        // Changed on the connection's event loop only; read by timers that may run on the listening socket's loop.
        volatile long count;
        volatile int inFlight;
    }

    /** Called by the front door for every request head, before anything else. */
    void headArrived(RoutingContext ctx) {
        if (!(ctx.request().connection() instanceof ConnectionBase connection)) {
            return;
        }
        Channel channel = connection.channel();
        armListeningSocket(channel.parent());
        Heads heads = channel.attr(HEADS).setIfAbsent(new Heads());
        heads = heads == null ? channel.attr(HEADS).get() : heads;
        heads.count++;
        heads.inFlight++;
        Heads current = heads;
        ctx.addEndHandler(ended -> {
            current.inFlight--;
            schedule(channel, current, current.count, keepAliveTimeoutMillis);
        });
    }

    private void armListeningSocket(Channel listening) {
        if (listening == null || armed.get() || !armed.compareAndSet(false, true)) {
            return;
        }
        listening.eventLoop().execute(() -> {
            if (listening.pipeline().get(HANDLER_NAME) == null) {
                listening.pipeline().addFirst(HANDLER_NAME, new OnAccept());
                LOG.infof("Request heads must arrive within %d ms of connecting and %d ms of the previous answer",
                        headTimeoutMillis, keepAliveTimeoutMillis);
            }
        });
    }

    @ChannelHandler.Sharable
    private final class OnAccept extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object accepted) {
            if (accepted instanceof Channel child) {
                Heads heads = new Heads();
                child.attr(HEADS).set(heads);
                schedule(child, heads, 0, headTimeoutMillis);
            }
            ctx.fireChannelRead(accepted);
        }
    }

    /** Closes {@code channel} if no new head arrived (and no answer is being written) after {@code delayMillis}. */
    private static void schedule(Channel channel, Heads heads, long countWhenArmed, long delayMillis) {
        Channel timerOwner = channel.isRegistered() ? channel : channel.parent();
        timerOwner.eventLoop().schedule(() -> {
            if (channel.isActive() && heads.inFlight == 0 && heads.count == countWhenArmed) {
                channel.close();
            }
        }, delayMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * One request to ourselves as soon as the RPC port listens, so the deadline covers connections from the start.
     * Quarkus fires this event asynchronously only.
     */
    void onStart(@ObservesAsync HttpServerStart start, Vertx vertx) {
        int port = start.options().getPort() > 0 ? start.options().getPort()
                : ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class)
                        .orElse(ConfigProvider.getConfig().getValue("quarkus.http.port", Integer.class));
        HttpClient client = vertx.createHttpClient();
        client.request(HttpMethod.OPTIONS, port, "127.0.0.1", "/")
                .compose(request -> request.send())
                .onComplete(done -> {
                    if (done.failed()) {
                        LOG.debugf("Could not arm request head deadlines at start: %s", done.cause().toString());
                    }
                    client.close();
                });
    }
}
