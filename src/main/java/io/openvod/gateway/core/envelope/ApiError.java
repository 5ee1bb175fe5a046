package io.openvod.gateway.core.envelope;

/**
 * An Alibaba Cloud style error: HTTP status, {@code Code} and {@code Message} as the real service
 * sends them (reference: docs/vod-api.md §3). The factories are the only place where codes and
 * messages are spelt, so that every path answers with the same words.
 */
public record ApiError(int status, String code, String message) {

    public ApiException exception() {
        return new ApiException(this);
    }

    public static ApiError missing(String parameter) {
        return new ApiError(400, "Missing" + parameter, parameter + " is mandatory for this action.");
    }

    /** No Action: "Action is mandatory for this action" would not help, so the sentence says what Action is. */
    public static ApiError missingAction() {
        return new ApiError(400, "MissingAction", "The parameter Action is mandatory: it names the API to call, "
                + "for example Action=RegisterMedia.");
    }

    public static ApiError missingVersion(String version) {
        return new ApiError(400, "MissingVersion", "The parameter Version is mandatory: this endpoint serves Version="
                + version + ".");
    }

    /** For mandatory headers (V3 signatures), which have no {@code Missing<Param>} code of their own. */
    public static ApiError missingParameter(String name) {
        return new ApiError(400, "MissingParameter",
                "The input parameter \"" + name + "\" that is mandatory for processing this request is not supplied.");
    }

    public static ApiError invalidParameter(String parameter) {
        return new ApiError(400, "InvalidParameter", "The specified parameter \"" + parameter + "\" is not valid.");
    }

    /** Same code as {@link #invalidParameter(String)}, with a sentence that tells the caller what to fix. */
    public static ApiError invalidParameter(String parameter, String why) {
        return new ApiError(400, "InvalidParameter",
                "The specified parameter \"" + parameter + "\" is not valid. " + why);
    }

    public static ApiError lengthExceeded(String parameter, int maxBytes) {
        return new ApiError(400, "LengthExceededMax",
                "The specified " + parameter + " length has exceeded " + maxBytes + " bytes.");
    }

    public static ApiError tagsExceeded(int maxTags) {
        return new ApiError(400, "TagsExceededMax", "The specified Tags count has exceeded " + maxTags + ".");
    }

    public static ApiError illegalCharacters(String parameter) {
        return new ApiError(400, "IllegalCharacters",
                "The specified " + parameter + " contains illegal emoticon or special characters.");
    }

    public static ApiError templateGroupNotFound() {
        return new ApiError(404, "InvalidTemplateGroupId.NotFound", "The TemplateGroupId does not exist.");
    }

    public static ApiError workflowNotFound() {
        return new ApiError(404, "InvalidWorkflowId.NotFound", "The WorkflowId does not exist.");
    }

    public static ApiError categoryNotFound() {
        return new ApiError(404, "InvalidCateId.NotFound", "The CateId not exist.");
    }

    /** Also for another account's video: the two are indistinguishable (tenant isolation). */
    public static ApiError videoNotFound() {
        return new ApiError(404, "InvalidVideo.NotFound", "The video does not exist.");
    }

    public static ApiError actionNotFound() {
        return new ApiError(404, "InvalidAction.NotFound",
                "Specified api is not found, please check your url and method.");
    }

    public static ApiError invalidVersion() {
        return new ApiError(400, "InvalidVersion", "Specified parameter Version is not valid.");
    }

    public static ApiError accessKeyNotFound() {
        return new ApiError(404, "InvalidAccessKeyId.NotFound", "Specified access key is not found.");
    }

    public static ApiError accessKeyInactive() {
        return new ApiError(400, "InvalidAccessKeyId.Inactive", "Specified access key is disabled.");
    }

    public static ApiError incompleteSignature() {
        return new ApiError(400, "IncompleteSignature", "The request signature does not conform to Aliyun standards.");
    }

    public static ApiError signatureDoesNotMatch(String serverStringToSign) {
        return new ApiError(400, "SignatureDoesNotMatch",
                "Specified signature is not matched with our calculation. server string to sign is:" + serverStringToSign);
    }

    public static ApiError timestampExpired() {
        return new ApiError(400, "InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.");
    }

    public static ApiError timestampFormat() {
        return new ApiError(400, "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted.");
    }

    public static ApiError nonceUsed() {
        return new ApiError(400, "SignatureNonceUsed", "Specified signature nonce was used already.");
    }

    public static ApiError throttled() {
        return new ApiError(400, "Throttling.User", "Request was denied due to user flow control.");
    }

    public static ApiError requestTooLarge(String what, long limitBytes) {
        return new ApiError(413, "RequestEntityTooLarge",
                "The request " + what + " has exceeded " + limitBytes + " bytes.");
    }

    /**
     * The object store behind a storage location refused the gateway (403, a bucket that does not exist, or any other
     * refusal that is not about one object): the real service's answer for a bucket it may not read (docs/vod-api.md
     * §3). Nothing of the call is registered.
     */
    public static ApiError storageAccessDenied(String storageLocation, String why) {
        return new ApiError(400, "AccessDenied", "Access denied by the object store of the storage location \""
                + storageLocation + "\": " + why);
    }

    /** The object store behind a storage location is down, slow or failing: nothing was registered, a retry is safe. */
    public static ApiError storageUnavailable(String storageLocation) {
        return new ApiError(503, "ServiceUnavailable", "The object store of the storage location \"" + storageLocation
                + "\" is unavailable. Nothing was registered; please retry later.");
    }

    public static ApiError serviceUnavailable() {
        return new ApiError(503, "ServiceUnavailable", "The request has failed due to a temporary failure of the server.");
    }

    public static ApiError internalError() {
        return new ApiError(500, "InternalError", "The request processing has failed due to some unknown error.");
    }
}
