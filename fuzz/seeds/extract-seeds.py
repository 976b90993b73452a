#!/usr/bin/env python3
"""Turns a loopback capture of msrpc4j traffic into Jazzer seed files.

Usage: extract-seeds.py CAPTURE.pcap RESOURCES_DIR EPM_PORT [NT_PASSWORD_ENV]

Reads every TCP payload with tshark, then writes:
  PduDecoderFuzzTestInputs/decode/    each whole segment as the server or client received it
  NdrStubFuzzTestInputs/dispatch/     [kind, opnum] + stub of each unauthenticated request
                                      (kind 1 when sent to EPM_PORT, else 0 = rpcecho), and
                                      [2, opnum] + each SAMR response stub, which tshark decrypts
                                      when NT_PASSWORD_ENV names a variable holding the NTLM
                                      user's password (the password is read from the environment
                                      and never written anywhere)
  NtlmFuzzTestInputs/messages/        [leg] + each NTLMSSP message found in an auth verifier
                                      (leg 0 NEGOTIATE, 1 AUTHENTICATE, 2 CHALLENGE)
  KerberosFuzzTestInputs/tokens/      [0] + each SPNEGO token (auth type 9) and [1] + each raw
                                      Kerberos token (auth type 16) of a bind, alter_context or
                                      their answers, and [2] + each (the bare ASN.1 decoders)
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
                auth_type = pdu[frag_len - auth_len - 8] if frag_len - auth_len - 8 >= 16 else 0
                if auth_type in (9, 16) and ptype in (11, 12, 14, 15, 16):
                    write(root, "KerberosFuzzTestInputs/tokens", bytes([0 if auth_type == 9 else 1]) + token)
                    write(root, "KerberosFuzzTestInputs/tokens", bytes([2]) + token)
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
    if len(sys.argv) > 4:
        samr_responses(pcap, root, os.environ[sys.argv[4]])


def samr_responses(pcap, root, password):
    """SAMR response stubs, decrypted by tshark's NTLMSSP dissector with the user's password.

    tshark shows a decrypted stub only as a data source of the hex dump (-x), one "Decrypted stub
    data" block per frame, in the order of the frames the -T fields pass lists.
    """
    base = ["tshark", "-o", "ntlmssp.nt_password:" + password, "-r", pcap, "-Y", "samr && dcerpc.pkt_type == 2"]
    opnums = subprocess.run(base + ["-T", "fields", "-e", "dcerpc.opnum"],
                            check=True, capture_output=True, text=True).stdout.split()
    dump = subprocess.run(base + ["-x"], check=True, capture_output=True, text=True).stdout
    stubs, current = [], None
    for line in dump.splitlines():
        if line.startswith("Frame ("):
            current = None
        elif line.startswith("Decrypted stub data ("):
            current = bytearray()
            stubs.append(current)
        elif current is not None and len(line) > 6 and line[4:6] == "  ":
            current.extend(bytes.fromhex(line[6:53].replace(" ", "")))
        else:
            current = None
    if len(stubs) != len(opnums):
        sys.exit("tshark decrypted %d SAMR responses of %d" % (len(stubs), len(opnums)))
    for opnum, stub in zip(opnums, stubs):
        write(root, "NdrStubFuzzTestInputs/dispatch", bytes([2, int(opnum.split(",")[0])]) + bytes(stub))


if __name__ == "__main__":
    main()
