package io.openvod.gateway.core.request;

import io.openvod.gateway.core.envelope.ApiError;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Form parameters by decoded name, in arrival order, each value decoded when it is first read. A call that is
 * refused on its AccessKeyId alone (an account over its limit) then never decodes its 2 KB of RegisterMetadatas,
 * which was most of what parsing it cost. Read-only. A malformed value fails when it is read, so
 * {@link #requireWellFormed} reads them all once the caller is known.
 */
public final class FormParameters extends AbstractMap<String, String> {

    static final FormParameters EMPTY = new FormParameters(Map.of());

    private final Map<String, Value> values;

    private FormParameters(Map<String, Value> values) {
        this.values = values;
    }

    /** Collects pairs, refusing a name given twice and more than {@code maxParameters} pairs in all. */
    static final class Builder {
        private final Map<String, Value> values = new LinkedHashMap<>();
        private final int maxParameters;

        Builder(int maxParameters) {
            this.maxParameters = maxParameters;
        }

        Builder addAll(FormParameters parameters) {
            parameters.values.forEach(this::put);
            return this;
        }

        /** @throws ApiException InvalidParameter for a malformed name, a repeat or too many */
        Builder parse(String encoded) {
            FormCodec.split(encoded, (name, text, start, end) -> put(name, new Value(name, text, start, end)));
            return this;
        }

        private void put(String name, Value value) {
            if (values.size() >= maxParameters) {
                throw ApiError.invalidParameter("Parameters", "A request may carry at most "
                        + maxParameters + " parameters.").exception();
            }
            // A parameter given twice would make the signature ambiguous, so it is refused rather than guessed.
            if (values.putIfAbsent(name, value) != null) {
                throw ApiError.invalidParameter(name, "It is given more than once.").exception();
            }
        }

        FormParameters build() {
            return values.isEmpty() ? EMPTY : new FormParameters(Collections.unmodifiableMap(values));
        }
    }

    @Override
    public String get(Object name) {
        Value value = values.get(name);
        return value == null ? null : value.decoded();
    }

    @Override
    public boolean containsKey(Object name) {
        return values.containsKey(name);
    }

    @Override
    public int size() {
        return values.size();
    }

    /** @throws ApiException InvalidParameter naming the first value that is malformed */
    public void requireWellFormed() {
        values.values().forEach(Value::decoded);
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                Iterator<Value> each = values.values().iterator();
                return new Iterator<>() {
                    @Override
                    public boolean hasNext() {
                        return each.hasNext();
                    }

                    @Override
                    public Entry<String, String> next() {
                        Value value = each.next();
                        return new SimpleImmutableEntry<>(value.name, value.decoded());
                    }
                };
            }

            @Override
            public int size() {
                return values.size();
            }
        };
    }

    /**
     * One value as it stands in the request text. Decoding twice gives equal Strings, so a race on the first read
     * (a call's steps may run on different threads) costs a second decoding, never a wrong value.
     */
    private static final class Value {
        private final String name;
        private final String text;
        private final int start;
        private final int end;
        private String decoded;

        private Value(String name, String text, int start, int end) {
            this.name = name;
            this.text = text;
            this.start = start;
            this.end = end;
        }

        String decoded() {
            String value = decoded;
            if (value == null) {
                value = FormCodec.decode(text, start, end, name);
                decoded = value;
            }
            return value;
        }
    }
}
