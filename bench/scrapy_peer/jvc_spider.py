"""The peer in the side-by-side crawl benchmark: a Scrapy spider for the forum simulator's 2026 markup.

Written the way Scrapy users write spiders (parsel/lxml selectors on the served HTML), and as complete as
our scraper: every list page, every page of every topic (the last page decoded from the list's JvCare
link), and the same post fields (id, topicId, topic, author, postedAt, text, stickers, url).
Run by bench/peer-crawl.py; not part of the product.
"""
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import scrapy
from lxml import etree

PARIS = ZoneInfo("Europe/Paris")
MONTHS = {m: i + 1 for i, m in enumerate(
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split())}
JVCARE_ALPHABET = "0A12B34C56D78E9F"
DATE_RE = re.compile(r"(\d{1,2}) (\S+) (\d{4}) à (\d{2}):(\d{2}):(\d{2})")
PAGE_RE = re.compile(r"/forums/(?:42|1)-(\d+)-(\d+)-(\d+)-")
FICHIERS_RE = re.compile(r"/fichiers-(?:xs|sm|md|lg)/")
BLOCKS = {"p", "div", "blockquote", "pre", "ul", "ol", "li", "br", "h1", "h2", "h3", "table", "tr"}
WS = re.compile(r"\s+")


def jvcare(classes):
    token = classes.split()[1]
    out = bytearray()
    for i in range(0, len(token) - 1, 2):
        out.append(JVCARE_ALPHABET.index(token[i]) * 16 + JVCARE_ALPHABET.index(token[i + 1]))
    return out.decode("utf-8")


def paris_iso(text):
    m = DATE_RE.search(text)
    d, month, y, hh, mm, ss = m.groups()
    return datetime(int(y), MONTHS[month], int(d), int(hh), int(mm), int(ss), tzinfo=PARIS).isoformat()


def body_text_and_stickers(msg):
    """jsoup-like text(): quotes, spoiler labels and images out; block boundaries become spaces."""
    for node in msg.xpath('.//blockquote | .//label[contains(@class,"message__spoilHead")] | .//input'):
        node.getparent().remove(node) if node.getparent() is not None else None
    stickers = []
    for el in msg.iter():
        if not isinstance(el.tag, str):
            continue
        cls = el.get("class") or ""
        if el.tag == "img" and "message__urlImg" in cls:
            stickers.append(el.get("alt"))
        elif el.tag == "span" and "message__urlImgLarge" in cls:
            stickers.append(FICHIERS_RE.sub("/fichiers/", el.get("data-src-background")))
        elif el.tag == "img" and "message__sticker" in cls:
            stickers.append(el.get("src"))
    parts = []

    def walk(el):
        if not isinstance(el.tag, str):
            if el.tail:
                parts.append(el.tail)
            return
        block = el.tag in BLOCKS
        if block:
            parts.append(" ")
        if el.text and el.tag != "img":
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append(" ")
        if el.tail:
            parts.append(el.tail)

    if msg.text:
        parts.append(msg.text)
    for child in msg:
        walk(child)
    return WS.sub(" ", "".join(parts)).strip(), stickers


class JvcSpider(scrapy.Spider):
    name = "jvc"
    custom_settings = {
        "CONCURRENT_REQUESTS": 60,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 60,
        "DOWNLOAD_DELAY": 0,
        "ROBOTSTXT_OBEY": False,
        "COOKIES_ENABLED": True,
        "RETRY_TIMES": 5,
        "LOG_LEVEL": "INFO",
        "TELNETCONSOLE_ENABLED": False,
        "USER_AGENT": "jvc-streaming-bench-peer (+https://github.com/jvc-streaming)",
    }

    def __init__(self, base="http://127.0.0.1:18089", list_pages="12", **kw):
        super().__init__(**kw)
        self.base = base.rstrip("/")
        self.list_pages = int(list_pages)

    def start_requests(self):
        for n in range(self.list_pages):
            yield scrapy.Request(f"{self.base}/forums/0-51-0-1-0-{n * 25 + 1}-0-blabla-18-25-ans.htm",
                                 callback=self.parse_list)

    def parse_list(self, response):
        for row in response.css("li.tablesForum__bodyRow"):
            href = row.css("a.tablesForum__cellSubject::attr(href)").get()
            title = row.css("a.tablesForum__cellSubject::attr(title)").get()
            last_classes = row.css("span.tablesForum__cellLink::attr(class)").get()
            last_page = int(PAGE_RE.search(jvcare(last_classes)).group(3))
            for page in range(1, last_page + 1):
                url = response.urljoin(re.sub(r"^(/forums/(?:42|1)-\d+-\d+-)\d+-", rf"\g<1>{page}-", href))
                yield scrapy.Request(url, callback=self.parse_topic, cb_kwargs={"title": title})

    def parse_topic(self, response, title):
        topic_id = int(PAGE_RE.search(response.url).group(2))
        root = response.selector.root
        for msg in root.xpath('//div[contains(@class,"messageUser") and starts-with(@id,"message-")]'):
            author = WS.sub(" ", "".join(msg.xpath('.//*[contains(@class,"messageUser__label")][1]//text()'))).strip()
            date = "".join(msg.xpath('.//*[contains(@class,"messageUser__date")][1]//text()'))
            body = msg.xpath('.//div[contains(@class,"messageUser__msg")]')[0]
            text, stickers = body_text_and_stickers(body)
            yield {
                "id": int(msg.get("id")[len("message-"):]),
                "topicId": topic_id,
                "topic": title,
                "author": author,
                "postedAt": paris_iso(date),
                "text": text,
                "stickers": stickers,
                "url": response.url,
            }
