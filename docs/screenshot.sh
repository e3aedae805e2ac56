#!/usr/bin/env bash
# Regenerates docs/dashboard.png from a real offline demo: `./run.sh --demo` on a fresh data and checkpoint
# directory, then, once the trending lists differ from the all-time ones and every sticker picture is served,
# a full-page capture with headless Chromium. Needs the jars (./mvnw -DskipTests package), Debian's chromium and
# chromium-driver (.ci/install-test-deps.sh), curl and jq. The demo's ports can be moved with SIM_PORT,
# JVC_STREAM_PORT, JVC_HTTP_PORT, JVC_DASHBOARD_PORT (and DRIVER_PORT for chromedriver), as for run.sh.
#   docs/screenshot.sh            waits at least MIN_SECONDS (default 240) of demo, then shoots
set -euo pipefail
cd "$(dirname "$0")/.."

MIN_SECONDS="${MIN_SECONDS:-240}"
DASH="http://127.0.0.1:${JVC_DASHBOARD_PORT:-8090}"
WORK="$(mktemp -d)"
OUT="docs/dashboard.png"

# Its own process group, so the whole demo stops with it.
set -m
JVC_DATA_DIR="$WORK/data" JVC_CHECKPOINT_DIR="$WORK/checkpoints" ./run.sh --demo >"$WORK/run.log" 2>&1 &
DEMO_PID=$!
set +m
DRIVER_PID=""
stop() {
  [[ -n "$DRIVER_PID" ]] && kill "$DRIVER_PID" 2>/dev/null
  kill -INT -- "-$DEMO_PID" 2>/dev/null || true
  wait "$DEMO_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap stop EXIT
trap 'exit 130' INT TERM

keys() { jq -r --arg j "$1" '[.results[$j].top // [] | .[].key] | .[:8] | join(" ")' "$WORK/state.json"; }

# Ready when: every trending list (stickers, authors, words; topics have none) has rows and is not the all-time
# list again, and the demo ran long enough for the window to cover only its last part.
start=$(date +%s)
while :; do
  sleep 5
  if ! kill -0 "$DEMO_PID" 2>/dev/null; then
    echo "screenshot: ./run.sh --demo stopped; its output:" >&2; cat "$WORK/run.log" >&2; exit 1
  fi
  curl -fsS "$DASH/api/state" -o "$WORK/state.json" 2>/dev/null || continue
  elapsed=$(( $(date +%s) - start ))
  ready=true
  for job in stickers authors words; do
    all="$(keys "$job")"; trend="$(keys "$job-trending")"
    if [[ -z "$trend" || "$trend" == "$all" ]]; then ready=false; fi
  done
  echo "screenshot: ${elapsed}s, stickers now: $(keys stickers-trending | cut -c1-100)"
  if $ready && (( elapsed >= MIN_SECONDS )); then break; fi
  if (( elapsed > MIN_SECONDS + 600 )); then echo "screenshot: trending never differed from all-time" >&2; exit 1; fi
done

# The page's pictures come from the simulator's /pictures/ (the demo's picture mirror): check one is served.
mirror="$(jq -r .pictureMirror "$WORK/state.json")"
first="$(jq -r '.results.stickers.top[0].key' "$WORK/state.json")"
path="${first#https://}"
curl -fsS -o /dev/null -w '%{content_type}\n' "$mirror/pictures/$path" | grep -q '^image/png' \
  || { echo "screenshot: the simulator does not serve $mirror/pictures/$path" >&2; exit 1; }

# The page fills itself from a never-ending SSE stream, so Chromium's own --screenshot (which waits for the
# network to go idle) never fires: drive headless Chromium through chromedriver's WebDriver HTTP API instead,
# wait until every sticker picture has loaded, then capture the window, sized to the whole page.
DRIVER_PORT="${DRIVER_PORT:-9515}"
chromedriver --port="$DRIVER_PORT" >"$WORK/chromedriver.log" 2>&1 &
DRIVER_PID=$!
wd() { curl -fsS -X "$1" -H 'Content-Type: application/json' "http://127.0.0.1:$DRIVER_PORT$2" ${3:+-d "$3"}; }
for _ in $(seq 1 50); do wd GET /status >/dev/null 2>&1 && break; sleep 0.2; done
caps=$(jq -n --arg dir "$WORK/chromium" '{capabilities: {alwaysMatch: {browserName: "chrome",
  "goog:chromeOptions": {binary: "/usr/bin/chromium", args: ["--headless=new", "--no-sandbox", "--disable-gpu",
  "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1", "--lang=en-US",
  "--window-size=1280,900", ("--user-data-dir=" + $dir)]}}}}')
session=$(wd POST /session "$caps" | jq -r .value.sessionId)
js() { wd POST "/session/$session/execute/sync" "$(jq -n --arg s "$1" '{script: $s, args: []}')" | jq -r .value; }
wd POST "/session/$session/url" "$(jq -n --arg u "$DASH/" '{url: $u}')" >/dev/null
loaded=false
for _ in $(seq 1 120); do
  sleep 0.5
  state=$(js "const imgs = Array.from(document.querySelectorAll('img.sticker-img'));
    imgs.forEach(i => { i.loading = 'eager'; });
    const lists = ['list-stickers', 'list-stickers-trending', 'list-authors-trending', 'list-words-trending'];
    return lists.every(id => document.getElementById(id).children.length > 0) && imgs.length > 0
      && imgs.every(i => i.complete && i.naturalWidth > 0)")
  if [[ "$state" == "true" ]]; then loaded=true; break; fi
done
$loaded || { echo "screenshot: the page never showed every list with its pictures loaded" >&2; exit 1; }
# New posts keep arriving (8 a second), each with pictures still loading: freeze the feed (the page finds it
# by id, so renaming it stops new posts from being added), then wait until every picture has loaded. Lazy
# images below the window would never load for a capture beyond it: make every one eager.
js "document.getElementById('feed').id = 'feed-frozen-for-the-screenshot'; return true" >/dev/null
for _ in $(seq 1 40); do
  js "const imgs = Array.from(document.querySelectorAll('img.sticker-img')); imgs.forEach(i => { i.loading = 'eager'; });
    return imgs.every(i => i.complete && i.naturalWidth > 0)" | grep -q true && break
  sleep 0.25
done
height=$(js "return Math.ceil(document.querySelector('footer').getBoundingClientRect().bottom + window.scrollY)")
# The whole page, beyond the window: DevTools' capture through chromedriver's CDP passthrough.
shot=$(jq -n --argjson h "$height" '{cmd: "Page.captureScreenshot", params: {format: "png",
  captureBeyondViewport: true, clip: {x: 0, y: 0, width: 1280, height: $h, scale: 1}}}')
wd POST "/session/$session/goog/cdp/execute" "$shot" | jq -r .value.data | base64 -d >"$OUT"
wd DELETE "/session/$session" >/dev/null || true
echo "screenshot: wrote $OUT ($(stat -c %s "$OUT") bytes, page height $height px) after ${elapsed}s of demo"
