"""rpcecho through Impacket, with a small hand-written NDRCALL definition of the interface
(UUID 60a15ec5-4de8-11d7-a637-005056a20182 v1.0, Samba's echo.idl).

Usage: /usr/bin/python3 impacket_echo.py ncacn_ip_tcp:HOST[PORT] [-U DOMAIN/user%pass] [--level L] [-k]
       /usr/bin/python3 impacket_echo.py --self-test
--self-test needs no server: it checks these NDRCALL definitions byte for byte against Samba's
own NDR encoder (pidl-generated, through its Python bindings), requests and responses.
"""
import argparse
import sys

from impacket import uuid
from impacket.dcerpc.v5.dtypes import LPWSTR, NTSTATUS, ULONG, USHORT, WSTR
from impacket.dcerpc.v5.ndr import NDRCALL, NDRSTRUCT, NDRUNION, NDRUniConformantArray

from impacket_client import add_auth_arguments, connect

MSRPC_UUID_RPCECHO = uuid.uuidtup_to_bin(("60a15ec5-4de8-11d7-a637-005056a20182", "1.0"))


class BYTE_ARRAY(NDRUniConformantArray):
    item = "c"


class AddOne(NDRCALL):
    opnum = 0
    structure = (("in_data", ULONG),)


class AddOneResponse(NDRCALL):
    structure = (("out_data", ULONG),)


class EchoData(NDRCALL):
    opnum = 1
    structure = (("len", ULONG), ("in_data", BYTE_ARRAY))


class EchoDataResponse(NDRCALL):
    structure = (("out_data", BYTE_ARRAY),)


class SinkData(NDRCALL):
    opnum = 2
    structure = (("len", ULONG), ("data", BYTE_ARRAY))


class SinkDataResponse(NDRCALL):
    structure = ()


class SourceData(NDRCALL):
    opnum = 3
    structure = (("len", ULONG),)


class SourceDataResponse(NDRCALL):
    structure = (("data", BYTE_ARRAY),)


class TestCall(NDRCALL):
    opnum = 4
    structure = (("s1", WSTR),)  # top-level [in] pointer: [ref], so no referent id


class TestCallResponse(NDRCALL):
    structure = (("s2", LPWSTR),)  # [out] uint16 **s2: ref to unique


class INFO3(NDRSTRUCT):
    structure = (("v", ULONG),)


# pidl aligns a union to its selected arm; Impacket aligns an NDRUNION to at least 4 bytes. They
# agree for level 3 (a uint32 arm), so that is the level tested here (Samba's Python client covers
# levels 1-7 in py/samba_echo.py).
class ECHO_INFO3(NDRUNION):
    commonHdr = (("tag", USHORT),)
    union = {3: ("info3", INFO3)}


class TestCall2(NDRCALL):
    opnum = 5
    structure = (("level", USHORT),)


class TestCall2Response3(NDRCALL):
    structure = (("info", ECHO_INFO3), ("ErrorCode", NTSTATUS))


TEST_CALL2_RESPONSES = {3: (TestCall2Response3, 30)}


class TestSleep(NDRCALL):
    opnum = 6
    structure = (("seconds", ULONG),)


class TestSleepResponse(NDRCALL):
    structure = (("result", ULONG),)


def request_bytes(call):
    return call.getData()


def call(dce, request):
    """Sends one request and returns the response stub. Not dce.request(): that treats any
    non-zero last four bytes as an error status, and AddOne's answer is a plain number."""
    dce.call(request.opnum, request)
    return dce.recv()


