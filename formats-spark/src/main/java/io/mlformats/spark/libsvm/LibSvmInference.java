package io.mlformats.spark.libsvm;

import io.mlformats.core.ErrorPolicy;
import io.mlformats.core.vector.SparseVector;
import io.mlformats.libsvm.IndexBase;
import io.mlformats.libsvm.LibSvmReadOptions;
import io.mlformats.libsvm.LibSvmReader;
import io.mlformats.spark.internal.FileReaderFunction;
import io.mlformats.spark.internal.SerializableConfiguration;
import io.mlformats.spark.internal.SplitInput;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

/**
 * The pass that settles what the options leave open: the number of features (when {@code numFeatures} is absent
 * or not positive) and the index base (for {@code indexBase=auto}). One Spark job over the files' byte ranges,
 * each task parsing its lines with the library reader (zero-based, so it sees indices as written) and returning
 * the largest and smallest index; the driver merges them. Bad lines fail the job under FAILFAST (with the
 * library's located message) and are passed over otherwise, as the read itself will.
 */
final class LibSvmInference {
    /** What the pass found: the settled base and the width (largest column + 1 under that base). */
    record Result(IndexBase base, long numFeatures) {
    }

    /** One byte range of one file. */
    private record Split(String path, long start, long length, long fileSize) implements Serializable {
    }

    private LibSvmInference() {
    }

    static Result run(SparkSession spark, List<FileStatus> files, LibSvmOptions options, Configuration conf) {
        long maxBytes = spark.sessionState().conf().filesMaxPartitionBytes();
        List<Split> splits = new ArrayList<>();
        for (FileStatus f : files) {
            long len = f.getLen();
            if (!SplitInput.isSplitable(spark, f.getPath()) || len == 0) {
                splits.add(new Split(f.getPath().toString(), 0, len, len));
                continue;
            }
            for (long at = 0; at < len; at += maxBytes) {
                splits.add(new Split(f.getPath().toString(), at, Math.min(maxBytes, len - at), len));
            }
        }
        long[] found = {0, Long.MAX_VALUE};
        if (!splits.isEmpty()) {
            JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
            Broadcast<SerializableConfiguration> shared = jsc.broadcast(new SerializableConfiguration(conf));
            try {
                found = jsc.parallelize(splits, splits.size())
                        .map(s -> scan(s, options, shared.value().get()))
                        .reduce(LibSvmInference::merge);
            } finally {
                shared.destroy();
            }
        }
        IndexBase base = options.indexBase;
        if (base == IndexBase.AUTO) {
            // scikit-learn's rule, as the library decides AUTO: one-based when there are features and none is 0.
            base = found[1] != Long.MAX_VALUE && found[1] > 0 ? IndexBase.ONE : IndexBase.ZERO;
        }
        long width = base == IndexBase.ONE ? Math.max(0, found[0] - 1) : found[0];
        if (width > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("sagemaker-libsvm: the largest feature index gives " + width
                    + " features, more than a Spark vector holds (" + Integer.MAX_VALUE + ")");
        }
        return new Result(base, width);
    }

    /** {largest column + 1 read zero-based, smallest index} of one split. */
    private static long[] scan(Split s, LibSvmOptions options, Configuration conf) {
        // Bad lines fail the pass only under FAILFAST; PERMISSIVE and DROPMALFORMED reads keep or drop them, so
        // the width comes from the good lines.
        LibSvmReadOptions read = options.library(IndexBase.ZERO, -1).withErrorPolicy(
                options.mode == LibSvmOptions.Mode.FAILFAST ? ErrorPolicy.FAIL_FAST : ErrorPolicy.SKIP_AND_COLLECT);
        long min = Long.MAX_VALUE;
        try (SplitInput in = SplitInput.open(new Path(s.path), s.start, s.length, s.fileSize, conf,
                read.read().limits());
             LibSvmReader r = in.isStream() ? LibSvmReader.open(in.stream(), read)
                     : LibSvmReader.open(in.seekable(), in.range(), read)) {
            while (r.next()) {
                SparseVector f = r.current().features();
                if (f.nnz() > 0 && f.index(0) < min) {
                    min = f.index(0);
                }
            }
            return new long[] {r.numFeatures(), min};
        } catch (IOException e) {
            throw FileReaderFunction.sneaky(e);
        }
    }

    private static long[] merge(long[] a, long[] b) {
        return new long[] {Math.max(a[0], b[0]), Math.min(a[1], b[1])};
    }
}
