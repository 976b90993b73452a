#!/usr/bin/python3
"""Oracle for LsaSubsetStubTest: Samba's pidl-generated NDR for lsa_Close and lsa_QueryInfoPolicy.

Prints "NAME HEX" lines for the request (in) and response (out) stubs of the exact calls the Java
test makes. Exit 3 when Samba's Python bindings are missing.
"""
import sys

try:
    from samba.dcerpc import lsa, misc, security
    from samba.ndr import ndr_pack_in, ndr_pack_out
except ImportError as e:  # pragma: no cover - depends on the machine
    sys.stderr.write("samba python bindings unavailable: %s\n" % e)
    sys.exit(3)


def handle():
    h = misc.policy_handle()
    h.handle_type = 0
    h.uuid = misc.GUID("11223344-5566-7788-99aa-bbccddeeff00")
    return h


def string_large(s):
    v = lsa.StringLarge()
    v.string = s
    return v


def close():
    r = lsa.Close()
    r.in_handle = handle()
    r.out_handle = misc.policy_handle()
    r.result = 0
    return r


def query_account_domain():
    r = lsa.QueryInfoPolicy()
    r.in_handle = handle()
    r.in_level = 5
    d = lsa.DomainInfo()
    d.name = string_large("WORKGROUP")
    d.sid = security.dom_sid("S-1-5-21-1-2-3")
    r.out_info = d
    r.result = 0
    return r


def query_dns_domain():
    r = lsa.QueryInfoPolicy()
    r.in_handle = handle()
    r.in_level = 12
    d = lsa.DnsDomainInfo()
    d.name = string_large("SAMDOM")
    d.dns_domain = string_large("samdom.example.com")
    d.dns_forest = string_large("example.com")
    d.domain_guid = misc.GUID("01234567-89ab-cdef-0123-456789abcdef")
    d.sid = None
    r.out_info = d
    r.result = 0xC0000022 - (1 << 32)
    return r


def lsa_string(s):
    v = lsa.String()
    v.string = s
    return v


def lookup_names():
    r = lsa.LookupNames()
    r.in_handle = handle()
    r.in_num_names = 2
    r.in_names = [lsa_string("alice"), lsa_string("bob")]
    none = lsa.TransSidArray()
    none.count = 0
    none.sids = None
    r.in_sids = none
    r.in_level = 1
    r.in_count = 0
    domain = lsa.DomainInfo()
    domain.name = string_large("SAMDOM")
    domain.sid = security.dom_sid("S-1-5-21-1-2-3")
    domains = lsa.RefDomainList()
    domains.count = 1
    domains.domains = [domain]
    domains.max_size = 32
    r.out_domains = domains
    alice = lsa.TranslatedSid()
    alice.sid_type = 1
    alice.rid = 1104
    alice.sid_index = 0
    bob = lsa.TranslatedSid()
    bob.sid_type = 8
    bob.rid = 0
    bob.sid_index = 0xFFFFFFFF
    sids = lsa.TransSidArray()
    sids.count = 2
    sids.sids = [alice, bob]
    r.out_sids = sids
    r.out_count = 1
    r.result = 0x107
    return r


for name, make in [("close", close), ("account", query_account_domain), ("dns", query_dns_domain),
                   ("lookup", lookup_names)]:
    r = make()
    print(name + "_in " + ndr_pack_in(r).hex())
    print(name + "_out " + ndr_pack_out(r).hex())
