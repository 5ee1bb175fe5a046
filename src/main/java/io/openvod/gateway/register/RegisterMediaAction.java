package io.openvod.gateway.register;

import io.openvod.gateway.metrics.RpcMetrics;
import io.openvod.gateway.rpc.RpcAction;
import io.openvod.gateway.rpc.RpcCall;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code Action=RegisterMedia}: validate, register, answer {@code RegisteredMediaList} and {@code FailedFileURLs}. */
@ApplicationScoped
public class RegisterMediaAction implements RpcAction {

    private final RegisterMediaParser parser;
    private final RegisterMediaService service;
    private final RpcMetrics metrics;

    RegisterMediaAction(RegisterMediaParser parser, RegisterMediaService service, RpcMetrics metrics) {
        this.parser = parser;
        this.service = service;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "RegisterMedia";
    }

    @Override
    public Uni<Map<String, Object>> invoke(RpcCall call) {
        RegisterMediaRequest request = parser.parse(call);
        return service.register(call.caller().account().id(), request).invoke(this::count).map(RegisterMediaAction::body);
    }

    private void count(Registration registration) {
        long created = registration.registered().stream().filter(RegisteredMedia::newRegister).count();
        metrics.recordRegistrations(created, registration.registered().size() - created,
                registration.failedFileUrls().size());
    }

    private static Map<String, Object> body(Registration registration) {
        List<Map<String, Object>> registered = registration.registered().stream().map(media -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("MediaId", media.mediaId());
            item.put("FileURL", media.fileUrl());
            item.put("NewRegister", media.newRegister());
            return item;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RegisteredMediaList", registered);
        body.put("FailedFileURLs", registration.failedFileUrls());
        return body;
    }
}
