#!/usr/bin/env python3
"""Side-by-side crawl benchmark: our scraper against a Scrapy spider, on the same static simulated forum.

    bench/peer-crawl.sh [runs=3] [topics=300]        (installs Scrapy, builds the jars, then runs this)

Each run crawls the whole forum (every list page, every page of every topic) and is checked complete and
exact against the simulator's /_truth. Runs alternate (Scrapy, ours, Scrapy, ours...) so both see the same
machine load. Per run: posts, CPU seconds of the whole process (user + system from wait4's rusage, so JIT,
start-up and every thread are included), posts per CPU-second, wall time, peak RSS (ru_maxrss). The last
line gives the ratios of the medians. Our scraper is started with SCRAPER_CMD (default: the command the
README documents) and stopped with SIGKILL as soon as its stream holds every post (it is a daemon that
would keep following the forum); Scrapy exits by itself.
"""
import json
import os
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "scrapy_peer"))
from check_truth import check, load_truth  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIM_PORT, HTTP_PORT, STREAM_PORT = 18089, 18080, 16667
BASE = f"http://127.0.0.1:{SIM_PORT}"
SCRAPER_CMD = os.environ.get("SCRAPER_CMD", "scraper-vertx/bin/jvc-scraper")
# THREADS=1 prints our scraper's CPU per thread group at completion (from /proc, before the SIGKILL);
# CRAWLERS=ours skips Scrapy (to compare JVM settings quickly: CPU-s, not the ratio, is comparable then).
THREADS = bool(os.environ.get("THREADS"))
CRAWLERS = os.environ.get("CRAWLERS", "scrapy,ours").split(",")
# JFR_DUMP=file: at completion, `jcmd <pid> JFR.dump` into file (start the recording with JVC_SCRAPER_JAVA_OPTS)
JFR_DUMP = os.environ.get("JFR_DUMP")
# PERFMAP=1: at completion, `jcmd <pid> Compiler.perfmap` (/tmp/perf-<pid>.map names the JIT code for perf report)
PERFMAP = bool(os.environ.get("PERFMAP"))


def wait_http(url, seconds=120):
    end = time.time() + seconds
    while time.time() < end:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer in {seconds} s")


def run_scrapy(list_pages, out):
    cmd = ["scrapy", "runspider", os.path.join(ROOT, "bench/scrapy_peer/jvc_spider.py"), "-a", f"base={BASE}",
           "-a", f"list_pages={list_pages}", "-O", f"{out}:jsonlines", "-s", "LOG_LEVEL=INFO"]
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=open(out + ".log", "w"))
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    if status != 0:
        raise SystemExit(f"scrapy failed ({status}), see {out}.log")
    with open(out, encoding="utf-8") as f:
        posts = [json.loads(line) for line in f if line.strip()]
    return posts, usage, wall


def read_stream(expected, deadline):
    """Collects posts from the scraper's stream (everything held, then live) until `expected` distinct ids."""
    while time.monotonic() < deadline:
        try:
            sock = socket.create_connection(("127.0.0.1", STREAM_PORT), timeout=1)
            break
        except OSError:
            time.sleep(0.05)
    else:
        raise SystemExit("the scraper's stream port never opened")
    sock.sendall(b"RESUME -1\n")
    sock.settimeout(1)
    buf, posts, ids = b"", [], set()
    while len(ids) < expected and time.monotonic() < deadline:
        try:
            chunk = sock.recv(1 << 20)
        except socket.timeout:
            continue
        if not chunk:
            break
        buf += chunk
        *lines, buf = buf.split(b"\n")
        for line in lines:
            if line and not line.startswith(b"#"):
                p = json.loads(line)
                posts.append(p)
                ids.add(p["id"])
    sock.close()
    return posts


def thread_cpu(pid):
    """CPU seconds per thread group (trailing digits of the thread name folded into '#')."""
    groups, tick = {}, os.sysconf("SC_CLK_TCK")
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        key = name.rstrip("0123456789") + ("#" if name[-1:].isdigit() else "")
        groups[key] = groups.get(key, 0) + (int(fields[11]) + int(fields[12])) / tick
    return sorted(groups.items(), key=lambda kv: -kv[1])


def fetch_counts():
    """Our scraper's HTTP work so far, from its /metrics: pages fetched, responses by status, list refreshes, retries."""
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{HTTP_PORT}/metrics", timeout=2) as r:
            text = r.read().decode()
    except OSError as e:
        return f"(no /metrics: {e})"
    wanted = ("jvc_pages_fetched_total", "jvc_http_responses_total", "jvc_list_refreshes_total",
              "jvc_fetch_retries_total")
    return ", ".join(line.replace("jvc_", "", 1) for line in text.splitlines()
                     if line.startswith(wanted) and not line.endswith(" 0") and not line.endswith(" 0.0"))


