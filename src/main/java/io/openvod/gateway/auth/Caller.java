package io.openvod.gateway.auth;

import io.openvod.gateway.account.Account;

/** Who made a call: the account, through which of its keys. */
public record Caller(Account account, String accessKeyId) {
}
