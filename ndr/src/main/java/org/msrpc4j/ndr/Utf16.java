package org.msrpc4j.ndr;

/** Checks that UTF-16 code units form well-paired surrogates. Stateless; thread-safe. */
final class Utf16 {
    private Utf16() {
    }

    /** Index of the first unpaired surrogate in {@code s}, or -1 if the text is valid UTF-16. */
    static int firstInvalid(CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Index of the first unpaired surrogate in {@code chars[0..n)}, or -1 if valid. */
    static int firstInvalid(char[] chars, int n) {
        for (int i = 0; i < n; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= n || !Character.isLowSurrogate(chars[i + 1])) {
                    return i;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }
}
