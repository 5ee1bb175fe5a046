package io.openvod.gateway.register;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/** {@code vod_register_media_files_total}: the files of RegisterMedia answers, by what became of them. */
@ApplicationScoped
class RegisterMetrics {

    private final Counter registeredNew;
    private final Counter registeredRepeated;
    private final Counter registrationFailed;

    RegisterMetrics(MeterRegistry registry) {
        this.registeredNew = counter(registry, "new");
        this.registeredRepeated = counter(registry, "repeated");
        this.registrationFailed = counter(registry, "failed");
    }

    /** Counts the files of one answer: newly registered, already known, and failed. */
    void count(Registration registration) {
        long created = registration.registered().stream().filter(RegisteredMedia::newRegister).count();
        registeredNew.increment(created);
        registeredRepeated.increment(registration.registered().size() - created);
        registrationFailed.increment(registration.failedFileUrls().size());
    }

    private static Counter counter(MeterRegistry registry, String result) {
        return Counter.builder("vod.register.media.files")
                .description("Files in RegisterMedia answers: new, repeated (already registered) or failed")
                .tag("result", result)
                .register(registry);
    }
}
