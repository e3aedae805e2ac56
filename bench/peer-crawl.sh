#!/usr/bin/env bash
# Side-by-side crawl: our scraper (as scraper-vertx/bin/jvc-scraper starts it, the command the README gives)
# against a Scrapy spider, on the same static simulated forum, several runs each, both checked against /_truth.
#   bench/peer-crawl.sh [runs=3] [topics=300]
# Installs Debian's python3-scrapy when missing and builds the jars when missing. Figures: BENCHMARKS.md.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v scrapy >/dev/null 2>&1; then
  echo "==> installing Scrapy (Debian's python3-scrapy)"
  if [[ $(id -u) -eq 0 ]]; then apt-get update -qq && apt-get install -y -qq python3-scrapy; else sudo apt-get install -y python3-scrapy; fi
fi
if [[ ! -f scraper-vertx/target/scraper-vertx.jar || ! -f forum-simulator/target/forum-simulator.jar ]]; then
  echo "==> building the jars"
  ./mvnw -B -q -DskipTests package -pl scraper-vertx,forum-simulator -am
fi
# The launcher writes its class-data archive at the first clean exit, as a user's first run does: here that run is a
# training crawl of a small simulated forum (not the measured one), so the measured runs start with the classes a
# crawl loads already archived.
if [[ ! -f scraper-vertx/target/scraper-vertx.jsa || scraper-vertx/target/scraper-vertx.jar -nt scraper-vertx/target/scraper-vertx.jsa ]]; then
  echo "==> writing the scraper's class-data archive (a training crawl of a small simulated forum)"
  rm -f scraper-vertx/target/scraper-vertx.jsa
  scraper-vertx/bin/train-class-archive forum-simulator/target/forum-simulator.jar -- scraper-vertx/bin/jvc-scraper
fi
exec python3 bench/peer-crawl.py "${1:-3}" "${2:-300}"
