#!/bin/bash
# Feature visualization at Lucent's defaults (VGG-16 relu4_3 channel 5, 128 px Fourier + decorrelated image, standard
# transforms, upsampled to 224, Adam 0.05), Lucent (PyTorch, 2 threads) and xai4j (JMH FeatureVisualizationBenchmark)
# side by side, interleaved in ROUNDS rounds, batch 1 and 4. Prints every ratio xai4j / Lucent and the worst, with uptime.
# Run from the xai4j checkout, with ../shared beside it (or XAI4J_SHARED=DIR):
#   bash xai4j-bench/fv-sidebyside.sh [ROUNDS=3] [LUCENT_STEPS=10]
# Needs (once per machine, not in CI): apt-get install -y python3-torch python3-torchvision python3-scipy python3-pil python3-tqdm
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PEERS=${XAI4J_SHARED:-$ROOT/../shared}/peers
ROUNDS=${1:-3}
STEPS=${2:-10}
JAR=$ROOT/xai4j-bench/target/benchmarks.jar
[ -d "$PEERS/src/lucent" ] || { echo "no Lucent sources in $PEERS/src/lucent"; exit 2; }
if [ ! -f "$JAR" ]; then (cd "$ROOT" && mvn -B -q package -DskipTests -pl xai4j-bench -am) || exit 2; fi
CSV=$(mktemp)
RATIOS=()
echo "date $(date -u +%FT%TZ), $(nproc) cores, java $(java -version 2>&1 | head -1)"
for r in $(seq 1 "$ROUNDS"); do
  echo "round $r, before Lucent: $(uptime)"
  declare -A LUCENT=()
  while read -r line; do
    echo "  $line"
    b=$(echo "$line" | sed -n 's/.*batch \([0-9]*\): \([0-9.]*\) ms\/step.*/\1/p')
    ms=$(echo "$line" | sed -n 's/.*batch \([0-9]*\): \([0-9.]*\) ms\/step.*/\2/p')
    [ -n "$b" ] && LUCENT[$b]=$ms
  done < <(PYTHONPATH=$PEERS/scripts/shim:$PEERS/src/lucent /usr/bin/python3 "$PEERS/scripts/time_lucent.py" "$STEPS" 2 2>/dev/null)
  echo "round $r, before xai4j: $(uptime)"
  java -jar "$JAR" FeatureVisualizationBenchmark -f 1 -wi 1 -w 10s -i 3 -r 10s -p batch=1,4 -rf csv -rff "$CSV" >/dev/null 2>&1
  while IFS=, read -r name mode threads samples score err unit batch; do
    batch=${batch//[$'\r'\"]/}
    score=${score//[$'\r'\"]/}
    [[ "$name" == *FeatureVisualizationBenchmark* ]] || continue
    ratio=$(awk -v a="$score" -v b="${LUCENT[$batch]:-0}" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }')
    printf "  xai4j fv vgg16 relu4_3 ch5 batch %s: %.1f ms/step -> xai4j / Lucent = %s\n" "$batch" "$score" "$ratio"
    RATIOS+=("batch $batch round $r: $ratio")
  done < "$CSV"
  unset LUCENT
done
echo "after: $(uptime)"
echo "ratios (xai4j / Lucent, lower is faster): ${RATIOS[*]}"
printf '%s\n' "${RATIOS[@]}" | awk '{v=$NF; if (v != "n/a" && v + 0 > w) { w = v + 0; at = $0 }} END { printf "worst: %s\n", at }'
rm -f "$CSV"
