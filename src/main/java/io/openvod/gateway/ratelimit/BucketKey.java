package io.openvod.gateway.ratelimit;

/** One bucket: an account's calls to one action, so that actions can get their own limits later. */
public record BucketKey(long accountId, String action) {
}
