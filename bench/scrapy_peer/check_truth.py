"""Checks a crawl (JSON lines of posts) against the simulator's /_truth: complete, nothing invented,
no post twice, every compared field equal. Prints one line; exit 1 when the crawl is not exact."""
import json
import sys
import urllib.request

FIELDS = ("topicId", "topic", "author", "postedAt", "text", "stickers")


def load_truth(base):
    with urllib.request.urlopen(f"{base.rstrip('/')}/_truth") as r:
        return {p["id"]: p for p in map(json.loads, r.read().decode().splitlines()) if not p.get("deleted")}


def check(truth, posts):
    seen, dup, invented, errors, examples = set(), 0, 0, 0, []
    for p in posts:
        if p["id"] in seen:
            dup += 1
            continue
        seen.add(p["id"])
        t = truth.get(p["id"])
        if t is None:
            invented += 1
            continue
        for f in FIELDS:
            if p.get(f) != t.get(f):
                errors += 1
                if len(examples) < 5:
                    examples.append(f"id {p['id']} {f}: got {p.get(f)!r} want {t.get(f)!r}")
    missing = len(set(truth) - seen)
    ok = missing == 0 and dup == 0 and invented == 0 and errors == 0
    return ok, (f"{len(seen)}/{len(truth)} posts, missing {missing}, twice {dup}, invented {invented}, "
                f"field errors {errors}" + "".join("\n  " + e for e in examples))


if __name__ == "__main__":
    base, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        posts = [json.loads(line) for line in f if line.strip() and not line.startswith("#")]
    ok, line = check(load_truth(base), posts)
    print(line)
    sys.exit(0 if ok else 1)
