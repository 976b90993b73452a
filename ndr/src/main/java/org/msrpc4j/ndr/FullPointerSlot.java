package org.msrpc4j.ndr;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a decoder knows about one full-pointer referent id: the Java type it was declared with, the
 * reader that decodes it, the decoded value once its turn has come, and the pointers waiting for it.
 *
 * <p>Not thread-safe: owned by one decoder.
 */
final class FullPointerSlot {
    final Class<?> type;
    final NdrReader<?> reader;
    private Object value;
    private boolean resolved;
    private List<Consumer<Object>> waiting;

    FullPointerSlot(Class<?> type, NdrReader<?> reader) {
        this.type = type;
        this.reader = reader;
    }

    boolean resolved() {
        return resolved;
    }

    Object value() {
        return value;
    }

    @SuppressWarnings("unchecked")
    void whenResolved(Consumer<?> sink) {
        if (resolved) {
            ((Consumer<Object>) sink).accept(value);
            return;
        }
        if (waiting == null) {
            waiting = new ArrayList<>(2);
        }
        waiting.add((Consumer<Object>) sink);
    }

    void resolve(Object decoded) {
        value = decoded;
        resolved = true;
        if (waiting != null) {
            for (Consumer<Object> sink : waiting) {
                sink.accept(decoded);
            }
            waiting = null;
        }
    }
}
