#!/usr/bin/python3
"""Plays an NTLMSSP client with Impacket's ntlm module (as impacket's rpcrt does), over stdin/stdout.

  impacket_peer.py USER PASSWORD DOMAIN FEATURE      (USER '-' = anonymous; FEATURE sign|seal)

Requests and answers are single lines; hex '-' means empty.
  TOKEN <hex>                  -> TOKEN <hex> <0|1 done>
  SIGN <data> <whole>          -> OK <signature>          (client-to-server, over the whole PDU)
  CHECK <data> <whole> <sig>   -> OK | ERROR              (server-to-client)
  WRAP <hex>                   -> OK <signature ‖ data>   (sealed at seal)
  UNWRAP <signature ‖ data>    -> OK <plaintext hex> | ERROR
  KEY                          -> OK <exported session key>
"""
import hmac
import sys

from Cryptodome.Cipher import ARC4
from impacket import ntlm


def unhex(s):
    return b"" if s == "-" else bytes.fromhex(s)


def tohex(b):
    return b.hex() if b else "-"


def main():
    user, password, domain, feature = sys.argv[1:5]
    if user == "-":
        user = password = domain = ""
    type1 = ntlm.getNTLMSSPType1("IMPACKET", "", signingRequired=True)
    state = {}
    out_seq = in_seq = 0
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        cmd, args = parts[0], parts[1:]
        try:
            if cmd == "QUIT":
                break
            if cmd == "TOKEN" and not state:
                if args[0] == "-":
                    answer = "TOKEN %s 0" % tohex(type1.getData())
                else:
                    type3, key = ntlm.getNTLMSSPType3(type1, unhex(args[0]), user, password, domain)
                    flags = type3["flags"]
                    state.update(
                        flags=flags, key=key,
                        csign=ntlm.SIGNKEY(flags, key), ssign=ntlm.SIGNKEY(flags, key, "Server"),
                        cseal=ARC4.new(ntlm.SEALKEY(flags, key)).encrypt,
                        sseal=ARC4.new(ntlm.SEALKEY(flags, key, "Server")).encrypt)
                    answer = "TOKEN %s 1" % tohex(type3.getData())
            elif cmd == "SIGN":
                sig = ntlm.SIGN(state["flags"], state["csign"], unhex(args[1]), out_seq, state["cseal"])
                out_seq += 1
                answer = "OK " + tohex(sig.getData())
            elif cmd == "CHECK":
                sig = ntlm.SIGN(state["flags"], state["ssign"], unhex(args[1]), in_seq, state["sseal"])
                in_seq += 1
                answer = "OK" if hmac.compare_digest(sig.getData(), unhex(args[2])) else "ERROR bad signature"
            elif cmd == "WRAP":
                msg = unhex(args[0])
                if feature == "seal":
                    sealed, sig = ntlm.SEAL(state["flags"], state["csign"], None, msg, msg, out_seq, state["cseal"])
                else:
                    sealed, sig = msg, ntlm.SIGN(state["flags"], state["csign"], msg, out_seq, state["cseal"])
                out_seq += 1
                answer = "OK " + tohex(sig.getData() + sealed)
            elif cmd == "UNWRAP":
                blob = unhex(args[0])
                sig, body = blob[:16], blob[16:]
                plain = state["sseal"](body) if feature == "seal" else body
                expect = ntlm.SIGN(state["flags"], state["ssign"], plain, in_seq, state["sseal"])
                in_seq += 1
                answer = ("OK " + tohex(plain)) if hmac.compare_digest(expect.getData(), sig) else "ERROR bad signature"
            elif cmd == "KEY":
                answer = "OK " + tohex(state["key"])
            else:
                answer = "ERROR unknown command " + cmd
        except Exception as e:
            answer = "ERROR " + repr(e).replace("\n", " ")
        sys.stdout.write(answer + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
