package io.mlformats.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mlformats.spark.testing.SharedSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(SharedSpark.class)
class SharedSparkTest {
    @Test
    void sessionRunsJobs() {
        assertEquals(1000L, SharedSpark.session().range(1000).count());
        assertEquals("local[2]", SharedSpark.session().sparkContext().master());
    }
}
