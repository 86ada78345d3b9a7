#!/bin/bash
# VGG-16 batch 1 side by side with PyTorch 1.13 / Zennit / Captum on THIS machine, in one run (the protocol of
# ../shared/peers/scripts/sidebyside.sh, in one JVM: org.xai4j.bench.SideBySide). Prints per round and method the
# peer's and xai4j's medians and the ratio, then the worst ratio of every method over the rounds (the figure to quote).
# Run from the xai4j checkout, with ../shared beside it (or XAI4J_SHARED=DIR):
#   bash xai4j-bench/sidebyside.sh [ROUNDS=3] [RUNS=3] [METHOD...]
# Needs (once per machine, not in CI): apt-get install -y python3-torch python3-torchvision python3-scipy python3-pil
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
JAR=$ROOT/xai4j-bench/target/benchmarks.jar
if [ ! -f "$JAR" ]; then (cd "$ROOT" && mvn -B -q package -DskipTests -pl xai4j-bench -am) || exit 2; fi
export XAI4J_SHARED=${XAI4J_SHARED:-$ROOT/../shared}
exec java --add-modules=jdk.incubator.vector -Xms6g -Xmx6g -XX:+AlwaysPreTouch -Dxai4j.kernels=vector \
  -cp "$JAR" org.xai4j.bench.SideBySide "$@"
