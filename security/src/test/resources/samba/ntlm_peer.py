#!/usr/bin/python3
"""Plays one side of an NTLMSSP exchange with Samba's gensec, driven over stdin/stdout.

Used by SambaNtlmInteropTest to check msrpc4j's NTLM against a peer nobody here wrote.

  ntlm_peer.py client SMBCONF USER PASSWORD DOMAIN FEATURE   (USER '-' = anonymous)
  ntlm_peer.py server SMBCONF FEATURE

FEATURE is sign or seal. Requests and answers are single lines; hex '-' means empty.
  TOKEN <hex>                   -> TOKEN <hex> <0|1 done>
  WRAP <hex>                    -> OK <hex>        (gensec_wrap: 16-byte signature then data)
  UNWRAP <hex>                  -> OK <hex>
  SIGN <data hex> <whole hex>   -> OK <signature hex>   (gensec_sign_packet, as DCE/RPC uses it)
  CHECK <data> <whole> <sig>    -> OK
  KEY                           -> OK <session key hex>
  WHO                           -> OK <account> <domain> <sid,sid,...>
Any failure answers ERROR <text> and the peer keeps running.
"""
import sys

from samba import auth, gensec
from samba.credentials import DONT_USE_KERBEROS, Credentials
from samba.param import LoadParm


def unhex(s):
    return b"" if s == "-" else bytes.fromhex(s)


def tohex(b):
    return b.hex() if b else "-"


def main():
    role, smbconf = sys.argv[1], sys.argv[2]
    lp = LoadParm()
    lp.load(smbconf)
    settings = {"lp_ctx": lp, "target_hostname": "server"}
    if role == "client":
        user, password, domain, feature = sys.argv[3:7]
        g = gensec.Security.start_client(settings)
        creds = Credentials()
        creds.guess(lp)
        if user == "-":
            creds.set_anonymous()
        else:
            creds.set_username(user)
            creds.set_password(password)
            creds.set_domain(domain)
        creds.set_workstation("SAMBAPEER")
        creds.set_kerberos_state(DONT_USE_KERBEROS)
        g.set_credentials(creds)
        g.set_target_service("host")
    else:
        feature = sys.argv[3]
        g = gensec.Security.start_server(
            settings=settings,
            auth_context=auth.AuthContext(lp_ctx=lp, methods=["anonymous", "sam"]))
        creds = Credentials()
        creds.guess(lp)
        g.set_credentials(creds)
    g.want_feature(gensec.FEATURE_SEAL if feature == "seal" else gensec.FEATURE_SIGN)
    g.start_mech_by_name("ntlmssp")

    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        cmd, args = parts[0], parts[1:]
        try:
            if cmd == "QUIT":
                break
            elif cmd == "TOKEN":
                done, out = g.update(unhex(args[0]))
                answer = "TOKEN %s %d" % (tohex(out), 1 if done else 0)
            elif cmd == "WRAP":
                answer = "OK " + tohex(g.wrap(unhex(args[0])))
            elif cmd == "UNWRAP":
                answer = "OK " + tohex(g.unwrap(unhex(args[0])))
            elif cmd == "SIGN":
                answer = "OK " + tohex(g.sign_packet(unhex(args[0]), unhex(args[1])))
            elif cmd == "CHECK":
                g.check_packet(unhex(args[0]), unhex(args[1]), unhex(args[2]))
                answer = "OK"
            elif cmd == "KEY":
                answer = "OK " + tohex(g.session_key())
            elif cmd == "WHO":
                info = g.session_info()
                sids = ",".join(str(s) for s in info.security_token.sids)
                answer = "OK %s %s %s" % (info.info.account_name, info.info.domain_name, sids)
            else:
                answer = "ERROR unknown command " + cmd
        except Exception as e:  # report and keep serving: the Java side decides
            answer = "ERROR " + str(e).replace("\n", " ")
        sys.stdout.write(answer + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
