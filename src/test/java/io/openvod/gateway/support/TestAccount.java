package io.openvod.gateway.support;

/** A freshly provisioned account with one of everything; every test gets its own, so tests never interfere. */
public record TestAccount(long id, String accessKeyId, String accessKeySecret, String bucketHost,
        String templateGroupId, String workflowId, long cateId) {

    public String fileUrl(String objectKey) {
        return "https://" + bucketHost + "/" + objectKey;
    }
}
