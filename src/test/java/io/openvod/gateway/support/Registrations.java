package io.openvod.gateway.support;

import java.util.List;
import java.util.Map;

/** Registers media over HTTP, for tests of what follows registration. */
public final class Registrations {

    private Registrations() {
    }

    /** Registers {@code objectKey} in the account's bucket and answers its MediaId. */
    public static String register(TestAccount account, String objectKey) {
        return register(account, Metadatas.item(account.fileUrl(objectKey)));
    }

    /** Registers one RegisterMetadatas item and answers its MediaId. */
    public static String register(TestAccount account, Map<String, Object> item) {
        return Rpc.registerMedia(account, Metadatas.items(List.of(item))).post().then().statusCode(200)
                .extract().jsonPath().getString("RegisteredMediaList[0].MediaId");
    }

    /** Registers one item with a transcoding template group and answers its MediaId. */
    public static String registerForTranscoding(TestAccount account, Map<String, Object> item) {
        return Rpc.registerMedia(account, Metadatas.items(List.of(item)))
                .param("TemplateGroupId", account.templateGroupId()).post().then().statusCode(200)
                .extract().jsonPath().getString("RegisteredMediaList[0].MediaId");
    }
}
