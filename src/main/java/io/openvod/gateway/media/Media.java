package io.openvod.gateway.media;

import io.openvod.gateway.core.validation.StorageRegion;
import io.vertx.mutiny.sqlclient.Row;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One registered medium as stored. {@code size}, {@code contentType} and {@code etag} are what the object store
 * reported, null until a storage check filled them; {@code modificationTime} is null until UpdateVideoInfo.
 */
record Media(String mediaId, String fileUrl, String storageLocation, String title, String description, String tags,
        String coverUrl, Long cateId, String cateName, String templateGroupId, String userData, String status,
        OffsetDateTime createdAt, OffsetDateTime modificationTime, Long size, String contentType, String etag) {

    /** The real service's default application, which every medium belongs to here. */
    static final String APP_ID = "app-1000000";

    private static final DateTimeFormatter UTC_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'");

    static Media of(Row row) {
        return new Media(row.getString("media_id"), row.getString("file_url"), row.getString("storage_location"),
                row.getString("title"), row.getString("description"), row.getString("tags"),
                row.getString("cover_url"), row.getLong("cate_id"), row.getString("cate_name"),
                row.getString("template_group_id"), row.getString("user_data"), row.getString("status"),
                row.getOffsetDateTime("created_at"), row.getOffsetDateTime("modification_time"), row.getLong("size"),
                row.getString("content_type"), row.getString("etag"));
    }

    /**
     * The {@code Video} object of GetVideoInfo, GetVideoInfos and GetVideoList, with the SDKs' names and JSON types
     * (docs/vod-api.md §5.3, §5.5). What is not known is left out, as the real service leaves out what it lacks.
     */
    Map<String, Object> video() {
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("VideoId", mediaId);
        video.put("Title", title);
        putIfKnown(video, "Description", description);
        putIfKnown(video, "Tags", tags);
        putIfKnown(video, "CateId", cateId);
        putIfKnown(video, "CateName", cateName);
        putIfKnown(video, "CoverURL", coverUrl);
        putIfKnown(video, "Size", size);
        video.put("Status", status);
        video.put("CreationTime", utc(createdAt));
        video.put("ModificationTime", utc(modificationTime != null ? modificationTime : createdAt));
        video.put("StorageLocation", storageLocation);
        StorageRegion.of(storageLocation).ifPresent(region -> video.put("RegionId", region));
        putIfKnown(video, "TemplateGroupId", templateGroupId);
        video.put("AppId", APP_ID);
        putIfKnown(video, "UserData", userData);
        return video;
    }

    /** The object's file name: the last segment of the FileURL's path. */
    String fileName() {
        int end = fileUrl.length();
        for (int i = fileUrl.indexOf("://") + 3; i < fileUrl.length(); i++) {
            if (fileUrl.charAt(i) == '?' || fileUrl.charAt(i) == '#') {
                end = i;
                break;
            }
        }
        return fileUrl.substring(fileUrl.lastIndexOf('/', end - 1) + 1, end);
    }

    static String utc(OffsetDateTime time) {
        return time.withOffsetSameInstant(ZoneOffset.UTC).format(UTC_SECONDS);
    }

    static void putIfKnown(Map<String, Object> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
