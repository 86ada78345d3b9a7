#!/usr/bin/env bash
# Fuzzes one reader of untrusted input with Jazzer (coverage-guided; org.xai4j.fuzz.ReaderFuzzTest):
#   xai4j-explain/fuzz.sh onnxModel|npyArray|image [EXECUTIONS]
# Without EXECUTIONS the run lasts the target's maxDuration (30 s, the CI run); with it, until that many inputs were
# tried (the long run of docs/reliability.md: 1000000). The corpus starts from the committed seeds and, for
# onnxModel, every model of ../shared/onnx-conformance and the bundled models. A crashing input is written to
# xai4j-explain/src/test/resources/org/xai4j/fuzz/ReaderFuzzTestInputs/<target>/ and the run fails; committed
# there, it becomes a regression test of every plain `mvn verify`.
set -euo pipefail
target="${1:?usage: fuzz.sh onnxModel|npyArray|image [EXECUTIONS]}"
runs="${2:-}"
case "$target" in onnxModel|npyArray|image) ;; *) echo "fuzz.sh: unknown target '$target'" >&2; exit 2 ;; esac
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
corpus="$root/xai4j-explain/.cifuzz-corpus/org.xai4j.fuzz.ReaderFuzzTest/$target"
mkdir -p "$corpus"
if [[ "$target" == onnxModel ]]; then
  shared="$root/../shared/onnx-conformance"
  if [[ -d "$shared" ]]; then
    while IFS= read -r m; do
      name="${m#"$shared"/}"
      cp "$m" "$corpus/conformance-${name//\//-}"
    done < <(find "$shared" -name model.onnx)
  else
    echo "fuzz.sh: no $shared; seeding from the committed seeds and bundled models only" >&2
  fi
  find "$root/xai4j-models/src/main/resources" -name '*.onnx' -size -512k -exec cp {} "$corpus/" \;
  chmod u+w "$corpus"/*
fi
limits=()
if [[ -n "$runs" ]]; then
  limits=(-Djazzer.max_executions="$runs" -Djazzer.max_duration=100000s)
fi
cd "$root"
JAZZER_FUZZ=1 mvn -B -pl xai4j-explain -am test -Dtest="ReaderFuzzTest#$target" \
  -Dsurefire.failIfNoSpecifiedTests=false "${limits[@]}"
