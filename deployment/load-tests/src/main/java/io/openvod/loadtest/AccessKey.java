package io.openvod.loadtest;

/**
 * A caller's credentials and the bucket host its account owns (file URLs must point there).
 *
 * @param id          AccessKeyId
 * @param secret      AccessKeySecret
 * @param storageHost a storage location of the account, e.g. {@code bucket.oss-cn-shanghai.aliyuncs.com}
 */
public record AccessKey(String id, String secret, String storageHost) {
}
