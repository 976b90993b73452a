#!/usr/bin/python3
"""NDR oracle: encodes structures with Samba's pidl-generated marshalling code.

Usage: /usr/bin/python3 samba_ndr_oracle.py CASE...   (no arguments: list case names)
Prints one line "CASE HEX" per requested case, in the order given. Exits 2 on an unknown case and 3
when Samba's Python bindings are missing (so a caller can tell "no oracle here" from a broken case).
The Java side (SambaOracleTest) decodes each hex with hand-written types, checks the values named in
the comments below and re-encodes to the same bytes; keep both in step when a case changes.
"""
import struct
import sys

try:
    from samba.dcerpc import lsa, samr, security, epmapper, echo, misc, drsuapi, base, krb5pac
    from samba.ndr import ndr_pack, ndr_pack_in, ndr_pack_out
except ImportError as e:  # pragma: no cover - depends on the machine
    sys.stderr.write("samba python bindings unavailable: %s\n" % e)
    sys.exit(3)


def lsa_string(s):
    v = lsa.String()
    v.string = s
    return v


def lsa_string_large(s):
    v = lsa.StringLarge()
    v.string = s
    return v


def case_lsa_String():
    return ndr_pack(lsa_string("abc"))


def case_lsa_String_null():
    return ndr_pack(lsa_string(None))


def case_lsa_String_surrogates():
    return ndr_pack(lsa_string("a\U0001F600b\u00e9"))


def case_lsa_StringLarge():
    return ndr_pack(lsa_string_large("Administrator"))


def case_samr_Password():
    v = samr.Password()
    v.hash = list(range(0x10, 0x20))
    return ndr_pack(v)


def case_samr_LogonHours():
    v = samr.LogonHours()
    v.units_per_week = 168
    v.bits = [0xff] * 20 + [0x0f]
    return ndr_pack(v)


def sid_ptr(text):
    p = lsa.SidPtr()
    p.sid = None if text is None else security.dom_sid(text)
    return p


def case_lsa_SidArray():
    v = lsa.SidArray()
    v.sids = [sid_ptr("S-1-5-32-544"), sid_ptr(None), sid_ptr("S-1-5-21-1-2-3-500")]
    v.num_sids = 3
    return ndr_pack(v)


def translated_name(kind, name, index):
    t = lsa.TranslatedName()
    t.sid_type = kind
    t.name = lsa_string(name)
    t.sid_index = index
    return t


def case_lsa_TransNameArray():
    v = lsa.TransNameArray()
    v.names = [translated_name(1, "alice", 0), translated_name(4, None, 1), translated_name(2, "Domain Users", 0)]
    v.count = 3
    return ndr_pack(v)


def case_lsa_DnsDomainInfo():
    v = lsa.DnsDomainInfo()
    v.name = lsa_string_large("SAMDOM")
    v.dns_domain = lsa_string_large("samdom.example.com")
    v.dns_forest = lsa_string_large("samdom.example.com")
    v.domain_guid = misc.GUID("01234567-89ab-cdef-0123-456789abcdef")
    v.sid = security.dom_sid("S-1-5-21-1111-2222-3333")
    return ndr_pack(v)


def case_samr_RidWithAttributeArray():
    v = samr.RidWithAttributeArray()
    rids = []
    for rid, attr in ((513, 7), (512, 7), (1104, 0x20000007)):
        r = samr.RidWithAttribute()
        r.rid = rid
        r.attributes = attr
        rids.append(r)
    v.rids = rids
    v.count = 3
    return ndr_pack(v)


def case_echo_TestSurrounding_in():
    f = echo.TestSurrounding()
    s = echo.Surrounding()
    s.x = 5
    s.surrounding = [1, 2, 3, 4, 0xffff]
    f.in_data = s
    return ndr_pack_in(f)


def case_echo_TestDoublePointer_in():
    f = echo.TestDoublePointer()
    f.in_data = base.ndr_pointer(0x1234)  # [in] uint16 ***data: ref -> unique -> unique -> 0x1234
    return ndr_pack_in(f)


def echo_call2_out(level, info):
    f = echo.TestCall2()
    f.in_level = level
    f.out_info = info
    f.result = 0
    return ndr_pack_out(f)


def case_echo_TestCall2_out_1():
    i = echo.info1()
    i.v = 0x11
    return echo_call2_out(1, i)


