#!/usr/bin/env python3
"""Rebuild the bundled MNIST and Fashion-MNIST subsets that NeuralKit ships.

    python3 scripts/make-bundled-subsets.py DIR

DIR holds `mnist/` and `fashion-mnist/`, each with the four official IDX files
(`train-images-idx3-ubyte[.gz]`, `train-labels-idx1-ubyte[.gz]`,
`t10k-images-idx3-ubyte[.gz]`, `t10k-labels-idx1-ubyte[.gz]`), the same layout as
`--data-dir DIR`. The subsets are written to Sources/MNISTData/BundledSubsets/.

Selection is deterministic and needs no random numbers: for each class, the first
TRAIN_PER_CLASS training images and the first TEST_PER_CLASS test images in file order,
kept in file order. Output is gzip level 9 with the timestamp and file name left out of
the gzip header, so rebuilding from the same files gives byte-identical output.

Standard library only (no numpy), so anyone with Python 3 can run it.
"""

import gzip
import hashlib
import io
import os
import struct
import sys

TRAIN_PER_CLASS = 1000
TEST_PER_CLASS = 200
CLASSES = 10
IMAGES_MAGIC = 2051
LABELS_MAGIC = 2049
DATASETS = ["mnist", "fashion-mnist"]
SPLITS = [("train", TRAIN_PER_CLASS), ("t10k", TEST_PER_CLASS)]
OUTPUT = os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "Sources", "NeuralKit", "Data", "BundledSubsets"
)


def read_file(folder, name):
    """The uncompressed bytes of `name` or `name.gz` in `folder`."""
    plain = os.path.join(folder, name)
    if os.path.exists(plain):
        with open(plain, "rb") as f:
            return f.read()
    with gzip.open(plain + ".gz", "rb") as f:
        return f.read()


def read_images(folder, name):
    data = read_file(folder, name)
    magic, count, rows, columns = struct.unpack(">IIII", data[:16])
    assert magic == IMAGES_MAGIC, f"{name}: magic {magic}, expected {IMAGES_MAGIC}"
    size = rows * columns
    assert len(data) == 16 + count * size, f"{name}: size disagrees with the header"
    return rows, columns, [data[16 + i * size : 16 + (i + 1) * size] for i in range(count)]


def read_labels(folder, name):
    data = read_file(folder, name)
    magic, count = struct.unpack(">II", data[:8])
    assert magic == LABELS_MAGIC, f"{name}: magic {magic}, expected {LABELS_MAGIC}"
    assert len(data) == 8 + count, f"{name}: size disagrees with the header"
    return list(data[8:])


def select(labels, per_class):
    """Indices of the first `per_class` examples of every class, in file order."""
    taken = [0] * CLASSES
    chosen = []
    for index, label in enumerate(labels):
        if taken[label] < per_class:
            taken[label] += 1
            chosen.append(index)
    assert taken == [per_class] * CLASSES, f"not enough examples per class: {taken}"
    return chosen


def write_gzip(path, payload):
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, compresslevel=9, mtime=0) as f:
        f.write(payload)
    with open(path, "wb") as f:
        f.write(buffer.getvalue())
    return len(buffer.getvalue())


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: python3 scripts/make-bundled-subsets.py DIR")
    source = sys.argv[1]
    total = 0
    for dataset in DATASETS:
        folder = os.path.join(source, dataset)
        target = os.path.join(OUTPUT, dataset)
        os.makedirs(target, exist_ok=True)
        for split, per_class in SPLITS:
            rows, columns, images = read_images(folder, f"{split}-images-idx3-ubyte")
            labels = read_labels(folder, f"{split}-labels-idx1-ubyte")
            assert len(images) == len(labels), f"{dataset} {split}: image and label counts differ"
            chosen = select(labels, per_class)
            image_bytes = struct.pack(">IIII", IMAGES_MAGIC, len(chosen), rows, columns)
            image_bytes += b"".join(images[i] for i in chosen)
            label_bytes = struct.pack(">II", LABELS_MAGIC, len(chosen)) + bytes(labels[i] for i in chosen)
            for name, payload in [
                (f"{split}-images-idx3-ubyte.gz", image_bytes),
                (f"{split}-labels-idx1-ubyte.gz", label_bytes),
            ]:
                size = write_gzip(os.path.join(target, name), payload)
                total += size
                digest = hashlib.md5(payload).hexdigest()
                print(f"{dataset}/{name:28} {len(chosen):6} items {size:9,} bytes  md5(raw) {digest}")
    print(f"total {total:,} bytes")


if __name__ == "__main__":
    main()
