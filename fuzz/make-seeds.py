#!/usr/bin/env python3
"""Writes the Jazzer seed inputs of every campaign target from the golden files (run from the project root).

Seeds live where jazzer-junit's regression mode finds them (src/test/resources/<package>/<Class>Inputs/<method>/),
so every build replays them. A seed is a small golden file followed by the option bytes the target consumes from
the end of its input (FuzzedDataProvider reads integral values from the end): the golden file keeps its last byte
and the options pick the reader settings that fit it. Deterministic; rerun after adding golden files.
"""
import gzip
import os
import sys

GOLDEN = "formats-testkit/src/main/resources/golden"
MAX_SEED = 4096


def golden(rel):
    with open(os.path.join(GOLDEN, rel), "rb") as f:
        return f.read()


def target_dir(module, package, cls, method):
    return os.path.join(module, "src/test/resources", package.replace(".", "/"), cls + "Inputs", method)


def write(module, package, cls, method, seeds):
    d = target_dir(module, package, cls, method)
    os.makedirs(d, exist_ok=True)
    for name in os.listdir(d):
        if name.startswith("seed-"):
            os.remove(os.path.join(d, name))
    for name, data in seeds:
        if len(data) > MAX_SEED:
            continue
        with open(os.path.join(d, "seed-" + name), "wb") as f:
            f.write(data)


def files(folder, suffixes, skip=()):
    out = []
    for root, _, names in os.walk(os.path.join(GOLDEN, folder)):
        for n in sorted(names):
            rel = os.path.relpath(os.path.join(root, n), GOLDEN)
            if n.endswith(suffixes) and not any(s in n for s in skip) and os.path.getsize(os.path.join(GOLDEN, rel)) <= MAX_SEED:
                out.append(rel)
    return sorted(out)


def base(rel):
    return rel.replace("/", "_")


def gz(data):
    return gzip.compress(data, mtime=0)


libsvm = files("libsvm", (".svm", ".txt", ".libsvm", "part-00000", "part-00001"), skip=("README", "SUMMARY"))[:40]
pbr = files("recordio", (".pbr",))
rec = files("recordio", (".rec",))
idx = files("recordio", (".idx",))
lst = files("recordio", (".lst",))
deepar = files("jsonlines/deepar", (".jsonl", ".json")) + ["jsonlines/real/deepar_doc_training_line.jsonl"]
deepar = [f for f in deepar if not f.endswith(".expected.json") and not f.endswith(".oracle.json")]
o2v = [f for f in files("jsonlines/object2vec", (".jsonl",))] + ["jsonlines/real/object2vec_doc_training.jsonl"]
bt = ["jsonlines/blazingtext/bt_train.txt", "jsonlines/blazingtext/bt_predict_input.txt",
      "jsonlines/real/blazingtext_doc_supervised.txt"]
manifest = files("jsonlines/manifest", (".jsonl", ".manifest")) + [
    "jsonlines/real/groundtruth_output_featurestore.manifest", "jsonlines/real/blazingtext_doc_augmented_manifest.jsonl"]
csv = [("basic.csv", b"1,0.5,2\n0,1.5,-3\n1,2,4e3\n"), ("weights.csv", b"1,0.5,2,3\n0,1,1,1\n"),
       ("missing.csv", b"1,,2\n0,nan,1\n"), ("header.csv", b"label,f0,f1\n1,2,3\n"),
       ("crlf.tsv", b"1\t2\t3\r\n0\t4\t5\r\n"), ("ragged.csv", b"1,2,3\n0,1\n")]

# LibSVM: flags 0 = zero-based strict float32; 2 = auto base.
write("formats-libsvm", "io.mlformats.libsvm", "LibSvmFuzzTest", "noRecordLost",
      [(base(f), golden(f) + bytes([2])) for f in libsvm] + [("gz-" + base(libsvm[0]), gz(golden(libsvm[0])) + bytes([0x22]))])
write("formats-libsvm", "io.mlformats.libsvm.csv", "CsvFuzzTest", "noRecordLost",
      [(n, d + bytes([(2 if "weights" in n else 0) | (4 if "header" in n else 0) | (8 if n.endswith(".tsv") else 0)]))
       for n, d in csv])
# RecordIO targets: flags 0 = strict dmlc over memory, 4 = chunked stream.
write("formats-recordio", "io.mlformats.recordio", "RecordIoFuzzTest", "framing",
      [(base(f), golden(f) + bytes([0])) for f in pbr + rec] + [("stream-" + base(pbr[0]), golden(pbr[0]) + bytes([4]))])
write("formats-recordio", "io.mlformats.recordio", "RecordIoFuzzTest", "gzipFraming",
      [(base(f) + ".gz", gz(golden(f)) + bytes([0])) for f in pbr[:8] + rec[:1]])
write("formats-recordio", "io.mlformats.recordio", "RecordIoFuzzTest", "protobufRecords",
      [(base(f), golden(f) + bytes([1, 0])) for f in pbr])
write("formats-recordio", "io.mlformats.recordio", "RecordIoFuzzTest", "imageRecords",
      [(base(f), golden(f) + bytes([0])) for f in rec])
