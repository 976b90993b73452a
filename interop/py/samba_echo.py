"""Calls every rpcecho opnum (0-9) through Samba's Python bindings and checks the answers
against the semantics of Samba's reference server (source4/rpc_server/echo/rpc_echo.c).

Usage: /usr/bin/python3 samba_echo.py BINDING [-U DOMAIN/user%pass] [-k] [-s smb.conf]
"""
import argparse

from samba import NTSTATUSError
from samba.dcerpc import base, echo

from samba_client import Checks, add_auth_arguments, expect, load

def main():
    parser = argparse.ArgumentParser(description=__doc__)
    add_auth_arguments(parser)
    parser.add_argument("--sleep", type=int, default=1, help="seconds for TestSleep")
    args = parser.parse_args()
    lp, creds = load(args)
    conn = echo.rpcecho(args.binding, lp, creds)
    checks = Checks()

    def add_one():
        for n in (0, 1, 41, 0xFFFFFFFE):
            got = conn.AddOne(n)
            expect(got == n + 1, f"AddOne({n}) = {got}")
        return "0, 1, 41, 0xfffffffe"

    def echo_data():
        for size in (0, 1, 255, 5000, 70000):  # 70000 spans several fragments
            data = [(i * 7 + 3) % 256 for i in range(size)]
            got = list(conn.EchoData(data))
            expect(got == data, f"EchoData of {size} bytes came back different")
        return "0, 1, 255, 5000, 70000 bytes"

    def sink_data():
        conn.SinkData([i % 256 for i in range(4096)])
        conn.SinkData([])

    def source_data():
        for size in (0, 1, 300, 70000):
            got = list(conn.SourceData(size))
            expect(got == [i % 256 for i in range(size)], f"SourceData({size}) wrong")
        return "0, 1, 300, 70000 bytes"

    def test_call():
        for s in ("hello", "", "Grüße ☃ 𝄞"):
            got = conn.TestCall(s)
            expect(got == s, f"TestCall({s!r}) = {got!r}")

    def test_call2():
        expected = {
            1: lambda i: i.v == 10,
            2: lambda i: i.v == 20,
            3: lambda i: i.v == 30,
            4: lambda i: i.v == 40,
            5: lambda i: i.v1 == 50 and i.v2 == 60,
            6: lambda i: i.v1 == 70 and i.info1.v == 80,
            7: lambda i: i.v1 == 80 and i.info4.v == 90,
        }
        for level, ok in expected.items():
            info = conn.TestCall2(level)
            expect(ok(info), f"TestCall2({level}) returned unexpected values")
        # Level 8 has no arm: Samba's reference server cannot marshal the answer and faults;
        # either a fault or an NTSTATUS error (INVALID_LEVEL) is right, success is not.
        try:
            conn.TestCall2(8)
        except (NTSTATUSError, RuntimeError) as e:
            code = e.args[0] & 0xFFFFFFFF if e.args and isinstance(e.args[0], int) else None
            return f"levels 1-7; level 8 -> error {hex(code) if code is not None else e}"
        raise AssertionError("TestCall2(8) succeeded; expected an error (no such level)")

    def test_sleep():
        got = conn.TestSleep(args.sleep)
        expect(got == args.sleep, f"TestSleep({args.sleep}) = {got}")

    def test_enum():
        foo2 = echo.Enum2()
        foo2.e1 = echo.ECHO_ENUM1
        foo2.e2 = echo.ECHO_ENUM1_32
        foo3 = echo.Enum2()  # union arm for *foo1 == ECHO_ENUM2 is an Enum2
        foo3.e1 = echo.ECHO_ENUM1
        foo3.e2 = echo.ECHO_ENUM2_32
        out1, out2, out3 = conn.TestEnum(echo.ECHO_ENUM2, foo2, foo3)
        expect(out1 == echo.ECHO_ENUM2, f"foo1 = {out1}")
        expect(out2.e1 == echo.ECHO_ENUM2, f"foo2.e1 = {out2.e1} (the server sets ECHO_ENUM2)")
        expect(out2.e2 == echo.ECHO_ENUM1_32, f"foo2.e2 = {out2.e2} (unchanged)")
        expect(out3.e1 == echo.ECHO_ENUM1 and out3.e2 == echo.ECHO_ENUM2_32, "foo3 changed")

    def test_surrounding():
        data = echo.Surrounding()
        data.x = 10
        data.surrounding = [7] * 10
        out = conn.TestSurrounding(data)
        expect(out.x == 20, f"x = {out.x}")
        expect(list(out.surrounding) == [0] * 20, f"surrounding = {list(out.surrounding)}")

    def test_double_pointer():
        # uint16 ***data: the binding takes the two unique levels as one ndr_pointer.
        got = conn.TestDoublePointer(base.ndr_pointer(4242))
        expect(got == 4242, f"TestDoublePointer(4242) = {got}")

    checks.run("AddOne (0)", add_one)
    checks.run("EchoData (1)", echo_data)
    checks.run("SinkData (2)", sink_data)
    checks.run("SourceData (3)", source_data)
    checks.run("TestCall (4)", test_call)
    checks.run("TestCall2 (5)", test_call2)
    checks.run("TestSleep (6)", test_sleep)
    checks.run("TestEnum (7)", test_enum)
    checks.run("TestSurrounding (8)", test_surrounding)
    checks.run("TestDoublePointer (9)", test_double_pointer)
    checks.finish()


if __name__ == "__main__":
    main()
