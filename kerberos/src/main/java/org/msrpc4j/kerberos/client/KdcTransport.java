package org.msrpc4j.kerberos.client;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends one KDC request over TCP (RFC 4120 7.2.2: a 4-byte big-endian length, then the message)
 * to the first KDC of a list that answers. Each KDC gets {@code timeoutMillis} in all to accept
 * the connection and send the whole reply (a KDC that trickles bytes cannot stretch it), so a dead
 * or silent KDC costs at most that per KDC listed. Stateless; thread-safe.
 */
public final class KdcTransport {
    private static final int MAX_REPLY = 1 << 20;
    private final int timeoutMillis;

    /** @param timeoutMillis the time one KDC may take to accept the connection and answer */
    public KdcTransport(int timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * @param kdcs KDC addresses, {@code host[:port]}, optionally prefixed by {@code tcp/}
     * @param request the DER request
     * @return the KDC's DER reply
     * @throws KerberosException when no KDC could be reached or a reply was malformed
     */
    public byte[] send(List<String> kdcs, byte[] request) throws KerberosException {
        if (kdcs.isEmpty()) {
            throw new KerberosException("no KDC is configured for this realm (add kdc = host:port to krb5.conf)");
        }
        IOException last = null;
        List<String> causes = new java.util.ArrayList<>();
        for (String kdc : kdcs) {
            try {
                return sendTo(address(kdc), request);
            } catch (SocketTimeoutException e) {
                last = e;
                causes.add(kdc + ": no answer within " + timeoutMillis + " ms");
            } catch (IOException e) {
                last = e;
                causes.add(kdc + ": " + e.getMessage());
            }
        }
        throw new KerberosException("cannot reach the KDC (" + String.join("; ", causes)
                + "); check that the KDC runs and the [realms] kdc entries of krb5.conf", last);
    }

    static InetSocketAddress address(String kdc) {
        String k = kdc.strip();
        if (k.startsWith("tcp/") || k.startsWith("udp/")) {
            k = k.substring(4);
        }
        String host = k;
        int port = 88;
        if (k.startsWith("[")) {
            int end = k.indexOf(']');
            host = k.substring(1, end);
            if (k.length() > end + 2 && k.charAt(end + 1) == ':') {
                port = Integer.parseInt(k.substring(end + 2));
            }
        } else if (k.indexOf(':') > 0 && k.indexOf(':') == k.lastIndexOf(':')) {
            host = k.substring(0, k.indexOf(':'));
            port = Integer.parseInt(k.substring(k.indexOf(':') + 1));
        }
        return InetSocketAddress.createUnresolved(host, port);
    }

    private byte[] sendTo(InetSocketAddress unresolved, byte[] request) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(unresolved.getHostString(), unresolved.getPort()), timeoutMillis);
            OutputStream out = s.getOutputStream();
            int n = request.length;
            out.write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            byte[] prefix = readFully(s, in, 4, deadline);
            int len = (prefix[0] & 0xFF) << 24 | (prefix[1] & 0xFF) << 16 | (prefix[2] & 0xFF) << 8 | (prefix[3] & 0xFF);
            if (len < 0 || len > MAX_REPLY) {
                throw new IOException("the KDC sent a reply of " + len + " bytes");
            }
            return readFully(s, in, len, deadline);
        }
    }

    /** Reads {@code n} bytes, each read bounded by what is left until {@code deadline}. */
    private static byte[] readFully(Socket s, InputStream in, int n, long deadline) throws IOException {
        byte[] b = new byte[n];
        int off = 0;
        while (off < n) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                throw new SocketTimeoutException("the KDC's reply did not arrive in time");
            }
            s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
            int r = in.read(b, off, n - off);
            if (r < 0) {
                throw new EOFException("the KDC closed the connection before its reply was complete");
            }
            off += r;
        }
        return b;
    }
}
