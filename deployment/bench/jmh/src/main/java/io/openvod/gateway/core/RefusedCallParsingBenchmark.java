package io.openvod.gateway.core;

import io.openvod.gateway.core.request.RpcRequest;
import io.openvod.gateway.core.signature.Credentials;
import io.openvod.gateway.core.signature.SignatureV1;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The pure work a call does before its key is looked up, as an early-refused RegisterMedia call (10 files, signed v1,
 * parameters in a form body) pays it: reading the request, then its credentials. {@code andSignature} adds what a
 * call that is not refused early pays next: decoding every value and checking the signature.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RefusedCallParsingBenchmark {

    private static final String SECRET = "benchmark-secret";
    private static final List<Map.Entry<String, String>> HEADERS = List.of(
            Map.entry("Content-Type", "application/x-www-form-urlencoded"), Map.entry("Host", "127.0.0.1"));

    private byte[] body;
    private final Duration skew = Duration.ofMinutes(15);

    @Setup
    public void signedCall() {
        StringBuilder metadatas = new StringBuilder("[");
        for (int i = 0; i < 10; i++) {
            metadatas.append(i == 0 ? "" : ",").append("{\"FileURL\":\"https://media.oss-cn-shanghai.aliyuncs.com/")
                    .append("videos/clip-").append(i).append(".mp4\",\"Title\":\"clip ").append(i).append("\"}");
        }
        Map<String, String> params = new TreeMap<>(Map.of(
                "Action", "RegisterMedia", "Version", "2017-03-21", "Format", "JSON", "AccessKeyId", "LTAIbenchmark",
                "SignatureMethod", "HMAC-SHA1", "SignatureVersion", "1.0", "SignatureNonce", "nonce-1",
                "Timestamp", DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC)
                        .format(Instant.now()),
                "RegisterMetadatas", metadatas.append(']').toString()));
        params.put("Signature", SignatureV1.sign(SECRET, SignatureV1.stringToSign("POST", params)));
        StringBuilder form = new StringBuilder();
        params.forEach((name, value) -> form.append(form.length() == 0 ? "" : "&").append(name).append('=')
                .append(java.net.URLEncoder.encode(value, StandardCharsets.UTF_8)));
        body = form.toString().getBytes(StandardCharsets.US_ASCII);
    }

    @Benchmark
    public Credentials readRequestAndCredentials() {
        RpcRequest request = RpcRequest.of("POST", "", HEADERS, body);
        return Credentials.read(request, Instant.now(), skew);
    }

    @Benchmark
    public Credentials andSignature() {
        RpcRequest request = RpcRequest.of("POST", "", HEADERS, body);
        Credentials credentials = Credentials.read(request, Instant.now(), skew);
        request.params().requireWellFormed();
        credentials.requireSignedWith(SECRET);
        return credentials;
    }
}
