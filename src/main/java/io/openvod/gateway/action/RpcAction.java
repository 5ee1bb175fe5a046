package io.openvod.gateway.rpc;

import io.smallrye.mutiny.Uni;
import java.util.Map;

/** One operation of the RPC API. Implementations are CDI beans; {@link RpcActions} finds them by name. */
public interface RpcAction {

    String name();

    /** The body fields of the answer after {@code RequestId}, in order; never a {@code Code} field. */
    Uni<Map<String, Object>> invoke(RpcCall call);
}
