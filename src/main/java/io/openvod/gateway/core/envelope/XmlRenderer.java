package io.openvod.gateway.core.envelope;

import java.util.List;
import java.util.Map;

/**
 * Renders an RPC body as the real service does: a map becomes child elements, and a list under key K becomes
 * repeated {@code <K>} siblings with no item wrapper (docs/vod-api.md §1.5).
 */
public final class XmlRenderer {

    private XmlRenderer() {
    }

    public static String render(String root, Map<String, ?> body) {
        StringBuilder xml = new StringBuilder(256).append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        element(xml, root, body);
        return xml.toString();
    }

    private static void element(StringBuilder xml, String name, Object value) {
        if (value instanceof List<?> list) {
            for (Object item : list) {
                element(xml, name, item);
            }
            return;
        }
        xml.append('<').append(name).append('>');
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> element(xml, String.valueOf(key), child));
        } else if (value != null) {
            escape(xml, String.valueOf(value));
        }
        xml.append("</").append(name).append('>');
    }

    /** Escapes markup and replaces what XML 1.0 cannot carry at all (most control characters, lone surrogates). */
    static void escape(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '"' -> xml.append("&quot;");
                case '\'' -> xml.append("&apos;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        xml.append(c).append(text.charAt(++i));
                    } else if (isXmlChar(c)) {
                        xml.append(c);
                    } else {
                        xml.append('\uFFFD');
                    }
                }
            }
        }
    }

    private static boolean isXmlChar(char c) {
        return c == '\t' || c == '\n' || c == '\r'
                || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD);
    }
}
