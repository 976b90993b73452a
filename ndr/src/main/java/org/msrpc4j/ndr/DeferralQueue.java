package org.msrpc4j.ndr;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Orders the referents of embedded pointers the way NDR marshals them.
 *
 * <p>NDR writes a constructed type's scalars first (with referent ids in place of embedded pointers)
 * and the referents afterwards, in the order their pointers appeared; a referent that itself contains
 * pointers has its own referents written right after it, before the next sibling referent (the order
 * pidl and MIDL produce). That is a depth-first walk over FIFO scopes: each deferred item opens a new
 * scope that collects the pointers found while the item is processed, and that scope is drained before
 * the parent scope continues. The walk is iterative, so deep pointer chains cannot overflow the Java
 * stack; the nesting depth is bounded by {@link NdrLimits#maxNestingDepth()}.
 *
 * <p>Items are stored in parallel arrays (no allocation per pointer beyond growth). Each scope remembers
 * the full-pointer id whose referent opened it, so a full pointer that refers back to a referent still
 * being processed (an ancestor) is recognised as a cycle.
 *
 * <p>Not thread-safe: owned by one encoder or decoder.
 */
final class DeferralQueue {

    /** Processes one deferred item. */
    @FunctionalInterface
    interface Runner {
        void run(Object action, Object subject, int fullPointerId) throws NdrException;
    }

    // Every encoder and decoder owns a queue, one of each per call on the RPC hot path, and most
    // stubs defer nothing: the arrays and the set are allocated on first use only.
    private static final Object[] NO_OBJECTS = new Object[0];
    private static final int[] NO_INTS = new int[0];
    private static final int[] TOP_SCOPE = new int[1]; // base[0] = cursor[0] = 0, never written

    private final int maxDepth;
    private Object[] actions = NO_OBJECTS;
    private Object[] subjects = NO_OBJECTS;
    private int[] ids = NO_INTS;
    private int size;

    // scope stack: scope i covers items [base[i], base[i+1]) (the top scope runs to size)
    private int[] base = TOP_SCOPE;
    private int[] cursor = TOP_SCOPE;
    private int[] owner = TOP_SCOPE;
    private int depth = 1; // scope 0 is the top-level scope, always present
    // full-pointer ids whose scopes are open, so the cycle check is O(1) however deep the nesting
    private Set<Integer> openOwners;

    DeferralQueue(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    /** Adds an item to the current scope. */
    void add(Object action, Object subject, int fullPointerId) {
        if (base == TOP_SCOPE) {
            // First item: drain will write the scope stack, which must no longer be the shared one.
            base = new int[8];
            cursor = new int[8];
            owner = new int[8];
        }
        if (size == actions.length) {
            int n = Math.max(16, size * 2);
            actions = Arrays.copyOf(actions, n);
            subjects = Arrays.copyOf(subjects, n);
            ids = Arrays.copyOf(ids, n);
        }
        actions[size] = action;
        subjects[size] = subject;
        ids[size] = fullPointerId;
        size++;
    }

    /** Whether a full-pointer referent with this id is being processed (an ancestor of the current item). */
    boolean isAncestor(int fullPointerId) {
        return fullPointerId != 0 && openOwners != null && openOwners.contains(fullPointerId);
    }

    /** Number of scopes currently open (1 at top level). */
    int depth() {
        return depth;
    }

    /**
     * Processes every item of the current scope and, depth first, everything they defer. Returns with
     * the current scope empty.
     */
    void drain(Runner runner) throws NdrException {
        int floor = depth;
        while (true) {
            int top = depth - 1;
            if (cursor[top] < size) {
                int i = cursor[top]++;
                Object action = actions[i];
                Object subject = subjects[i];
                int id = ids[i];
                actions[i] = null; // let the processed value be collected early
                subjects[i] = null;
                pushScope(id);
                runner.run(action, subject, id);
            } else if (depth == floor) {
                size = base[top];
                if (cursor != TOP_SCOPE) {
                    cursor[top] = base[top];
                }
                return;
            } else {
                depth--;
                size = base[top];
                if (owner[top] != 0 && openOwners != null) {
                    openOwners.remove(owner[top]);
                }
            }
        }
    }

    private void pushScope(int fullPointerId) throws NdrException {
        if (depth >= maxDepth) {
            throw new NdrException("pointer nesting deeper than the limit of " + maxDepth);
        }
        if (depth == base.length) {
            int n = Math.max(8, depth * 2);
            base = Arrays.copyOf(base, n);
            cursor = Arrays.copyOf(cursor, n);
            owner = Arrays.copyOf(owner, n);
        }
        base[depth] = size;
        cursor[depth] = size;
        owner[depth] = fullPointerId;
        if (fullPointerId != 0) {
            if (openOwners == null) {
                openOwners = new HashSet<>();
            }
            openOwners.add(fullPointerId);
        }
        depth++;
    }

    /** Forgets everything (after an error, so the owner can be reused safely). */
    void clear() {
        Arrays.fill(actions, 0, size, null);
        Arrays.fill(subjects, 0, size, null);
        size = 0;
        depth = 1;
        if (openOwners != null) {
            openOwners.clear();
        }
        if (base != TOP_SCOPE) {
            base[0] = 0;
            cursor[0] = 0;
        }
    }
}
