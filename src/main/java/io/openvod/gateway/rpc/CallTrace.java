package io.openvod.gateway.rpc;

import io.openvod.gateway.action.CallCounters;
import io.openvod.gateway.core.envelope.RequestContext;
import io.openvod.gateway.auth.Caller;

/**
 * What one call has revealed so far (its format, action, caller and outcome), for its log line and metrics.
 * Created per request and touched only by that request's pipeline, so it needs no synchronisation.
 */
public final class CallTrace {

    private RequestContext context;
    private String action;
    private Caller caller;
    private String code = "OK";
    private int status = 200;
    private final CallCounters counters = new CallCounters();

    CallTrace(RequestContext context) {
        this.context = context;
    }

    public RequestContext context() {
        return context;
    }

    /** The action name as asked for, or null before it was read. */
    public String action() {
        return action;
    }

    public Caller caller() {
        return caller;
    }

    /** {@code OK}, or the error Code that was answered. */
    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    /** What the action counted (e.g. files probed); logged after the rest. */
    public CallCounters counters() {
        return counters;
    }

    void context(RequestContext newContext) {
        this.context = newContext;
    }

    void action(String name) {
        this.action = name;
    }

    void caller(Caller who) {
        this.caller = who;
    }

    void outcome(int httpStatus, String errorCode) {
        this.status = httpStatus;
        this.code = errorCode;
    }
}
