package io.openvod.gateway.action;

import java.util.Map;

/** The response model of an action: the body of its answer, rendered as JSON or XML by the front door. */
public interface ActionResponse {

    /**
     * The body fields after {@code RequestId}, in order. Values are maps, lists, strings, numbers and booleans; a list
     * under key K becomes repeated {@code <K>} elements in XML. Never a {@code Code} field: pop-core treats any body
     * with a Code as an error.
     */
    Map<String, Object> fields();
}
