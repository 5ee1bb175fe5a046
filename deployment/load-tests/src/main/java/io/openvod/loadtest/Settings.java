package io.openvod.loadtest;

import java.util.Locale;

/**
 * Run settings: a system property {@code a.b} or, failing that, the environment variable {@code A_B}, so the
 * same knob works as {@code -Drate=100} on Maven and as {@code RATE=100} from the scripts.
 */
public final class Settings {

    private Settings() {
    }

    public static String string(String name, String fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            value = System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    public static double number(String name, double fallback) {
        return Double.parseDouble(string(name, Double.toString(fallback)));
    }

    public static int integer(String name, int fallback) {
        return Integer.parseInt(string(name, Integer.toString(fallback)));
    }
}
