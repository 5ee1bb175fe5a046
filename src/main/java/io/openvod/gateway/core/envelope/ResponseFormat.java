package io.openvod.gateway.core.envelope;

import java.util.Locale;

/** The body format of an answer: the {@code Format} parameter, else the Accept header, else XML as in the real service. */
public enum ResponseFormat {
    JSON("application/json;charset=utf-8"),
    // The Tea SDKs parse an XML error body only for exactly this content type.
    XML("text/xml;charset=utf-8");

    private final String contentType;

    ResponseFormat(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /**
     * Tea SDKs signing with V3 send no {@code Format} but {@code Accept: application/json}; they cannot read XML.
     * An unknown {@code Format} value falls back like an absent one, so that the error about it can still be read.
     */
    public static ResponseFormat choose(String formatParameter, String acceptHeader) {
        if (formatParameter != null) {
            String format = formatParameter.trim().toUpperCase(Locale.ROOT);
            if (format.equals("JSON")) {
                return JSON;
            }
            if (format.equals("XML")) {
                return XML;
            }
        }
        if (acceptHeader != null) {
            String accept = acceptHeader.toLowerCase(Locale.ROOT);
            if (accept.contains("json")) {
                return JSON;
            }
        }
        return XML;
    }

    public static boolean isValid(String formatParameter) {
        if (formatParameter == null) {
            return true;
        }
        // Exact up to case: SDKs send JSON, json or XML, never padding or control characters.
        String format = formatParameter.toUpperCase(Locale.ROOT);
        return format.equals("JSON") || format.equals("XML");
    }
}