def case_echo_TestCall2_out_4():
    i = echo.info4()
    i.v = 0x0102030405060708
    return echo_call2_out(4, i)


def case_echo_TestCall2_out_5():
    i = echo.info5()
    i.v1 = 0x55
    i.v2 = 0x1122334455667788
    return echo_call2_out(5, i)


def case_echo_TestCall2_out_7():
    i = echo.info7()
    i.v1 = 0x77
    i.info4.v = 0x0a0b0c0d0e0f1011
    return echo_call2_out(7, i)


def case_lsa_OpenPolicy2_in():
    f = lsa.OpenPolicy2()
    f.in_system_name = "\\\\dc1"
    a = lsa.ObjectAttribute()
    q = lsa.QosInfo()
    q.len = 12
    q.impersonation_level = 2
    q.context_mode = 1
    q.effective_only = 0
    a.len = 24
    a.sec_qos = q
    f.in_attr = a
    f.in_access_mask = 0x02000000
    return ndr_pack_in(f)


def policy_handle():
    h = misc.policy_handle()
    h.handle_type = 0
    h.uuid = misc.GUID("11223344-5566-7788-99aa-bbccddeeff00")
    return h


def case_lsa_Close_in():
    f = lsa.Close()
    f.in_handle = policy_handle()
    return ndr_pack_in(f)


def case_lsa_Close_out():
    f = lsa.Close()
    f.out_handle = policy_handle()
    f.result = 0
    return ndr_pack_out(f)


def floor(protocol, lhs_data, rhs):
    f = epmapper.epm_floor()
    f.lhs.protocol = protocol
    f.lhs.lhs_data = lhs_data
    f.rhs = rhs
    return f


def case_epmapper_twr_t():
    tcp = epmapper.epm_rhs_tcp()
    tcp.port = 135
    ip = epmapper.epm_rhs_ip()
    ip.ipaddr = "10.0.0.1"
    tower = epmapper.epm_tower()
    tower.floors = [floor(epmapper.EPM_PROTOCOL_TCP, b"", tcp), floor(epmapper.EPM_PROTOCOL_IP, b"", ip)]
    tower.num_floors = 2
    t = epmapper.epm_twr_t()
    t.tower = tower
    return ndr_pack(t)


def tower(port):
    tcp = epmapper.epm_rhs_tcp()
    tcp.port = port
    ip = epmapper.epm_rhs_ip()
    ip.ipaddr = "10.0.0.1"
    t = epmapper.epm_tower()
    t.floors = [floor(epmapper.EPM_PROTOCOL_TCP, b"", tcp), floor(epmapper.EPM_PROTOCOL_IP, b"", ip)]
    t.num_floors = 2
    twr = epmapper.epm_twr_t()
    twr.tower = t
    return twr


def epm_map(with_object):
    m = epmapper.epm_Map()
    m.in_object = misc.GUID("01234567-89ab-cdef-0123-456789abcdef") if with_object else None
    m.in_map_tower = tower(135)
    m.in_entry_handle = misc.policy_handle()
    m.in_max_towers = 4
    return m


def case_epmapper_Map_in():
    return ndr_pack_in(epm_map(True))


def case_epmapper_Map_in_no_object():
    return ndr_pack_in(epm_map(False))


def case_epmapper_Map_out():
    m = epm_map(False)
    m.out_entry_handle = policy_handle()
    towers = []
    for port in (1025, 1026):
        p = epmapper.epm_twr_p_t()
        p.twr = tower(port)
        towers.append(p)
    m.out_towers = towers
    m.out_num_towers = 2
    m.result = 0
    return ndr_pack_out(m)


def object_identifier():
    nc = drsuapi.DsReplicaObjectIdentifier()
    nc.dn = "DC=samdom,DC=example"
    nc.guid = misc.GUID("01234567-89ab-cdef-0123-456789abcdef")
    nc.sid = security.dom_sid("S-1-5-21-1-2-3")
    return nc


def case_drsuapi_DsReplicaObjectIdentifier():
    return ndr_pack(object_identifier())


