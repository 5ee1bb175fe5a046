package io.openvod.gateway.register;

import io.openvod.gateway.action.ActionResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer to a RegisterMedia call, both lists in request order.
 *
 * @param probed how many files were checked in the object store (for the access log; not part of the answer)
 */
record Registration(List<RegisteredMedia> registered, List<String> failedFileUrls, int probed) implements ActionResponse {

    Registration withProbed(int count) {
        return new Registration(registered, failedFileUrls, count);
    }

    @Override
    public Map<String, Object> fields() {
        List<Map<String, Object>> items = registered.stream().map(media -> {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("MediaId", media.mediaId());
            item.put("FileURL", media.fileUrl());
            item.put("NewRegister", media.newRegister());
            return item;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("RegisteredMediaList", items);
        body.put("FailedFileURLs", failedFileUrls);
        return body;
    }
}