def self_test():
    """Compares the definitions above with Samba's NDR, without any server."""
    from samba.dcerpc import echo as samba_echo
    failures = 0

    def same(name, ours, theirs):
        nonlocal failures
        if ours == theirs:
            print(f"ok   {name}: {ours.hex()}")
        else:
            failures += 1
            print(f"FAIL {name}:\n     impacket {ours.hex()}\n     samba    {theirs.hex()}")

    r = AddOne(); r["in_data"] = 41
    s = samba_echo.AddOne(); s.in_in_data = 41
    same("AddOne request", request_bytes(r), s.__ndr_pack_in__())
    s.out_out_data = 42
    same("AddOne response", AddOneResponse(s.__ndr_pack_out__())["out_data"].to_bytes(4, "little"),
         (42).to_bytes(4, "little"))

    data = bytes(range(7))
    r = EchoData(); r["len"] = len(data); r["in_data"] = list(data)
    s = samba_echo.EchoData(); s.in_len = len(data); s.in_in_data = list(data)
    same("EchoData request", request_bytes(r), s.__ndr_pack_in__())
    s.out_out_data = list(data)
    got = bytes(b if isinstance(b, int) else ord(b) for b in EchoDataResponse(s.__ndr_pack_out__())["out_data"])
    same("EchoData response", got, data)

    r = SourceData(); r["len"] = 5
    s = samba_echo.SourceData(); s.in_len = 5
    same("SourceData request", request_bytes(r), s.__ndr_pack_in__())

    r = TestCall(); r["s1"] = "hi\x00"
    s = samba_echo.TestCall(); s.in_s1 = "hi"
    same("TestCall request", request_bytes(r), s.__ndr_pack_in__())
    s.out_s2 = "hello"
    got = TestCallResponse(s.__ndr_pack_out__())["s2"]
    same("TestCall response", str(got).rstrip("\x00").encode(), b"hello")

    for level, (response_class, value) in TEST_CALL2_RESPONSES.items():
        r = TestCall2(); r["level"] = level
        s = samba_echo.TestCall2(); s.in_level = level
        same(f"TestCall2({level}) request", request_bytes(r), s.__ndr_pack_in__())
        info = getattr(samba_echo, f"info{level}")(); info.v = value
        s.out_info = info
        s.result = 0
        resp = response_class(s.__ndr_pack_out__())
        same(f"TestCall2({level}) response", resp["info"][f"info{level}"]["v"].to_bytes(4, "little"),
             value.to_bytes(4, "little"))

    if failures:
        print(f"{failures} mismatch(es) with Samba's NDR")
        sys.exit(1)
    print("NDRCALL definitions agree with Samba's NDR")


def drive(args):
    dce = connect(args.binding, args, MSRPC_UUID_RPCECHO)
    failures = 0

    def check(name, ok, detail=""):
        nonlocal failures
        print(("ok   " if ok else "FAIL ") + name + (f": {detail}" if detail else ""))
        failures += 0 if ok else 1

    for n in (0, 41, 0xFFFFFFFE):
        r = AddOne(); r["in_data"] = n
        got = AddOneResponse(call(dce, r))["out_data"]
        check(f"AddOne({n})", got == n + 1, str(got))

    for size in (0, 3, 6000):
        data = bytes((i * 13) % 256 for i in range(size))
        r = EchoData(); r["len"] = size; r["in_data"] = list(data)
        raw = EchoDataResponse(call(dce, r))["out_data"]
        got = bytes(b if isinstance(b, int) else ord(b) for b in raw)
        check(f"EchoData({size} bytes)", got == data)

    r = SinkData(); r["len"] = 100; r["data"] = list(bytes(100))
    call(dce, r)
    check("SinkData(100 bytes)", True)

    r = SourceData(); r["len"] = 300
    raw = SourceDataResponse(call(dce, r))["data"]
    got = bytes(b if isinstance(b, int) else ord(b) for b in raw)
    check("SourceData(300)", got == bytes(i % 256 for i in range(300)))

    r = TestCall(); r["s1"] = "impacket\x00"
    got = str(TestCallResponse(call(dce, r))["s2"]).rstrip("\x00")
    check("TestCall('impacket')", got == "impacket", repr(got))

    for level, (response_class, value) in TEST_CALL2_RESPONSES.items():
        r = TestCall2(); r["level"] = level
        resp = response_class(call(dce, r))
        arm = resp["info"][f"info{level}"]["v"]
        check(f"TestCall2({level})", arm == value and resp["ErrorCode"] == 0, f"v={arm}")

    r = TestSleep(); r["seconds"] = 1
    got = TestSleepResponse(call(dce, r))["result"]
    check("TestSleep(1)", got == 1, str(got))

    dce.disconnect()
    if failures:
        print(f"{failures} check(s) failed")
        sys.exit(1)
    print("all checks passed")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("binding", nargs="?")
    add_auth_arguments(parser)
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        self_test()
    elif args.binding:
        drive(args)
    else:
        parser.error("a binding or --self-test")


if __name__ == "__main__":
    main()
