package org.msrpc4j.ndr.types;

import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/**
 * echo_Info, a non-encapsulated union with a uint16 discriminant ({@code switch_is(level)}) and no
 * default arm, as a sealed type. Arms: 1 {uint8 v}, 2 {uint16 v}, 3 {uint32 v}, 4 {hyper v},
 * 5 {uint8 v1; hyper v2}, 6 {uint8 v1; info1 info1}, 7 {uint8 v1; info4 info4}.
 */
public sealed interface EchoInfo {
    int level();

    record Info1(int v) implements EchoInfo { public int level() { return 1; } }
    record Info2(int v) implements EchoInfo { public int level() { return 2; } }
    record Info3(int v) implements EchoInfo { public int level() { return 3; } }
    record Info4(long v) implements EchoInfo { public int level() { return 4; } }
    record Info5(int v1, long v2) implements EchoInfo { public int level() { return 5; } }
    record Info6(int v1, int info1) implements EchoInfo { public int level() { return 6; } }
    record Info7(int v1, long info4) implements EchoInfo { public int level() { return 7; } }

    /** Discriminant (aligned as uint16), then the arm aligned per its own type. */
    static void encode(NdrEncoder e, EchoInfo u) throws NdrException {
        e.writeInt16(u.level());
        if (u instanceof Info1 a) {
            e.writeInt8(a.v());
        } else if (u instanceof Info2 a) {
            e.writeInt16(a.v());
        } else if (u instanceof Info3 a) {
            e.writeInt32(a.v());
        } else if (u instanceof Info4 a) {
            e.writeInt64(a.v());
        } else if (u instanceof Info5 a) {
            e.align(8);
            e.writeInt8(a.v1());
            e.writeInt64(a.v2());
        } else if (u instanceof Info6 a) {
            e.writeInt8(a.v1());
            e.writeInt8(a.info1());
        } else if (u instanceof Info7 a) {
            e.align(8);
            e.writeInt8(a.v1());
            e.writeInt64(a.info4());
        }
    }

    /** Reads the union; {@code switchIs} is the value of the switch_is parameter. */
    static EchoInfo decode(NdrDecoder d, int switchIs) throws NdrException {
        int level = d.readUInt16();
        NdrDecoder.checkCorrelation(level, switchIs, "echo_Info discriminant vs switch_is(level)");
        switch (level) {
            case 1: return new Info1(d.readUInt8());
            case 2: return new Info2(d.readUInt16());
            case 3: return new Info3(d.readInt32());
            case 4: return new Info4(d.readInt64());
            case 5: {
                d.align(8);
                int v1 = d.readUInt8();
                return new Info5(v1, d.readInt64());
            }
            case 6: {
                int v1 = d.readUInt8();
                return new Info6(v1, d.readUInt8());
            }
            case 7: {
                d.align(8);
                int v1 = d.readUInt8();
                return new Info7(v1, d.readInt64());
            }
            default:
                throw NdrException.badDiscriminant("echo_Info", level);
        }
    }
}
