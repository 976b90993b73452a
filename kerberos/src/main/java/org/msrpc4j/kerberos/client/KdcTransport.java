package org.msrpc4j.kerberos.client;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;

/**
 * Sends one KDC request over TCP (RFC 4120 7.2.2: a 4-byte big-endian length, then the message)
 * to the first KDC of a list that answers. Stateless; thread-safe.
 */
public final class KdcTransport {
    private static final int MAX_REPLY = 1 << 20;
    private final int timeoutMillis;

    /** @param timeoutMillis connect and read timeout per KDC */
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
        for (String kdc : kdcs) {
            try {
                return sendTo(address(kdc), request);
            } catch (IOException e) {
                last = e;
            }
        }
        throw new KerberosException("cannot reach the KDC " + String.join(", ", kdcs) + ": " + last.getMessage(), last);
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
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(unresolved.getHostString(), unresolved.getPort()), timeoutMillis);
            s.setSoTimeout(timeoutMillis);
            OutputStream out = s.getOutputStream();
            int n = request.length;
            out.write(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            out.write(request);
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int len = in.readInt();
            if (len < 0 || len > MAX_REPLY) {
                throw new IOException("the KDC sent a reply of " + len + " bytes");
            }
            byte[] reply = new byte[len];
            in.readFully(reply);
            return reply;
        }
    }
}
