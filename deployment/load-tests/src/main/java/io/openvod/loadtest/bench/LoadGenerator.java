package io.openvod.loadtest.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.openvod.loadtest.AccessKey;
import io.openvod.loadtest.AccessKeys;
import io.openvod.loadtest.RegisterBatches;
import io.openvod.loadtest.Settings;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * The benchmark's load generator: keep-alive HTTP/1.1 connections on one Netty event loop, so it costs the
 * shared CPU as little as possible and needs no locking.
 * <ul>
 * <li>{@code mode=closed}: {@code concurrency} connections, each sending its next request as soon as the
 * previous answer arrives: the server's maximum throughput.</li>
 * <li>{@code mode=open}: requests are due at a constant {@code rate} whatever the server does, and are sent
 * on the first free one of {@code connections} connections; latency is measured from the moment a request
 * was due, so a stalled server cannot hide its queueing (no coordinated omission).</li>
 * </ul>
 * What is sent is {@code kind} (see {@link Workload}), with its settings ({@link Settings}: {@code a.b} or env
 * {@code A_B}):
 * <ul>
 * <li>{@code register-new}: {@code keys} (CSV of accessKeyId,accessKeySecret,storageHost), {@code files} per
 * request, {@code run.tag} (names the new files, see {@link RegisterBatches});</li>
 * <li>{@code register-template}: the same and {@code template.group}, the TemplateGroupId (default bench-tg);</li>
 * <li>{@code register-hot}: {@code hot.keys} (its first key; default: {@code keys}), {@code files};</li>
 * <li>{@code get-video-info}: {@code video.ids} (CSV of accessKeyId,videoId) and {@code keys} holding those keys;</li>
 * <li>{@code trivial}: nothing.</li>
 * </ul>
 * Prints one {@code RESULT key=value…} line for the benchmark script to read.
 */
public final class LoadGenerator {

    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final URI target;
    private final RequestHead head;
    private final Workload workload;
    private final String mode;
    private final int connections;
    private final double rate;
    private final long durationNanos;
    private final String label;

    private final Histogram latencyMicros = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
    private final ArrayDeque<Long> due = new ArrayDeque<>();
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> all = new ArrayList<>();
    private final CompletableFuture<Void> finished = new CompletableFuture<>();
    private final List<String> samples = new ArrayList<>();
    private EventLoop loop;
    private long start;
    private long end;
    private long scheduled;
    private long ok;
    private long throttled;
    private long unexpected;
    private long failed;
    private long lastCompletion;

    LoadGenerator(URI target, Workload workload, String mode, int connections, double rate, long durationNanos,
            String label) {
        this.target = target;
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        this.head = new RequestHead(path, target.getHost() + ":" + target.getPort());
        this.workload = workload;
        this.mode = mode;
        this.connections = connections;
        this.rate = rate;
        this.durationNanos = durationNanos;
        this.label = label;
    }

    public static void main(String[] args) throws Exception {
        String kind = Settings.string("kind", "register-new");
        String mode = Settings.string("mode", "closed");
        int connections = Settings.integer("connections", 64);
        double rate = Settings.number("rate", 0);
        if (!mode.equals("closed") && !(mode.equals("open") && rate > 0)) {
            throw new IllegalArgumentException("mode=closed, or mode=open with rate>0");
        }
        Workload workload = Workload.named(kind, inputs(kind));
        URI target = URI.create(Settings.string("gateway.url", "http://127.0.0.1:8080"));
        String host = target.getHost();
        if (!host.equals("127.0.0.1") && !host.equals("localhost") && !host.equals("[::1]")) {
            throw new IllegalArgumentException("the benchmark only loads a gateway on this machine, not " + host);
        }
        long duration = TimeUnit.MILLISECONDS.toNanos((long) (Settings.number("duration", 15) * 1000));
        new LoadGenerator(target, workload, mode, connections, rate, duration, Settings.string("label", kind)).run();
    }

    /** The settings {@code kind} is built from; the files only a kind needs are read for that kind alone. */
    private static Workload.Inputs inputs(String kind) {
        List<AccessKey> keys = kind.equals("trivial") ? List.of() : AccessKeys.fromSettings();
        String hotFile = Settings.string("hot.keys", "");
        String videoFile = Settings.string("video.ids", "");
        return new Workload.Inputs(keys,
                hotFile.isEmpty() ? keys : AccessKeys.read(Path.of(hotFile)),
                RegisterBatches.fromSettings(Settings.integer("files", RegisterBatches.FILES_PER_REQUEST)),
                Settings.string("template.group", Workload.Inputs.DEFAULT_TEMPLATE_GROUP),
                kind.equals("get-video-info") && !videoFile.isEmpty() ? Video.read(Path.of(videoFile), keys) : List.of());
    }

