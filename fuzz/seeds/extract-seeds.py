#!/usr/bin/env python3
"""Turns a loopback capture of msrpc4j traffic into Jazzer seed files.

Usage: extract-seeds.py CAPTURE.pcap RESOURCES_DIR EPM_PORT

Reads every TCP payload with tshark, then writes:
  PduDecoderFuzzTestInputs/decode/    each whole segment as the server or client received it
  NdrStubFuzzTestInputs/dispatch/     [iface, opnum] + stub of each unauthenticated request
                                      (iface 1 when sent to EPM_PORT, else 0 = rpcecho)
  NtlmFuzzTestInputs/messages/        [leg] + each NTLMSSP message found in an auth verifier
                                      (leg 0 NEGOTIATE, 1 AUTHENTICATE, 2 CHALLENGE)
File names are the content's SHA-1, so re-running is idempotent.
"""
import hashlib
import os
import struct
import subprocess
import sys


def write(root, sub, data):
    d = os.path.join(root, sub)
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, hashlib.sha1(data).hexdigest()), "wb") as f:
        f.write(data)


def main():
    pcap, root, epm_port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    out = subprocess.run(["tshark", "-r", pcap, "-Y", "tcp.len>0", "-T", "fields",
                          "-e", "tcp.dstport", "-e", "tcp.payload"],
                         check=True, capture_output=True, text=True).stdout
    for line in out.splitlines():
        dst, payload = line.split("\t")
        seg = bytes.fromhex(payload.replace(":", ""))
        write(root, "PduDecoderFuzzTestInputs/decode", seg)
        off = 0
        while off + 16 <= len(seg):
            ptype, flags = seg[off + 2], seg[off + 3]
            frag_len, auth_len = struct.unpack_from("<HH", seg, off + 8)
            if frag_len < 16 or off + frag_len > len(seg):
                break
            pdu = seg[off:off + frag_len]
            if auth_len:
                token = pdu[frag_len - auth_len:]
                if token.startswith(b"NTLMSSP\0"):
                    kind = token[8]
                    leg = {1: 0, 3: 1, 2: 2}.get(kind)
                    if leg is not None:
                        write(root, "NtlmFuzzTestInputs/messages", bytes([leg]) + token)
            elif ptype == 0:  # request without a verifier: the stub is clear
                opnum = struct.unpack_from("<H", pdu, 22)[0]
                body = 24 + (16 if flags & 0x80 else 0)
                iface = 1 if int(dst) == epm_port else 0
                write(root, "NdrStubFuzzTestInputs/dispatch", bytes([iface, opnum]) + pdu[body:])
            off += frag_len


if __name__ == "__main__":
    main()
