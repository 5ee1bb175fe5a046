package io.openvod.gateway.core.validation;

import io.openvod.gateway.core.envelope.ApiError;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A valid GetVideoList call.
 *
 * @param statuses        wanted statuses, or null for any
 * @param createdFrom     inclusive lower bound of the creation time, or null
 * @param createdBefore   exclusive upper bound: one second after {@code EndTime}, so that a medium whose
 *                        {@code CreationTime} reads {@code EndTime} (whole seconds) is included; or null
 * @param limit           rows of this page that lie within the first {@link #MAX_RESULTS} matches
 * @param offset          matches skipped before this page
 */
public record VideoListQuery(List<String> statuses, Long cateId, String storageLocation, Instant createdFrom,
        Instant createdBefore, boolean ascending, int limit, int offset) {

    /** As the real service, only the first 5,000 matches can be paged through (narrow the time window for more). */
    public static final int MAX_RESULTS = 5000;
    static final int DEFAULT_PAGE_SIZE = 10;
    static final int MAX_PAGE_SIZE = 100;

    /** The real service's video statuses (the GetVideoList reference). */
    public static final Set<String> STATUSES = Set.of("Uploading", "UploadFail", "UploadSucc", "Transcoding",
            "TranscodeFail", "Checking", "Blocked", "Normal", "ProduceFail");

    private static final Pattern UTC_SECONDS = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    /** @throws io.openvod.gateway.core.envelope.ApiException InvalidParameter naming the parameter at fault */
    public static VideoListQuery parse(Map<String, String> params) {
        Instant from = time(params, "StartTime");
        Instant to = time(params, "EndTime");
        if (from != null && to != null && !to.isAfter(from)) {
            throw ApiError.invalidParameter("EndTime", "It must be later than StartTime.").exception();
        }
        int pageNo = Numbers.intOrDefault(params, "PageNo", 1, Integer.MAX_VALUE, 1);
        int pageSize = Numbers.intOrDefault(params, "PageSize", 1, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE);
        long offset = (long) (pageNo - 1) * pageSize;
        int limit = (int) Math.max(0, Math.min(pageSize, MAX_RESULTS - offset));
        String storageLocation = params.get("StorageLocation");
        if (storageLocation != null && !TextRules.isStorable(storageLocation)) {
            throw ApiError.invalidParameter("StorageLocation").exception();
        }
        return new VideoListQuery(statuses(params.get("Status")), Numbers.optionalLong(params, "CateId", 1, Long.MAX_VALUE),
                storageLocation == null || storageLocation.isEmpty() ? null : storageLocation.toLowerCase(Locale.ROOT),
                from, to == null ? null : to.plusSeconds(1), ascending(params.get("SortBy")), limit,
                (int) Math.min(offset, MAX_RESULTS));
    }

    private static List<String> statuses(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        List<String> statuses = new ArrayList<>();
        for (String status : value.split(",")) {
            String trimmed = status.strip();
            if (!STATUSES.contains(trimmed)) {
                throw ApiError.invalidParameter("Status").exception();
            }
            statuses.add(trimmed);
        }
        return statuses;
    }

    private static boolean ascending(String sortBy) {
        if (sortBy == null || sortBy.isEmpty() || sortBy.equalsIgnoreCase("CreationTime:Desc")) {
            return false;
        }
        if (sortBy.equalsIgnoreCase("CreationTime:Asc")) {
            return true;
        }
        throw ApiError.invalidParameter("SortBy", "It must be CreationTime:Desc or CreationTime:Asc.").exception();
    }

    /** {@code yyyy-MM-ddTHH:mm:ssZ}, UTC, as the reference writes it. */
    private static Instant time(Map<String, String> params, String name) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (UTC_SECONDS.matcher(value).matches()) {
            try {
                return Instant.parse(value);
            } catch (DateTimeException e) {
                // e.g. month 13: falls through to the error below
            }
        }
        throw ApiError.invalidParameter(name, "It must be a UTC time written yyyy-MM-ddTHH:mm:ssZ.").exception();
    }
}
