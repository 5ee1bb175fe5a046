package io.openvod.gateway.account;

/** An admin API answer other than success: status, {@code Code} and {@code Message}. No stack trace. */
final class AdminFailure extends RuntimeException {

    final int status;
    final String code;

    AdminFailure(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    static AdminFailure invalid(String field, String why) {
        return new AdminFailure(400, "InvalidParameter", "The field \"" + field + "\" is not valid. " + why);
    }

    static AdminFailure notFound(String what) {
        return new AdminFailure(404, "NotFound", what + " does not exist.");
    }

    static AdminFailure conflict(String what) {
        return new AdminFailure(409, "Conflict", what + " already exists.");
    }

    static AdminFailure unauthorized() {
        return new AdminFailure(401, "Unauthorized", "A valid admin token is required: Authorization: Bearer <token>.");
    }
}