def case_drsuapi_DsGetNCChangesRequest8():
    r = drsuapi.DsGetNCChangesRequest8()
    r.destination_dsa_guid = misc.GUID("11111111-2222-3333-4444-555555555555")
    r.source_dsa_invocation_id = misc.GUID("66666666-7777-8888-9999-aaaaaaaaaaaa")
    r.naming_context = object_identifier()
    r.highwatermark.tmp_highest_usn = 0x1001
    r.highwatermark.reserved_usn = 0x1002
    r.highwatermark.highest_usn = 0x1003
    r.replica_flags = 0x00201070
    r.max_object_count = 402
    r.max_ndr_size = 402116
    r.extended_op = 0
    r.fsmo_info = 0
    return ndr_pack(r)


def case_krb5pac_CONSTRAINED_DELEGATION_serialized():
    """The [MS-RPCE] 2.2.6 type-serialized PAC_CONSTRAINED_DELEGATION_CTR, cut out of a packed PAC_DATA."""
    d = krb5pac.PAC_CONSTRAINED_DELEGATION()
    d.proxy_target = lsa_string("cifs/fs1")
    d.transited_services = [lsa_string("HOST/a"), lsa_string("http/b.example")]
    d.num_transited_services = 2
    ctr = krb5pac.PAC_CONSTRAINED_DELEGATION_CTR()
    ctr.info = d
    b = krb5pac.PAC_BUFFER()
    b.type = krb5pac.PAC_TYPE_CONSTRAINED_DELEGATION
    b.info = ctr
    pac = krb5pac.PAC_DATA()
    pac.buffers = [b]
    pac.num_buffers = 1
    pac.version = 0
    blob = ndr_pack(pac)
    size, offset = struct.unpack_from("<IQ", blob, 12)
    return blob[offset:offset + size]


def case_security_LSAP_TOKEN_INFO_INTEGRITY():
    v = security.LSAP_TOKEN_INFO_INTEGRITY()
    v.Flags = 1
    v.TokenIL = 0x2000
    v.MachineId = list(range(32))
    return ndr_pack(v)


def case_security_sec_desc_buf():
    v = security.sec_desc_buf()
    v.sd = security.descriptor.from_sddl("O:BAG:SYD:(A;;GA;;;SY)", security.dom_sid("S-1-5-21-1-2-3"))
    return ndr_pack(v)


def samr_ids(values):
    v = samr.Ids()
    v.ids = values
    v.count = len(values)
    return v


def case_samr_LookupNames_out():
    f = samr.LookupNames()
    f.out_rids = samr_ids([500, 501])
    f.out_types = samr_ids([1, 1])
    f.result = 0
    return ndr_pack_out(f)


def case_samr_EnumDomainUsers_out():
    f = samr.EnumDomainUsers()
    entries = []
    for idx, name in ((500, "Administrator"), (501, "Guest")):
        e = samr.SamEntry()
        e.idx = idx
        e.name = lsa_string(name)
        entries.append(e)
    sam = samr.SamArray()
    sam.entries = entries
    sam.count = 2
    f.out_sam = sam
    f.out_resume_handle = 7
    f.out_num_entries = 2
    f.result = 0
    return ndr_pack_out(f)


def case_lsa_EnumPrivsAccount_out():
    f = lsa.EnumPrivsAccount()
    privs = lsa.PrivilegeSet()
    attrs = []
    for low, high, attribute in ((5, 0, 3), (0x17, 1, 0)):
        a = lsa.LUIDAttribute()
        a.luid.low = low
        a.luid.high = high
        a.attribute = attribute
        attrs.append(a)
    privs.set = attrs
    privs.count = 2
    privs.unknown = 0
    f.out_privs = privs
    f.result = 0
    return ndr_pack_out(f)


def case_samr_QueryUserInfo_out_16():
    """[out,ref,switch_is(level)] samr_UserInfo **info at level 16: the union starts at offset 4 although
    some arms are 8-aligned; the discriminant sits at 4 (its own alignment), the arm at 8 (its own)."""
    f = samr.QueryUserInfo()
    f.in_level = 16
    i = samr.UserInfo16()
    i.acct_flags = 0x10
    f.out_info = i
    f.result = 0
    return ndr_pack_out(f)


CASES = {name[len("case_"):]: fn for name, fn in sorted(globals().items()) if name.startswith("case_")}


def main(argv):
    if not argv:
        print("\n".join(CASES))
        return 0
    for name in argv:
        fn = CASES.get(name)
        if fn is None:
            sys.stderr.write("unknown case: %s\n" % name)
            return 2
        print("%s %s" % (name, bytes(fn()).hex()))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
