package io.openvod.loadtest.simulations;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.openvod.loadtest.AccessKey;
import io.openvod.loadtest.AccessKeys;
import io.openvod.loadtest.RegisterBatches;
import io.openvod.loadtest.Settings;
import io.openvod.loadtest.SignedRpc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * The load-test suite: signed RegisterMedia calls against any gateway, open model (constant arrival rate),
 * one scenario after the other so each has the server to itself, after a short warm-up:
 * <ul>
 * <li>{@code new}: new registrations, 10 new files per request, one account below its limit;</li>
 * <li>{@code repeat}: repeated registrations of a small fixed set of files (idempotent path);</li>
 * <li>{@code hot}: one hot account well over its rate limit (answers are 200 or 400 Throttling.User);</li>
 * <li>{@code many}: new registrations spread round-robin over every account in the keys file.</li>
 * </ul>
 * Settings (system property or environment variable, see {@link Settings}): {@code gateway.url},
 * {@code keys} (CSV of accessKeyId,accessKeySecret,storageHost) or {@code access.key.id} /
 * {@code access.key.secret} / {@code storage.host}, {@code hot.keys} (CSV; default: the first key),
 * {@code scenarios}, {@code duration} (seconds per scenario), {@code warmup.duration}, {@code warmup.rate}, {@code new.rate}, {@code repeat.rate},
 * {@code hot.rate}, {@code many.rate} (requests per second), {@code files} (per request), {@code run.tag} (names the
 * new files, see {@link RegisterBatches}; default: random).
 */
public class LoadTestSuite extends Simulation {

    private final String gatewayUrl = Settings.string("gateway.url", "http://127.0.0.1:8080");
    private final Duration duration = Duration.ofSeconds(Settings.integer("duration", 20));
    private final List<AccessKey> keys = AccessKeys.fromSettings();
    private final AccessKey hotKey = hotKey(keys);
    private final int filesPerRequest = Settings.integer("files", RegisterBatches.FILES_PER_REQUEST);
    private final RegisterBatches batches = RegisterBatches.fromSettings(filesPerRequest);
    private final AtomicLong roundRobin = new AtomicLong();
    private final LongAdder hotAccepted = new LongAdder();
    private final LongAdder hotThrottled = new LongAdder();

    private final HttpProtocolBuilder protocol = http
            .baseUrl(gatewayUrl)
            // Real SDK clients keep connections alive; one pool for all virtual users, as they would.
            .shareConnections()
            .contentTypeHeader(SignedRpc.CONTENT_TYPE)
            .acceptHeader("application/json");

    {
        List<PopulationBuilder> chain = new ArrayList<>();
        for (String name : Settings.string("scenarios", "warmup,new,repeat,hot,many").split(",")) {
            chain.add(population(name.strip()));
        }
        PopulationBuilder first = chain.get(0);
        for (PopulationBuilder next : chain.subList(1, chain.size())) {
            first = first.andThen(next);
        }
        setUp(first)
                .protocols(protocol)
                // Every answer must be the one the scenario expects (checks below); throttling is expected only
                // in the hot-account scenario, where it is not a failure.
                .assertions(global().failedRequests().percent().lte(1.0));
    }

    @Override
    public void after() {
        if (hotAccepted.sum() + hotThrottled.sum() > 0) {
            System.out.printf("hot account %s: %d accepted, %d throttled (Throttling.User)%n",
                    hotKey.id(), hotAccepted.sum(), hotThrottled.sum());
        }
    }

    private PopulationBuilder population(String name) {
        return switch (name) {
            // A freshly started JVM answers its first calls slowly (JIT); this keeps that out of the scenarios.
            case "warmup" -> newRegistrations("warm-up", this::nextKey).injectOpen(
                    constantUsersPerSec(Settings.number("warmup.rate", 50))
                            .during(Duration.ofSeconds(Settings.integer("warmup.duration", 10))));
            case "new" -> open(newRegistrations("new registrations", () -> keys.get(0)), "new.rate", 20);
            case "repeat" -> open(repeatedRegistrations(), "repeat.rate", 20);
            case "hot" -> open(hotAccount(), "hot.rate", 200);
            case "many" -> open(newRegistrations("many accounts", this::nextKey), "many.rate", 100);
            default -> throw new IllegalArgumentException(
                    "unknown scenario " + name + "; known: warmup, new, repeat, hot, many");
        };
    }

    private PopulationBuilder open(ScenarioBuilder scenario, String rateSetting, double defaultRate) {
        return scenario.injectOpen(constantUsersPerSec(Settings.number(rateSetting, defaultRate)).during(duration));
    }

    private ScenarioBuilder newRegistrations(String name, Supplier<AccessKey> keyChoice) {
        return scenario(name).exec(http("RegisterMedia " + name)
                .post("/")
                .body(StringBody(session -> {
                    AccessKey key = keyChoice.get();
                    return SignedRpc.registerMedia(key, batches.newBatch(key.storageHost()));
                }))
                .check(status().is(200),
                        jsonPath("$.RegisteredMediaList[?(@.NewRegister == true)]").count().is(filesPerRequest)));
    }

    private ScenarioBuilder repeatedRegistrations() {
        AccessKey key = keys.get(0);
        return scenario("repeated registrations").exec(http("RegisterMedia repeated")
                .post("/")
                .body(StringBody(session -> SignedRpc.registerMedia(key, batches.repeatedBatch(key.storageHost(), 20))))
                .check(status().is(200), registeredAll()));
    }

    private ScenarioBuilder hotAccount() {
        return scenario("hot account").exec(http("RegisterMedia hot account")
                .post("/")
                .body(StringBody(session -> SignedRpc.registerMedia(hotKey, batches.repeatedBatch(hotKey.storageHost(), 5))))
                .check(status().in(200, 400))
                .checkIf((response, session) -> countHot(response.status().code()) == 200).then(registeredAll())
                .checkIf((response, session) -> response.status().code() == 400)
                .then(jsonPath("$.Code").is("Throttling.User")));
    }

    private int countHot(int status) {
        (status == 400 ? hotThrottled : hotAccepted).increment();
        return status;
    }

    private CheckBuilder registeredAll() {
        return jsonPath("$.RegisteredMediaList[*].MediaId").count().is(filesPerRequest);
    }

    private AccessKey nextKey() {
        return keys.get((int) (roundRobin.getAndIncrement() % keys.size()));
    }

    private static AccessKey hotKey(List<AccessKey> keys) {
        String file = Settings.string("hot.keys", "");
        return file.isEmpty() ? keys.get(0) : AccessKeys.read(Path.of(file)).get(0);
    }
}
