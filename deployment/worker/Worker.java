import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Delivery;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The reference transcoder worker of vod-gateway: takes jobs off the job queue, "transcodes" them and reports a
 * result on the result queue. It does not encode anything: it probes the source with ffprobe (Debian package
 * ffmpeg) when ffprobe is installed and reports its format and video stream as the one output stream; without
 * ffprobe it reports the source itself as the output (Definition "OD", original). Replace probe() with your
 * encoder and keep the rest.
 *
 * Run: deployment/worker/run.sh (environment: RABBITMQ_HOST, RABBITMQ_PORT, RABBITMQ_USER, RABBITMQ_PASSWORD,
 * VOD_JOB_QUEUE, VOD_RESULT_QUEUE, WORKER_MAX_JOBS to stop after that many jobs).
 *
 * Delivery is at least once: the worker remembers the message ids (JobIds) it finished and acknowledges a repeat
 * without doing it again. A real worker keeps that memory somewhere durable; the gateway ignores repeated results
 * anyway.
 */
public final class Worker {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String jobs = env("VOD_JOB_QUEUE", "vod.transcode.jobs");
        String results = env("VOD_RESULT_QUEUE", "vod.transcode.results");
        int maxJobs = Integer.parseInt(env("WORKER_MAX_JOBS", "0"));
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(env("RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(env("RABBITMQ_PORT", "5672")));
        factory.setUsername(env("RABBITMQ_USER", "guest"));
        factory.setPassword(env("RABBITMQ_PASSWORD", "guest"));
        Set<String> done = Collections.newSetFromMap(new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > 100_000;
            }
        });
        CountDownLatch finished = new CountDownLatch(maxJobs > 0 ? maxJobs : 1);
        try (Connection connection = factory.newConnection("vod-reference-worker")) {
            Channel channel = connection.createChannel();
            channel.confirmSelect();
            channel.basicQos(1);
            channel.basicConsume(jobs, false, (tag, delivery) -> {
                handle(channel, results, delivery, done);
                finished.countDown();
            }, tag -> { });
            System.out.println("worker: consuming " + jobs + ", reporting to " + results);
            if (maxJobs > 0) {
                finished.await();
            } else {
                new CountDownLatch(1).await();
            }
        }
    }

    private static void handle(Channel channel, String results, Delivery delivery, Set<String> done) {
        long tag = delivery.getEnvelope().getDeliveryTag();
        try {
            String id = delivery.getProperties().getMessageId();
            if (id != null && done.contains(id)) {
                System.out.println("worker: job " + id + " seen before, acknowledged without work");
                channel.basicAck(tag, false);
                return;
            }
            JsonNode job = JSON.readTree(delivery.getBody());
            ObjectNode result = probe(job);
            channel.basicPublish("", results, new AMQP.BasicProperties.Builder().contentType("application/json")
                    .deliveryMode(2).messageId(job.get("JobId").asText()).build(),
                    JSON.writeValueAsBytes(result));
            channel.waitForConfirmsOrDie(10_000);
            channel.basicAck(tag, false);
            done.add(job.get("JobId").asText());
            System.out.println("worker: job " + job.get("JobId").asText() + " -> " + result.get("Status").asText());
        } catch (Exception e) {
            System.err.println("worker: job failed to report, returned to the queue: " + e);
            try {
                channel.basicNack(tag, false, true);
            } catch (Exception ignored) {
                // the connection is gone; the broker redelivers the job
            }
        }
    }

    /** The result: ffprobe's view of the source when available, else the source itself as the output. */
    static ObjectNode probe(JsonNode job) throws Exception {
        String source = job.has("SourceURL") ? job.get("SourceURL").asText() : job.get("FileURL").asText();
        ObjectNode result = JSON.createObjectNode().put("JobId", job.get("JobId").asText());
        ObjectNode stream = JSON.createObjectNode().put("Definition", "OD").put("FileUrl", job.get("FileURL").asText())
                .put("Format", extension(job.get("FileURL").asText()));
        if (job.has("Size")) {
            stream.put("Size", job.get("Size").asLong());
        }
        if (onPath("ffprobe")) {
            Process ffprobe = new ProcessBuilder("ffprobe", "-v", "error", "-print_format", "json", "-show_format",
                    "-show_streams", source).redirectErrorStream(false).start();
            byte[] out = ffprobe.getInputStream().readAllBytes();
            String err = new String(ffprobe.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!ffprobe.waitFor(60, TimeUnit.SECONDS) || ffprobe.exitValue() != 0) {
                return result.put("Status", "fail").put("ErrorCode", "ProbeFailed")
                        .put("ErrorMessage", err.isEmpty() ? "ffprobe failed" : err.lines().findFirst().orElse(""));
            }
            describe(stream, JSON.readTree(out));
        }
        ArrayNode streams = result.put("Status", "success").putArray("StreamInfos");
        streams.add(stream);
        return result;
    }

    private static void describe(ObjectNode stream, JsonNode probe) {
        JsonNode format = probe.path("format");
        if (format.has("duration")) {
            stream.put("Duration", format.get("duration").asText());
        }
        if (format.has("bit_rate")) {
            stream.put("Bitrate", String.valueOf(format.get("bit_rate").asLong() / 1000));
        }
        if (format.has("size")) {
            stream.put("Size", format.get("size").asLong());
        }
        for (JsonNode s : probe.path("streams")) {
            if ("video".equals(s.path("codec_type").asText())) {
                stream.put("Width", s.path("width").asInt()).put("Height", s.path("height").asInt())
                        .put("Fps", s.path("avg_frame_rate").asText());
                break;
            }
        }
    }

    private static String extension(String url) {
        String path = url.replaceAll("[?#].*$", "");
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase();
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
