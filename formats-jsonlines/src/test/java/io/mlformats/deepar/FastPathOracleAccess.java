package io.mlformats.deepar;

import java.io.IOException;

/** Lets the fuzz targets in another package run the fast-path/Jackson comparison. */
public final class FastPathOracleAccess {
    private FastPathOracleAccess() {
    }

    public static Object read(byte[] line, boolean jacksonOnly) throws IOException {
        return FastPathOracleTest.read(line, jacksonOnly);
    }
}
