package io.openvod.gateway.register;

import java.util.List;

/** The outcome of a RegisterMedia call, both lists in request order. */
record Registration(List<RegisteredMedia> registered, List<String> failedFileUrls) {
}
