package io.openvod.gateway.account;

/** An account as the hot path sees it. {@code rateLimitPerSecond} is null when the global default applies. */
public record Account(long id, String name, Integer rateLimitPerSecond) {
}
