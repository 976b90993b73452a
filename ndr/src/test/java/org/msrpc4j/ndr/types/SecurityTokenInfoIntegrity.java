package org.msrpc4j.ndr.types;

import java.util.Arrays;
import org.msrpc4j.ndr.NdrDecoder;
import org.msrpc4j.ndr.NdrEncodable;
import org.msrpc4j.ndr.NdrEncoder;
import org.msrpc4j.ndr.NdrException;

/** LSAP_TOKEN_INFO_INTEGRITY: {@code struct { uint32 Flags; uint32 TokenIL; uint8 MachineId[32]; }} — a fixed array. */
public record SecurityTokenInfoIntegrity(int flags, int tokenIl, byte[] machineId) implements NdrEncodable {

    @Override
    public void encode(NdrEncoder e) throws NdrException {
        e.align(4);
        e.writeInt32(flags);
        e.writeInt32(tokenIl);
        e.writeBytes(machineId, 0, 32);
    }

    public static SecurityTokenInfoIntegrity decode(NdrDecoder d) throws NdrException {
        d.align(4);
        return new SecurityTokenInfoIntegrity(d.readInt32(), d.readInt32(), d.readBytes(32));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SecurityTokenInfoIntegrity x && x.flags == flags && x.tokenIl == tokenIl
                && Arrays.equals(x.machineId, machineId);
    }

    @Override
    public int hashCode() {
        return flags * 31 + tokenIl + Arrays.hashCode(machineId);
    }
}
