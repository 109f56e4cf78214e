package io.mlformats.recordio.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mlformats.core.ByteSources;
import io.mlformats.core.FormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, item 3: a sparse shape of 2^64-1 was silently taken as a row of width 1 (the product wrapped around).
 * A shape beyond the 2^31-1 columns a feature row can have is an error at the record's position.
 */
class HugeShapeTest {
    /** The record: a sparse float32 tensor with one key and shape [2^64-1], label 1. */
    static final String RECORD = "0a23d7ce370000000a210a0676616c756573121712150a040000803f1201001a0affffffffff"
            + "ffffffff0112120a0676616c756573120812060a040000803f00";

    @Test
    void aShapeBeyondTheColumnsOfARowIsAnErrorNotWidthOne() throws IOException {
        byte[] bytes = HexFormat.of().parseHex(RECORD);
        try (RecordProtobufReader r = RecordProtobufReader.open(ByteSources.of(bytes).input(),
                RecordProtobufReadOptions.defaults())) {
            assertTrue(r.next());
            assertEquals(1, r.current().features().keyCount(), "the record itself reads (cat can print it)");
            UncheckedIOException e = assertThrows(UncheckedIOException.class, r::currentRow);
            FormatException f = assertInstanceOf(FormatException.class, e.getCause());
            assertTrue(f.getMessage().contains("shape [18446744073709551615]"), f.getMessage());
            assertEquals(0, f.position().byteOffset());
        }
    }
}
