#!/usr/bin/python3
"""Answers msrpc4j's differential authz cases with Samba's implementation.

Input (argv[1]): one case per line, tab-separated:
    id, domain SID, SDDL, binary descriptor in hex, token SIDs (comma-separated, user first),
    privilege names (comma-separated, may be empty), desired access (decimal).
Output (argv[2]): one answer per line, tab-separated:
    id, Samba's SDDL for our SDDL, Samba's binary for it (ndr_pack: owner first),
    Samba's SDDL for our binary (ndr_unpack), access check status (NTSTATUS, 0 = granted),
    granted mask.
A field Samba could not produce holds "!" and the reason, so one bad case never hides the others.
Run with /usr/bin/python3, where python3-samba lives.
"""
import sys

from samba import NTSTATUSError
from samba.dcerpc import security
from samba.ndr import ndr_pack, ndr_unpack
import samba.security

PRIVILEGES = {
    "SeSecurityPrivilege": security.SEC_PRIV_SECURITY,
    "SeTakeOwnershipPrivilege": security.SEC_PRIV_TAKE_OWNERSHIP,
}


def clean(text):
    return "!" + " ".join(str(text).split())


def token_for(sids, privileges):
    t = security.token()
    t.sids = [security.dom_sid(s) for s in sids]
    t.num_sids = len(sids)
    for p in privileges:
        t.set_privilege(PRIVILEGES[p])
    return t


def answer(fields):
    case_id, domain_text, sddl, hexed, sids, privileges, desired = fields
    domain = security.dom_sid(domain_text)
    out = [case_id]
    sd = None
    try:
        sd = security.descriptor.from_sddl(sddl, domain)
        out += [sd.as_sddl(domain), ndr_pack(sd).hex()]
    except Exception as e:  # noqa: BLE001 - reported, judged on the Java side
        out += [clean(e), clean("no descriptor")]
    try:
        out.append(ndr_unpack(security.descriptor, bytes.fromhex(hexed)).as_sddl(domain))
    except Exception as e:  # noqa: BLE001
        out.append(clean(e))
    if sd is None:
        out += ["-1", "0"]
    else:
        token = token_for(sids.split(","), [p for p in privileges.split(",") if p])
        try:
            granted = samba.security.access_check(sd, token, int(desired))
            out += ["0", str(granted)]
        except NTSTATUSError as e:
            out += [str(e.args[0] & 0xFFFFFFFF), "0"]
    return out


def main():
    with open(sys.argv[1], encoding="utf-8") as src, open(sys.argv[2], "w", encoding="utf-8") as dst:
        for line in src:
            line = line.rstrip("\n")
            if line:
                dst.write("\t".join(answer(line.split("\t"))) + "\n")


if __name__ == "__main__":
    main()
