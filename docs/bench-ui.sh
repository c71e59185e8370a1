#!/usr/bin/env bash
# Startup benchmark of issue 4: JVM uptime at the first frame of the tlsviz window against a bare JavaFX
# hello-world window (io.tlsviz.app.bench.HelloWorld), same jar, same JVM, same flags, runs interleaved.
# Prints each run, the medians and the ratio (goal: at most 1.5), under Xvfb and under headless Monocle.
#
#   mvn -B -q -pl app -am -DskipTests package && docs/bench-ui.sh [runs]     (default 7 runs each)
#
# Needs xvfb-run (apt-get install -y xvfb libgtk-3-0). Monocle is in the shaded jar (the slide export uses it);
# the Monocle runs also add the jar Maven downloaded, which changes nothing when both are there. Monocle's headless
# screen is 1280x800 unless told otherwise, smaller than the 1440x900 window, so it is set to 1920x1080.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
jar=app/target/tlsviz.jar
[[ -f $jar ]] || { echo "no $jar: run mvn -B -q -pl app -am -DskipTests package" >&2; exit 1; }
prefs=$(mktemp -d)
trap 'rm -rf "$prefs"' EXIT
# Fresh preferences each run: the window opens at its default size, and the user's are left alone.
common=(-Djava.util.prefs.userRoot="$prefs" -Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory)

median() { sort -n | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }

# bench LABEL LAUNCHER... : RUNS interleaved pairs; the last line of each run's output is its uptime in ms.
bench() {
    local label=$1; shift
    local hello=() app=()
    for ((i = 1; i <= runs; i++)); do
        rm -rf "${prefs:?}"/*
        hello+=("$("$@" io.tlsviz.app.bench.HelloWorld 2>/dev/null | tail -n 1)")
        rm -rf "${prefs:?}"/*
        app+=("$("$@" io.tlsviz.app.Main --exit-after-first-frame 2>/dev/null | tail -n 1)")
    done
    local mh ma
    mh=$(printf '%s\n' "${hello[@]}" | median)
    ma=$(printf '%s\n' "${app[@]}" | median)
    printf '%s\n  hello-world ms: %s\n  tlsviz ms:      %s\n' "$label" "${hello[*]}" "${app[*]}"
    awk -v h="$mh" -v a="$ma" 'BEGIN {printf "  median hello-world %s ms, tlsviz %s ms, ratio %.2f (goal <= 1.5)\n", h, a, a / h}'
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
xvfb=(xvfb-run -a -s "-screen 0 1920x1080x24")
bench "Xvfb, default pipeline" "${xvfb[@]}" java "${common[@]}" -cp "$jar"
bench "Xvfb, software pipeline (-Dprism.order=sw)" "${xvfb[@]}" java "${common[@]}" -Dprism.order=sw -cp "$jar"
monocle=$(ls ~/.m2/repository/org/testfx/openjfx-monocle/*/openjfx-monocle-*.jar 2>/dev/null | grep -v sources | tail -n 1 || true)
if [[ -n $monocle ]]; then
    bench "Monocle headless, software pipeline" java "${common[@]}" -Dglass.platform=Monocle -Dmonocle.platform=Headless \
        -Dheadless.geometry=1920x1080-32 -Dprism.order=sw -cp "$jar:$monocle"
else
    echo "Monocle: skipped (no openjfx-monocle jar in ~/.m2; run mvn -pl app -am verify once)"
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
