package io.openvod.gateway.account;

/** An AccessKey pair with its owner. The secret stays encrypted until a signature has to be checked. */
public record AccessKey(String id, Account account, boolean active, byte[] secretCiphertext) {
}