def run_ours(list_pages, expected, data_dir):
    cmd = shlex.split(SCRAPER_CMD) + [
        "--forum-url", f"{BASE}/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm", "--http-port", str(HTTP_PORT),
        "--stream-port", str(STREAM_PORT), "--list-pages", str(list_pages), "--backfill-pages", "all",
        "--fetchers", "60", "--rate", "1000", "--refresh-interval", "1s"]
    env = dict(os.environ, JVC_DATA_DIR=data_dir)
    start = time.monotonic()
    log = open(os.path.join(data_dir, "scraper.log"), "w")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        posts = read_stream(expected, time.monotonic() + 600)
        wall = time.monotonic() - start
        if THREADS:
            print("   threads: " + ", ".join(f"{k} {v:.2f}" for k, v in thread_cpu(proc.pid) if v >= 0.01))
            print("   requests: " + fetch_counts())
        if PERFMAP:
            subprocess.run(["jcmd", str(proc.pid), "Compiler.perfmap"], check=True, stdout=subprocess.DEVNULL)
        if JFR_DUMP:
            subprocess.run(["jcmd", str(proc.pid), "JFR.dump", f"filename={JFR_DUMP}"], check=True,
                           stdout=subprocess.DEVNULL)
    finally:
        proc.send_signal(signal.SIGKILL)
    _, _, usage = os.wait4(proc.pid, 0)
    return posts, usage, wall


def row(name, posts, usage, wall):
    cpu = usage.ru_utime + usage.ru_stime
    return {"name": name, "posts": len({p["id"] for p in posts}), "cpu": cpu, "rate": len(posts) / cpu,
            "wall": wall, "rss": usage.ru_maxrss / 1024}


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    topics = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    list_pages = (topics + 24) // 25
    sim = subprocess.Popen(["java", "-jar", "forum-simulator/target/forum-simulator.jar", "--port", str(SIM_PORT),
                            "--topics", str(topics), "--rate", "0"], cwd=ROOT,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_http(f"{BASE}/_stats")
        truth = load_truth(BASE)
        print(f"forum: {topics} topics, {list_pages} list pages, {len(truth)} visible posts; load average "
              f"{os.getloadavg()[0]:.2f}; scraper command: {SCRAPER_CMD}")
        print(f"{'crawler':<8} {'posts':>6} {'CPU-s':>7} {'posts/CPU-s':>12} {'wall s':>7} {'peak RSS MiB':>13}  check")
        results = {"scrapy": [], "ours": []}
        with tempfile.TemporaryDirectory() as tmp:
            for i in range(runs):
                for name in CRAWLERS:
                    if name == "scrapy":
                        posts, usage, wall = run_scrapy(list_pages, os.path.join(tmp, f"scrapy-{i}.jl"))
                    else:
                        data = os.path.join(tmp, f"ours-{i}")
                        os.makedirs(data)
                        posts, usage, wall = run_ours(list_pages, len(truth), data)
                    ok, verdict = check(truth, posts)
                    r = row(name, posts, usage, wall)
                    results[name].append(r)
                    print(f"{name:<8} {r['posts']:>6} {r['cpu']:>7.2f} {r['rate']:>12.0f} {r['wall']:>7.1f} "
                          f"{r['rss']:>13.0f}  {verdict}", flush=True)
                    if not ok:
                        raise SystemExit(f"{name} crawl {i} is not exact")
        med = {k: {m: statistics.median(r[m] for r in v) for m in ("rate", "wall", "rss", "cpu")}
               for k, v in results.items() if v}
        if len(med) < 2:
            print("median: " + "; ".join(f"{k} {m['cpu']:.2f} CPU-s, {m['rate']:.0f} posts/CPU-s, {m['rss']:.0f} MiB"
                                         for k, m in med.items()))
            return
        print(f"median: ours {med['ours']['rate']:.0f} vs scrapy {med['scrapy']['rate']:.0f} posts/CPU-s = "
              f"{med['ours']['rate'] / med['scrapy']['rate']:.2f}x; peak RSS {med['ours']['rss']:.0f} vs "
              f"{med['scrapy']['rss']:.0f} MiB = {med['ours']['rss'] / med['scrapy']['rss']:.2f}x; wall "
              f"{med['ours']['wall']:.1f} vs {med['scrapy']['wall']:.1f} s")
    finally:
        sim.terminate()
        sim.wait()


if __name__ == "__main__":
    main()