write("formats-recordio", "io.mlformats.recordio", "RecordIoFuzzTest", "idxIndex", [(base(f), golden(f)) for f in idx])
write("formats-recordio", "io.mlformats.recordio", "RecordIoFuzzTest", "lstFile", [(base(f), golden(f)) for f in lst])
# JSON Lines: flags 4 = the reader's "choice" (keep extra fields / training / supervised / source-ref).
write("formats-jsonlines", "io.mlformats.jsonlines", "JsonLinesReadersFuzzTest", "deepAr",
      [(base(f), golden(f) + bytes([0])) for f in deepar])
write("formats-jsonlines", "io.mlformats.jsonlines", "JsonLinesReadersFuzzTest", "object2Vec",
      [(base(f), golden(f) + bytes([4 if "train" in f else 0])) for f in o2v])
write("formats-jsonlines", "io.mlformats.jsonlines", "JsonLinesReadersFuzzTest", "blazingText",
      [(base(f), golden(f) + bytes([4 if "predict" not in f else 0])) for f in bt])
write("formats-jsonlines", "io.mlformats.jsonlines", "JsonLinesReadersFuzzTest", "manifest",
      [(base(f), golden(f) + bytes([4 if "groundtruth" in f else 0])) for f in manifest])

# Parquet: files written by our writers (fuzz/seeds/parquet/, made once with the CLI's convert).
pq = sorted(os.listdir("fuzz/seeds/parquet")) if os.path.isdir("fuzz/seeds/parquet") else []
def pqf(n):
    with open(os.path.join("fuzz/seeds/parquet", n), "rb") as f:
        return f.read()
write("formats-parquet", "io.mlformats.parquet", "ParquetReaderFuzzTest", "noRecordLost",
      [(n, pqf(n) + bytes([1 if "deepar" in n else 0])) for n in pq])

# A damaged gzip stream (the fuzzer's DeepAR hang, finding F1) through every reader's stream path, skip-and-count
# included: the damage must end the read, not be skipped and retried forever.
DAMAGED_GZIP = bytes.fromhex("1f8b0800223a205b315d7d0d0a746174746c")
truncated_gzip = gz(golden(pbr[1]))[:-20]
for module, package, cls, method, flags in [
        ("formats-libsvm", "io.mlformats.libsvm", "LibSvmFuzzTest", "noRecordLost", b"\x20"),
        ("formats-libsvm", "io.mlformats.libsvm.csv", "CsvFuzzTest", "noRecordLost", b"\x40"),
        ("formats-recordio", "io.mlformats.recordio", "RecordIoFuzzTest", "framing", b"\x04"),
        ("formats-recordio", "io.mlformats.recordio", "RecordIoFuzzTest", "protobufRecords", b"\x01\x04"),
        ("formats-recordio", "io.mlformats.recordio", "RecordIoFuzzTest", "imageRecords", b"\x04"),
        ("formats-jsonlines", "io.mlformats.jsonlines", "JsonLinesReadersFuzzTest", "object2Vec", b"\x00"),
        ("formats-jsonlines", "io.mlformats.jsonlines", "JsonLinesReadersFuzzTest", "manifest", b"\x00")]:
    d = target_dir(module, package, cls, method)
    for name, data in [("damaged-gzip", DAMAGED_GZIP), ("truncated-gzip", truncated_gzip)]:
        with open(os.path.join(d, "seed-" + name), "wb") as f:
            f.write(data + flags)

# CLI: extension index, --from (0 = detect) and algorithm are the last bytes (read from the end: algorithm,
# then flags, then format). Extensions: "", .libsvm, .csv, .pbr, .rec, .parquet, .jsonl, .txt, .manifest, .gz.
ALG = ["xgboost", "linear-learner", "factorization-machines", "knn", "kmeans", "pca", "deepar", "object2vec",
       "blazingtext", "image-classification"]
# Fewer seeds than the reader targets: each CLI seed runs whole commands (kept quick in regression mode).
cli = [("libsvm-" + base(libsvm[0]), golden(libsvm[0]), 1, "xgboost"),
       ("csv-missing.csv", csv[2][1], 2, "linear-learner")]
cli += [("pbr-" + base(f), golden(f), 3, "linear-learner") for f in pbr[:3]]
cli += [("rec-" + base(f), golden(f), 4, "image-classification") for f in rec[:2]]
cli += [("deepar-" + base(f), golden(f), 6, "deepar") for f in deepar[:2]]
cli += [("o2v-" + base(f), golden(f), 6, "object2vec") for f in o2v[:1]]
cli += [("bt-" + base(f), golden(f), 7, "blazingtext") for f in bt[:1]]
cli += [("manifest-" + base(f), golden(f), 8, "blazingtext") for f in manifest[:1]]
cli += [("gz-" + base(pbr[1]), gz(golden(pbr[1])), 9, "linear-learner")]
cli += [("parquet-" + n, pqf(n), 5, "deepar" if "deepar" in n else "xgboost") for n in pq]
write("formats-cli", "io.mlformats.cli", "CliFuzzTest", "validateApprovesOnlyWhatCatReads",
      [(n, d + bytes([0, ext, ALG.index(a)])) for n, d, ext, a in cli])
write("formats-cli", "io.mlformats.cli", "CliFuzzTest", "inspectCountsWhatCatReads",
      [(n, d + bytes([0, ext])) for n, d, ext, a in cli])
print("seeds written", file=sys.stderr)