    void run() throws Exception {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        try {
            loop = group.next();
            Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new Connection(ch));
                        }
                    });
            int port = target.getPort() < 0 ? 80 : target.getPort();
            for (int i = 0; i < connections; i++) {
                bootstrap.connect(target.getHost(), port).sync();
            }
            loop.execute(this::begin);
            finished.get(durationNanos + GRACE_NANOS + TimeUnit.SECONDS.toNanos(10), TimeUnit.NANOSECONDS);
            for (Connection connection : all) {
                connection.channel.close();
            }
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
        report();
    }

    private void begin() {
        start = System.nanoTime();
        end = start + durationNanos;
        loop.schedule(this::finish, durationNanos + GRACE_NANOS, TimeUnit.NANOSECONDS);
        if (mode.equals("open")) {
            tick();
        } else {
            List<Connection> ready = new ArrayList<>(idle);
            idle.clear();
            ready.forEach(c -> c.send(System.nanoTime()));
        }
    }

    /** Open model: queue every request that has fallen due, hand them to free connections, come back in 1 ms. */
    private void tick() {
        long now = System.nanoTime();
        long intervalNanos = (long) (1e9 / rate);
        while (start + scheduled * intervalNanos <= Math.min(now, end - 1)) {
            due.add(start + scheduled++ * intervalNanos);
        }
        dispatch();
        if (now < end) {
            loop.schedule(this::tick, 1, TimeUnit.MILLISECONDS);
        }
    }

    private void dispatch() {
        while (!due.isEmpty() && !idle.isEmpty()) {
            idle.poll().send(due.poll());
        }
    }

    private void completed(Connection connection, long dueAt, int request, int status, String body) {
        long now = System.nanoTime();
        lastCompletion = now;
        latencyMicros.recordValue(Math.max(1, (now - dueAt) / 1000));
        switch (workload.classify(status, body, request)) {
            case OK -> ok++;
            case THROTTLED -> throttled++;
            case UNEXPECTED -> {
                unexpected++;
                if (samples.size() < 3) {
                    samples.add(status + " " + body.substring(0, Math.min(200, body.length())).replace('\n', ' '));
                }
            }
        }
        if (mode.equals("closed")) {
            if (now < end) {
                connection.send(now);
            } else if (all.stream().noneMatch(c -> c.busy)) {
                finish();
            }
        } else {
            idle.add(connection);
            dispatch();
            if (now >= end && due.isEmpty() && all.stream().noneMatch(c -> c.busy)) {
                finish();
            }
        }
    }

    private void finish() {
        finished.complete(null);
    }

    private void report() {
        long completed = ok + throttled + unexpected;
        // Closed model: answers over the measured window. Open model: what was asked for got done in the window.
        double seconds = Math.max(durationNanos, (mode.equals("closed") ? lastCompletion : end) - start) / 1e9;
        double throughput = completed / seconds;
        System.out.printf(Locale.ROOT, "RESULT label=%s mode=%s connections=%d target_rate=%.1f requests=%d ok=%d "
                        + "throttled=%d unexpected=%d failed=%d not_sent=%d seconds=%.2f throughput=%.1f "
                        + "p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f generator_cpu_s=%.2f%n",
                label, mode, connections, rate, completed, ok, throttled, unexpected, failed, due.size(), seconds,
                throughput, ms(50), ms(90), ms(99), latencyMicros.getMaxValue() / 1000.0, cpuSeconds());
        samples.forEach(sample -> System.out.println("UNEXPECTED " + sample));
    }

    /** CPU this generator used (all its threads, JVM start included): its share of the shared machine. */
    private static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(-1.0);
    }

    private double ms(double percentile) {
        return latencyMicros.getValueAtPercentile(percentile) / 1000.0;
    }

    /**
     * One keep-alive connection with at most one request in flight. It writes ready-made request bytes and reads
     * answers with a {@link ResponseReader}: no HTTP codec in the pipeline, so each request costs little CPU and
     * the JIT has little to compile.
     */
    private final class Connection extends ChannelInboundHandlerAdapter {
        private final Channel channel;
        private final ResponseReader reader = new ResponseReader();
        private long dueAt;
        /** The workload's number of the request in flight, which its answer is classified against. */
        private int request;
        private boolean busy;

        Connection(Channel channel) {
            this.channel = channel;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            loop.execute(() -> {
                all.add(this);
                idle.add(this);
            });
        }

        void send(long dueAt) {
            this.dueAt = dueAt;
            this.busy = true;
            ByteBuf body = workload.nextBody(channel.alloc());
            request = workload.lastRequest();
            // A failed write reaches exceptionCaught through the void promise.
            if (body == null) {
                channel.writeAndFlush(head.get(), channel.voidPromise());
            } else {
                // Two buffers, one flush: NIO sends them in one gathering write.
                channel.write(head.post(channel.alloc(), body.readableBytes()), channel.voidPromise());
                channel.writeAndFlush(body, channel.voidPromise());
            }
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            try {
                if (reader.read(in)) {
                    busy = false;
                    completed(this, dueAt, request, reader.status(), reader.body());
                }
            } finally {
                in.release();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failed++;
            if (samples.size() < 3) {
                samples.add("connection failure: " + cause);
            }
            busy = false;
            all.remove(this);
            ctx.close();
        }
    }
}
