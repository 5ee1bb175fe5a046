package io.openvod.loadtest.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.openvod.loadtest.AccessKey;
import io.openvod.loadtest.RegisterBatches;
import io.openvod.loadtest.SignedRpc;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * CPU the load generator spends per request on building its signed body, the straightforward way
 * ({@link SignedRpc}, what the generator did before {@link RegisterMediaSigner}) against {@link Workload}'s.
 * A harness to run by hand, not a test (timings flake):
 * <pre>
 *   java -cp target/classes:target/test-classes:$(runtime classpath) io.openvod.loadtest.bench.RequestCost \
 *       REQUESTS new-reference|new-workload|hot-reference|hot-workload
 * </pre>
 * prints this thread's CPU per request over the first and the second half of the run (JIT warm-up, then steady
 * state) and the whole process's CPU per request, JVM start and JIT compilation included, as the benchmark's
 * generator_cpu_s counts it: run one path per JVM for that one.
 */
public final class RequestCost {

    private static final int FILES = RegisterBatches.FILES_PER_REQUEST;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final List<AccessKey> keys = new ArrayList<>();
    private final ByteBufAllocator alloc = ByteBufAllocator.DEFAULT;

    private RequestCost() {
        for (int i = 1; i <= 32; i++) {
            keys.add(new AccessKey("LTAI" + i + "rhvINZbmINshP18oKayR", "8JAp7YJPHTyhw88uy6go7jwVfZXCHj" + i,
                    "bench-1795558065-" + i + ".oss-cn-shanghai.aliyuncs.com"));
        }
    }

    public static void main(String[] args) {
        int requests = Integer.parseInt(args[0]);
        RequestCost cost = new RequestCost();
        for (String path : List.of(args).subList(1, args.length)) {
            cost.measure(path, requests, cost.path(path));
        }
    }

    private IntSupplier path(String name) {
        return switch (name) {
            case "new-reference" -> referenceNew();
            case "new-workload" -> body(Workload.named("register-new", Workload.Inputs.of(keys, keys, FILES)));
            case "hot-reference" -> referenceHot();
            case "hot-workload" -> body(Workload.named("register-hot", Workload.Inputs.of(keys, keys, FILES)));
            default -> throw new IllegalArgumentException("unknown path " + name);
        };
    }

    /** As the generator did: a String body from SignedRpc, then its UTF-8 bytes for Netty. */
    private IntSupplier referenceNew() {
        RegisterBatches batches = new RegisterBatches(FILES);
        long[] next = {0};
        return () -> {
            AccessKey key = keys.get((int) (next[0]++ % keys.size()));
            return sent(SignedRpc.registerMedia(key, batches.newBatch(key.storageHost())));
        };
    }

    private IntSupplier referenceHot() {
        RegisterBatches batches = new RegisterBatches(FILES);
        AccessKey key = keys.get(0);
        return () -> sent(SignedRpc.registerMedia(key, batches.repeatedBatch(key.storageHost(), 5)));
    }

    private static int sent(String body) {
        ByteBuf content = Unpooled.wrappedBuffer(body.getBytes(StandardCharsets.UTF_8));
        int length = content.readableBytes();
        content.release();
        return length;
    }

    private IntSupplier body(Workload workload) {
        return () -> {
            ByteBuf body = workload.nextBody(alloc);
            int length = body.readableBytes();
            body.release();
            return length;
        };
    }

    private void measure(String name, int requests, IntSupplier request) {
        long bytes = 0;
        double[] threadNanos = new double[2];
        for (int half = 0; half < 2; half++) {
            long cpu = THREADS.getCurrentThreadCpuTime();
            for (int i = 0; i < requests / 2; i++) {
                bytes += request.getAsInt();
            }
            threadNanos[half] = (THREADS.getCurrentThreadCpuTime() - cpu) / (requests / 2.0);
        }
        double processMicros = ProcessHandle.current().info().totalCpuDuration().orElseThrow().toNanos() / 1e3 / requests;
        System.out.printf(Locale.ROOT, "%-13s %7d requests (%d body bytes): thread %6.0f then %5.0f ns/request, "
                + "process %5.1f us/request (JVM start and JIT included)%n", name, requests, bytes / requests,
                threadNanos[0], threadNanos[1], processMicros);
    }
}
