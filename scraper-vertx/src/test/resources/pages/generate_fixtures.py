#!/usr/bin/env python3
"""Regenerates the hand-written fixture pages of the parse tests (spec: /work/shared/jvc-forum-markup.md).

The pages are written by hand below as templates; the script only fills in what cannot be typed by hand:
JvCare tokens (spec §6) and the forumsAppPayload blobs (spec §7, base64(gzip(JSON)) and base64(JSON)).
Run from this directory: python3 generate_fixtures.py
"""
import base64
import gzip
import json
import os
import re

A = "0A12B34C56D78E9F"
SITE = "https://www.jeuxvideo.com"


def jv(url):
    return "".join(A[b >> 4] + A[b & 15] for b in url.encode("utf-8"))


def topic_url(tid, page, slug, absolute=False):
    path = f"/forums/42-51-{tid}-{page}-0-1-0-{slug}.htm"
    return SITE + path if absolute else path


# ---------------------------------------------------------------------------------------------- messages

def message(mid, pseudo, date, body, *, logged_in=False, deleted=False, edit=None, signature=None,
            with_id=True, with_label=True, hydrated_copy=False):
    """One 2026 message (spec §3, §9)."""
    if deleted:
        label = f'<span class="messageUser__label">{pseudo}</span>'
        avatar = '<span class="avatar"><img src="https://image.jeuxvideo.com/avatar-sm/default.jpg" class="avatar__image" alt=""></span>'
    elif logged_in:
        label = f'<a href="/profil/{pseudo.lower()}?mode=infos" class="xXx messageUser__label" target="_blank">{pseudo}</a>'
        avatar = f'<a href="/profil/{pseudo.lower()}?mode=infos" class="avatar"><img src="https://image.jeuxvideo.com/avatar-sm/{pseudo.lower()}.jpg" class="avatar__image" alt="{pseudo}"></a>'
    else:
        label = f'<span class="JvCare {jv("/profil/" + pseudo.lower() + "?mode=infos")} messageUser__label " target="__blank">{pseudo}</span>'
        avatar = f'<span class="JvCare {jv("/profil/" + pseudo.lower() + "?mode=infos")} avatar"><img src="https://image.jeuxvideo.com/avatar-sm/{pseudo.lower()}.jpg" class="avatar__image" alt="{pseudo}"></span>'
    if not with_label:
        label = ''
    if logged_in:
        date_el = f'<a href="/forums/message/{mid}" class="messageUser__date" target="_blank">{date}</a>'
    else:
        date_el = f'<span class="JvCare {jv("/forums/message/" + str(mid))} messageUser__date">{date}</span>'
    edit_el = ''
    if edit:
        edit_el = (f'<div class="messageUser__dateEdit">Message édité le {edit} par '
                   f'<span class="JvCare {jv("/profil/" + pseudo.lower() + "?mode=infos")} messageUser__dateEditLink">{pseudo}</span></div>')
    sig_el = ''
    if signature:
        sig_el = f'<div class="messageUser__separator"></div><div class="messageUser__signature">{signature}</div>'
    footer = ''
    if logged_in:
        footer = ('<div class="messageUser__footer"><span class="messageUser__action" title="Citer le message">'
                  '<i class="icon-quote"></i></span></div>')
    card = (f'<div class="messageUser__card js-message-user-card">\n'
            f'  <div class="messageUser__header">{avatar}\n'
            f'   <div class="messageUser__profil">{label}\n'
            f'    <div class="messageUser__level">Niveau 12</div>{date_el}</div></div>\n'
            f'  <div class="messageUser__main"><div class="messageUser__msg js-message-user-msg">\n{body}\n  </div>{edit_el}{sig_el}</div>{footer}\n'
            f' </div>')
    id_attr = f' id="message-{mid}"' if with_id else ''
    html = (f'<span id="post_{mid}" class="messageUser__anchor"></span>\n'
            f'<div class="messageUser js-hybrid-component"{id_attr}>\n {card}</div>\n')
    if hydrated_copy:
        html += f'<div id="message-{mid}"><div class="messageUser">\n {card}</div></div>\n'
    return html


def pagination(tid, slug, page, last):
    """Bottom pagination (spec §3): first/prev/next/last JvCare buttons, then the zoneN nav."""
    u = lambda p: topic_url(tid, p, slug)
    b = ['<nav class="pagination__navigation pagination__navigation--bottom">']
    if page == 1:
        b.append('<span class="pagination__item pagination__item--first pagination__item--disabled"><i class="icon-arrow-first"></i></span>')
        b.append('<span class="pagination__item pagination__item--prev pagination__item--disabled"><i class="icon-arrow-left"></i></span>')
    else:
        b.append(f'<span class="JvCare {jv(u(1))} pagination__button pagination__button--first" title="Première page"><i class="icon-arrow-first"></i></span>')
        b.append(f'<span class="JvCare {jv(u(page - 1))} pagination__button pagination__button--prev" title="Page précédente"><i class="icon-arrow-left"></i></span>')
    if page < last:
        b.append(f'<span class="JvCare {jv(SITE + u(page + 1))} pagination__button pagination__button--next" title="Page suivante"><i class="icon-arrow-right"></i></span>')
        b.append(f'<span class="JvCare {jv(SITE + u(last))} pagination__button pagination__button--last" title="Dernière page"><i class="icon-arrow-last"></i></span>')
    b.append('</nav>')
    z = ['<nav class="pagination__navigation pagination__navigation--zoneN">',
         f'<span class="pagination__item pagination__item--current">{page}</span>']
    following = [p for p in range(page + 1, min(page + 3, last))]
    tens = [p for p in range(10, last, 10) if p > page + 2]
    for p in following + tens:
        z.append(f'<a class="pagination__button" href="{u(p)}">{p}</a>')
    if last > page and last not in following + tens:
        if last > page + 1:
            z.append('<span class="pagination__item pagination__item--more">...</span>')
        if page == 1:
            z.append(f'<a class="pagination__button" href="{u(last)}">{last}</a>')
        else:
            z.append(f'<span class="JvCare {jv(u(last))} pagination__button">{last}</span>')
    z.append('</nav>')
    return ('<div class="container__pagination">\n <div class="pagination">\n  ' + '\n  '.join(b) + '\n  '
            + '\n  '.join(z) + '\n </div>\n</div>\n')


def payload_script(obj, gz):
    raw = json.dumps(obj, ensure_ascii=False).encode("utf-8")
    if gz:
        raw = gzip.compress(raw, mtime=0)
    b64 = base64.b64encode(raw).decode("ascii")
    return f'<script>window.jvc=window.jvc||{{}};window.jvc.forumsAppPayload="{b64}";</script>\n'


def page(tid, slug, title_html, title_plain, page_no, last, messages_html, *, payload=None, locked=False,
         legacy_free=True, created="25-11-2026 20:58:10"):
    lock = ''
    if locked:
        lock = ('<div class="lockInfo"><div class="lockInfo__reason">Sujet fermé pour la raison suivante : '
                '<strong>Hors-sujet / Flood</strong></div></div>\n')
    return (f'<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n'
            f'<title>{title_html} sur le forum Blabla 18-25 ans - {created} - jeuxvideo.com</title>\n'
            f'<link rel="canonical" href="{topic_url(tid, page_no, slug, True)}">\n'
            f'<script>window.jvc=window.jvc||{{}};window.jvc.page="forum";</script>\n</head>\n'
            f'<body class="forums">\n<div class="layout">\n'
            f'<nav class="breadcrumb"><a class="breadcrumb__item" href="/forums/0-51-0-1-0-1-0-blabla-18-25-ans.htm">Forum Blabla 18-25 ans</a>'
            f'<h1 class="breadcrumb__item">Topic {title_html}</h1></nav>\n'
            f'<div class="titleMessagesUsers"><h2 class="titleMessagesUsers__title">\n    {title_html}\n  </h2></div>\n'
            f'{lock}'
            f'<div class="container__pagination js-pagination-top"></div>\n'
            f'<div id="listMessages" class="container__messages">\n{messages_html}</div>\n'
            f'{pagination(tid, slug, page_no, last)}'
            f'{payload or ""}'
            f'</div>\n<footer class="footer"><div class="footer__links"><a href="/cgu.htm">CGU</a></div></footer>\n'
            f'</body>\n</html>\n')


def payload_obj(tid, title_html, page_no, last, msgs, locked=False):
    """msgs: dicts id, author, deleted, date, rendered, state."""
    return {
        "topicId": tid, "forumId": 51, "topicTitleField": title_html,
        "listMessage": [{
            "id": m["id"], "topicId": tid, "forumId": 51, "text": m.get("text", "(source)"),
            "renderedText": m["rendered"], "stateMessage": m.get("state", "msg-visible"),
            "publishedDate": m["date"], "publishedAuthorName": m["author"],
            "publishedAuthorIsDeleted": m.get("deleted", False),
            "publishedAuthorAvatar": "https://image.jeuxvideo.com/avatar-sm/default.jpg",
            "updatedDate": m.get("updated", ""), "updatedText": m.get("updatedText", ""),
            "publishedAuthorSignatureRendered": m.get("signature", ""), "userLevelLabel": "Niveau 12",
        } for m in msgs],
        "listTopics": [],
        "pagerView": {"currentPage": page_no, "pageCount": last,
                      "pages": [{"pageNumber": p} for p in range(max(1, page_no - 1), min(last, page_no + 2) + 1)],
                      "first": {"pageNumber": 1, "url": topic_url(tid, 1, "x")},
                      "last": {"pageNumber": last, "url": topic_url(tid, last, "x")}},
        "forum": {"isForumReadOnly": locked, "lockReason": "Hors-sujet / Flood" if locked else "", "statusCode": 200},
    }


def write(name, text):
    with open(name, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


# ================================================================================== §9 worked example (exact)

EX_BODY = ('    <blockquote class="message__blockquote"><p class="message__noBlankline">Le 25 novembre 2026 &agrave; 20:58:10 Grenouille a &eacute;crit :<br />Qui vient ce soir ?</p></blockquote>\n'
           '    <p class="message__p">Moi&nbsp;! &Ccedil;a me va tr&egrave;s bien <img src="https://image.jeuxvideo.com/smileys_img/18.gif" alt=":hap:" data-code=":hap:" title=":hap:" width="16" height="16" class="message__smiley" /></p>\n'
           f'    <p class="message__noBlankline"><span class="JvCare {jv("https://www.noelshack.com/2026-48-3-1764100000-chat-content.jpg")} message__urlImgWrapper" target="_blank""><img class="message__urlImg message__urlImg" width="68" height="51" src="https://image.noelshack.com/minis/2026/48/3/1764100000-chat-content.png" alt="https://image.noelshack.com/fichiers/2026/48/3/1764100000-chat-content.jpg" /></span></p>')
EX_MSG = (
    '<span id="post_1320000042" class="messageUser__anchor"></span>\n'
    '<div class="messageUser js-hybrid-component" id="message-1320000042">\n'
    ' <div class="messageUser__card js-message-user-card">\n'
    f'  <div class="messageUser__header"><span class="JvCare {jv("/profil/petitnuage_42?mode=infos")} avatar"><img src="https://image.jeuxvideo.com/avatar-sm/default.jpg" class="avatar__image" alt="PetitNuage_42"></span>\n'
    f'   <div class="messageUser__profil"><span class="JvCare {jv("/profil/petitnuage_42?mode=infos")} messageUser__label " target="__blank">PetitNuage_42</span>\n'
    f'    <div class="messageUser__level">Niveau 12</div><span class="JvCare {jv("/forums/message/1320000042")} messageUser__date">25 novembre 2026 à 21:04:33</span></div></div>\n'
    '  <div class="messageUser__main"><div class="messageUser__msg js-message-user-msg">\n'
    f'{EX_BODY}\n'
    f'  </div><div class="messageUser__dateEdit">Message édité le 25 novembre 2026 à 21:05:10 par <span class="JvCare {jv("/profil/petitnuage_42?mode=infos")} messageUser__dateEditLink">PetitNuage_42</span></div></div>\n'
    ' </div></div>\n')
EX_TITLE = "Le caf&eacute; du matin"
write("topic-2026-example.html", page(
    77300123, "le-cafe-du-matin", EX_TITLE, "Le café du matin", 1, 1, EX_MSG,
    payload=payload_script(payload_obj(77300123, "Le café du matin", 1, 1, [
        {"id": 1320000042, "author": "PetitNuage_42", "date": "25 novembre 2026 à 21:04:33", "rendered": EX_BODY,
         "updated": "25 novembre 2026 à 21:05:10", "updatedText": "Moi ! Ça me va très bien :hap:"}]), gz=False)))

# ================================================================================== page 1 of 37: message bodies

T1, S1 = 77300456, "vos-stickers-preferes-postez-les-ici"
T1_TITLE = "Vos stickers pr&eacute;f&eacute;r&eacute;s ? Postez-les ici &amp; discutez &quot;librement&quot;"
NS = "https://image.noelshack.com"
bodies = {}
bodies[1] = ('<p class="message__p">Salut &agrave; tous, c&#039;est l&#039;&eacute;t&eacute; &amp; il fait &lt;3 degr&eacute;s&nbsp;?? \U0001F602\U0001F525<br />\n'
             'Deuxi&egrave;me&nbsp;&nbsp;ligne   avec    espaces</p>\n<p class="message__p">Nouveau paragraphe \u00e9t\u00e9 \U0001F9D1\u200d\U0001F4BB</p>')
bodies[2] = ('<blockquote class="message__blockquote"><p class="message__noBlankline">Le 24 novembre 2026 &agrave; 10:00:00 Alpha a &eacute;crit :</p>'
             '<blockquote class="message__blockquote"><p class="message__noBlankline">Le 24 novembre 2026 &agrave; 09:00:00 Beta a &eacute;crit :<br />citation imbriqu&eacute;e '
             f'<img class="message__urlImg message__urlImgSticker" src="{NS}/fichiers-md/2026/48/1/1763900000-cite.png" alt="{NS}/fichiers/2026/48/1/1763900000-cite.png" /></p></blockquote>'
             '<p class="message__p">r&eacute;ponse d&#039;Alpha</p></blockquote>\n<p class="message__p">Et moi je dis non.</p>')
bodies[3] = ('<blockquote class="message__blockquote"><p class="message__noBlankline">Le 22 juillet 2026 &agrave; 11:38:12 :<br />sans pseudo</p></blockquote>\n'
             '<p class="message__p">Citation sans pseudo</p>')
bodies[4] = ('<p class="message__p">Avant <span class="message__spoil message__spoil--inline"><input type="checkbox" id="spoil-1" class="message__openSpoil" />'
             '<label for="spoil-1" class="message__spoilHead"><span class="message__spoilText">Spoil</span><span class="message__spoilShow">Afficher</span><span class="message__spoilHide">Masquer</span></label>'
             '<span class="message__spoilContent">le chat meurt</span></span> apr&egrave;s</p>\n'
             '<div class="message__spoil"><input type="checkbox" id="spoil-2" class="message__openSpoil" />'
             '<label for="spoil-2" class="message__spoilHead"><span class="message__spoilText">Spoil</span><span class="message__spoilShow">Afficher</span><span class="message__spoilHide">Masquer</span></label>'
             '<div class="message__spoilContent"><p class="message__p">Bloc cach&eacute;</p>'
             f'<p class="message__noBlankline"><img class="message__urlImg message__urlImgSticker" src="{NS}/fichiers-md/2026/48/2/1764000000-spoil.gif" srcset="{NS}/fichiers-md/2026/48/2/1764000000-spoil.gif 1x" alt="{NS}/fichiers/2026/48/2/1764000000-spoil.gif" /></p></div></div>')
bodies[5] = ('<p class="message__p">Mon code :</p>\n<pre class="message__pre"><code class="message__code">int x = 1;\n'
             'if (x &lt; 2) {\n    return;\n}</code></pre>\n<p class="message__p">et <code class="message__code">inline()</code> fin</p>')
bodies[6] = (f'<p class="message__noBlankline"><span class="JvCare {jv("https://www.noelshack.com/2026-48-3-1764100001-un.jpg")} message__urlImgWrapper" target="_blank""><img class="message__urlImg message__urlImg" width="68" height="51" src="{NS}/minis/2026/48/3/1764100001-un.png" alt="{NS}/fichiers/2026/48/3/1764100001-un.jpg" /></span> '
             f'<img class="message__urlImg message__urlImgSticker" src="{NS}/fichiers-md/2026/48/3/1764100002-deux.png" srcset="{NS}/fichiers-md/2026/48/3/1764100002-deux.png 1x, {NS}/fichiers-lg/2026/48/3/1764100002-deux.png 2x" alt="{NS}/fichiers/2026/48/3/1764100002-deux.png" /></p>\n'
             f'<p class="message__noBlankline"><span class="JvCare {jv("https://www.noelshack.com/2026-48-3-1764100003-trois.gif")} message__urlImgWrapper" target="_blank""><span class="message__urlImg message__urlImgLarge" data-src-background="{NS}/fichiers-lg/2026/48/3/1764100003-trois.gif" }}"></span></span></p>\n'
             '<p class="message__p">trois images</p>')
bodies[7] = ('<p class="message__p">Stickers <img src="https://image.jeuxvideo.com/stickers/p/st/1kki" class="message__sticker" alt="1kki" width="100" height="100" /> '
             '<img src="https://image.jeuxvideo.com/stickers/p/st/1jnh" class="img-stickers" alt="[[sticker:p/1jnh]]" /> '
             '<img src="https://image.jeuxvideo.com/smileys_img/18.gif" alt=":hap:" data-code=":hap:" title=":hap:" width="16" height="16" class="message__smiley" />'
             '<img src="https://image.jeuxvideo.com/smileys_img/11.gif" alt=":noel:" data-code=":noel:" title=":noel:" width="16" height="16" class="message__smiley" /> ok</p>')
LONG = "https://www.example.org/un/chemin/tres/long/vers/une/page?avec=des&parametres=nombreux"
bodies[8] = (f'<p class="message__p">Lien : <span class="JvCare {jv(LONG)}" rel="nofollow" target="_blank" title="{LONG.replace("&", "&amp;")}">https://www.example.org/un/che<i class="message__cesure"></i><span class="message__middleCesure">min/tres/long/vers/une/page?avec=des&amp;par</span>ametres=nombreux</span> '
             '<a href="https://www.jeuxvideo.com/forums/42-51-77300001-1-0-1-0-topic.htm" title="https://www.jeuxvideo.com/forums/42-51-77300001-1-0-1-0-topic.htm">https://www.jeuxvideo.com/forums/42-51-77300001-1-0-1-0-topic.htm</a></p>')
bodies[9] = '<p class="message__p">Message corrig\u00e9 apr\u00e8s coup</p>'
bodies[10] = '<p class="message__p">Avec signature</p>'
bodies[11] = '<p class="message__p">Mon compte a disparu</p>'
bodies[12] = '<p class="message__p">Je suis en double dans le DOM hydrat\u00e9</p>'
bodies[13] = '<p class="message__p">Pas d&#039;id</p>'
bodies[14] = '<p class="message__p">Pas d&#039;auteur</p>'
bodies[15] = '<p class="message__p">Connect\u00e9 : liens r\u00e9els</p>'
for i in range(16, 21):
    bodies[i] = f'<p class="message__p">Message num\u00e9ro {i} <img src="https://image.jeuxvideo.com/smileys_img/1.gif" alt=":)" data-code=":)" title=":)" width="16" height="16" class="message__smiley" /></p>'
authors = {1: "Grenouille", 2: "Alpha", 3: "Beta", 4: "Spoileur", 5: "Codeur", 6: "Noelshackeur", 7: "Stickeur",
           8: "Lieur", 9: "Editeur", 10: "Signeur", 11: "Pseudo supprimé", 12: "Hydrate", 13: "SansId", 14: "",
           15: "Connecte"}
msgs_html = []
payload_msgs = []
for i in range(1, 21):
    mid = 1320000100 + i
    author = authors.get(i, f"Posteur{i}")
    date = f"25 novembre 2026 à {21 + (i // 60):02d}:{10 + i:02d}:0{i % 10}"
    kwargs = {}
    if i == 9:
        kwargs["edit"] = "25 novembre 2026 à 22:00:00"
    if i == 10:
        kwargs["signature"] = (f'<p class="message__p">Ma signature <img class="message__urlImg message__urlImgSticker" src="{NS}/fichiers-md/2026/01/1/1767000000-sig.png" alt="{NS}/fichiers/2026/01/1/1767000000-sig.png" /></p>')
    if i == 11:
        kwargs["deleted"] = True
    if i == 12:
        kwargs["hydrated_copy"] = True
    if i == 13:
        kwargs["with_id"] = False
    if i == 14:
        kwargs["with_label"] = False
    if i == 15:
        kwargs["logged_in"] = True
    msgs_html.append(message(mid, author, date, bodies[i], **kwargs))
    if i == 10:
        msgs_html.append('<ins data-ad-position="forum_messages_10" class="dfp__atf"></ins>\n')
    payload_msgs.append({"id": 0 if i == 13 else mid, "author": "" if i == 14 else (None if i == 11 else author),
                         "deleted": i == 11, "date": date, "rendered": bodies[i]})
write("topic-2026-p1.html", page(T1, S1, T1_TITLE, None, 1, 37, "".join(msgs_html),
                                 payload=payload_script(payload_obj(T1, T1_TITLE, 1, 37, payload_msgs), gz=True)))

# ================================================================================== middle page 3 of 12 (no payload)
T2, S2 = 77300789, "la-page-du-milieu"
mid_msgs = "".join(message(1320000200 + i, f"Milieu{i}", f"0{i} juin 2026 à 0{i}:0{i}:0{i}",
                           f'<p class="message__p">Page trois, message {i}</p>') for i in range(1, 4))
write("topic-2026-middle.html", page(T2, S2, "La page du milieu", None, 3, 12, mid_msgs, created="01-06-2026 00:00:00"))

# ================================================================================== last page 12 of 12, locked, plain payload
T3, S3 = 77300999, "sujet-verrouille"
last_bodies = {1: '<p class="message__p">Dernier message avant fermeture</p>', 2: '<p class="message__p">Le mod&eacute;rateur arrive</p>'}
last_msgs = (message(1320000301, "Avantdernier", "31 décembre 2026 à 23:59:59", last_bodies[1])
             + message(1320000302, "Pseudo supprimé", "01 janvier 2027 à 00:00:01", last_bodies[2], deleted=True))
write("topic-2026-last-locked.html", page(
    T3, S3, "Sujet verrouill&eacute;", None, 12, 12, last_msgs, locked=True, created="01-12-2026 10:00:00",
    payload=payload_script(payload_obj(T3, "Sujet verrouill&eacute;", 12, 12, [
        {"id": 1320000301, "author": "Avantdernier", "date": "31 décembre 2026 à 23:59:59", "rendered": last_bodies[1]},
        {"id": 1320000302, "author": None, "deleted": True, "date": "01 janvier 2027 à 00:00:01", "rendered": last_bodies[2]},
    ], locked=True), gz=False)))

# ================================================================================== payload-only page (HTML without messages)
T4, S4 = 77301111, "payload-seulement"
po_msgs = [
    {"id": 1320000401, "author": "Hydrateur", "date": "15 juillet 2026 à 14:00:00",
     "rendered": f'<p class="message__p">Seulement dans le payload <img class="message__urlImg message__urlImgSticker" src="{NS}/fichiers-md/2026/29/3/1752580000-payload.png" alt="{NS}/fichiers/2026/29/3/1752580000-payload.png" /></p>'},
    {"id": 1320000402, "author": "Supprimeur", "date": "15 juillet 2026 à 14:01:00", "state": "msg-deleted",
     "rendered": '<p class="message__p">supprimé par la modération</p>'},
    {"id": 1320000403, "author": None, "deleted": True, "date": "15 juillet 2026 à 14:02:00",
     "rendered": '<blockquote class="message__blockquote"><p class="message__noBlankline">Le 15 juillet 2026 &agrave; 14:00:00 Hydrateur a &eacute;crit :</p></blockquote><p class="message__p">Compte supprim&eacute; &amp; cit&eacute;</p>'},
]
write("topic-2026-payload-only.html", page(T4, S4, "Payload seulement", None, 2, 2, "",
                                            payload=payload_script(payload_obj(T4, "Payload seulement", 2, 2, po_msgs), gz=True),
                                            created="15-07-2026 13:00:00"))

# ================================================================================== truncated page (cut inside message 5)
p1 = open("topic-2026-p1.html", encoding="utf-8").read()
cut = p1.index("Mon code :")
write("topic-2026-truncated.html", p1[:cut])

# ================================================================================== 2026 topic list page

def row(tid, title_attr, title_text, icon, replies, last_title, last_page=None, slug="sujet", author="Auteur",
        avatar="jvcare", id_attr=None, rel="12 min"):
    icon_cls = {"pin-on": "icon-topic-pin topic-pin-on", "pin-off": "icon-topic-pin topic-pin-off",
                "hot": "tablesForum__iconTopicRed icon-topic-folder",
                "normal": "tablesForum__iconTopicYellow icon-topic-folder"}[icon]
    id_html = f' id="{id_attr if id_attr is not None else "topic-" + str(tid)}"' if id_attr != "" else ''
    if avatar == "jvcare":
        av = (f'<span class="JvCare {jv("/profil/" + author.lower() + "?mode=infos")} avatar tablesForum__firstAvatar" title="{author}" target="__blank">'
              f'<img src="https://image.jeuxvideo.com/avatar-sm/default.jpg" class="avatar__image" alt="{author}"></span>')
    elif avatar == "link":
        av = (f'<a href="/profil/{author.lower()}?mode=infos" class="avatar tablesForum__firstAvatar" title="{author}">'
              f'<img src="https://image.jeuxvideo.com/avatar-sm/default.jpg" class="avatar__image" alt="{author}"></a>')
    elif avatar == "deleted":
        av = ('<span class="avatar tablesForum__firstAvatar" title="Pseudo supprimé">'
              '<img src="https://image.jeuxvideo.com/avatar-sm/default.jpg" class="avatar__image" alt="Pseudo supprimé"></span>')
    else:
        av = ''
    pages = last_page if last_page is not None else replies // 20 + 1
    return (f'<li{id_html} class="tablesForum__bodyRow  js-hybrid-component">\n'
            f'  <a class="tablesForum__cellSubject" href="/forums/42-51-{tid}-1-0-1-0-{slug}.htm"\n'
            f'     title="{title_attr}"><i class="tablesForum__subjectMarkerIcon  {icon_cls}"></i>\n'
            f'    <span class="tablesForum__subjectText"> {title_text} </span></a>\n'
            f'  <div class="tablesForum__cellParticipants js-topic-participants-action">\n    {av}\n'
            f'    <button class="tablesForum__avatarItem" title="Autre1"><img src="https://image.jeuxvideo.com/avatar-sm/default.jpg" class="avatar__image" alt="Autre1"></button>'
            f'<button class="tablesForum__remainingAvatars">+3</button></div>\n'
            f'  <span class="tablesForum__cellText tablesForum__cellText--msg" data-val="Réponses :">{replies}</span>\n'
            f'  <span class="JvCare {jv(f"/forums/42-51-{tid}-{pages}-0-1-0-{slug}.htm")} tablesForum__cellLink" title="{last_title}">{rel}</span>\n'
            f'</li>\n')


rows = [
    row(77200001, "R&egrave;gles du forum", "R&egrave;gles du forum", "pin-on", 0, "01 janvier 2026 &agrave; 00:00:01", slug="regles", author="ModoBlabla", rel="1 janv."),
    row(77200002, "[ARCHIVE] Ancien sujet &eacute;pingl&eacute;", "[ARCHIVE] Ancien sujet &eacute;pingl&eacute;", "pin-off", 1999, "15 mars 2026 &agrave; 12:00:00", slug="archive", author="ModoBlabla", rel="15 mars"),
    row(77300123, "Le café du matin", "Le caf&eacute; du matin", "normal", 3, "25 novembre 2026 &agrave; 21:04:33", slug="le-cafe-du-matin", author="PetitNuage_42", rel="5 min"),
    row(77300456, "Vos stickers préférés ? Postez-les ici &amp; discutez &quot;librement&quot;", "Vos stickers préférés ? Postez-les ici &amp; discutez &quot;librement&quot;", "hot", 734, "25 novembre 2026 &agrave; 21:30:00", slug="vos-stickers-preferes-postez-les-ici", author="Stickeur", avatar="link"),
    row(77300500, "Topic sans auteur", "Topic sans auteur", "normal", 19, "25 novembre 2026 &agrave; 20:00:00", slug="sans-auteur", avatar="deleted"),
    row(77300501, "Topic sans avatar", "Topic sans avatar", "normal", 20, "25 novembre 2026 &agrave; 19:00:00", slug="sans-avatar", avatar="none"),
    '<li class="dfp__atf"><ins data-ad-position="forum_list_atf" class="adsbygoogle"></ins></li>\n',
    row(77300502, "Pages mod&eacute;r&eacute;es", "Pages mod&eacute;r&eacute;es", "hot", 45, "24 novembre 2026 &agrave; 08:00:00", last_page=2, slug="pages-moderees", author="Moderee"),
    row(0, "Ligne sans id", "Ligne sans id", "normal", 5, "24 novembre 2026 &agrave; 07:00:00", slug="sans-id", id_attr=""),
    row(0, "Ligne id illisible", "Ligne id illisible", "normal", 5, "24 novembre 2026 &agrave; 06:00:00", slug="id-illisible", id_attr="topic-abc"),
    row(77300123, "Le café du matin (doublon)", "Le caf&eacute; du matin", "normal", 3, "25 novembre 2026 &agrave; 21:04:33", slug="le-cafe-du-matin", author="PetitNuage_42"),
    row(77300503, "Date relative seulement", "Date relative seulement", "normal", 2, "", slug="date-relative", author="Relatif", rel="25 juil."),
]
list_html = (
    '<!DOCTYPE html>\n<html lang="fr">\n<head>\n<meta charset="utf-8">\n<title>Forum Blabla 18-25 ans - jeuxvideo.com</title>\n</head>\n'
    '<body class="forums">\n<div class="layout">\n<div class="container__main">\n'
    '<ul class="tablesForum tablesForum--listTopics">\n'
    '<li class="tablesForum__headRow"><span class="tablesForum__cellSubject">Sujet</span><span class="tablesForum__cellParticipants">Participants</span>'
    '<span class="tablesForum__cellText">Nb</span><span class="tablesForum__cellLink">Dernier msg</span></li>\n'
    + "".join(rows) +
    '</ul>\n</div>\n'
    '<div class="container__pagination"><div class="pagination"><span class="pagination__item pagination__item--current">1</span>'
    '<a class="pagination__button" href="/forums/0-51-0-1-0-26-0-blabla-18-25-ans.htm">2</a></div></div>\n'
    '</div>\n<footer class="footer"></footer>\n</body>\n</html>\n')
write("list-2026.html", list_html)

# ================================================================================== legacy list page
write("list-legacy.html", '''<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Forum Blabla 18-25 ans - jeuxvideo.com</title></head>
<body>
<div id="forum-main-col">
<ul class="topic-list topic-list-admin">
  <li class="topic-head"><span class="topic-subject">Sujet</span><span class="topic-author">Auteur</span><span class="topic-count">Nb</span><span class="topic-date">Dernier msg</span></li>
  <li class="" data-id="68000001">
    <span class="topic-subject"><img src="/img/forums/topic-marque-on.png" alt="Topic épinglé" class="topic-img">
      <a class="lien-jv topic-title" href="/forums/42-51-68000001-1-0-1-0-regles.htm" title="R&egrave;gles &amp; charte">R&egrave;gles &amp; charte</a></span>
    <span class="JvCare 1FB3 topic-author">  ModoLegacy  </span>
    <span class="topic-count">0</span>
    <span class="topic-date"><span class="JvCare 1FB3 lien-jv" title="2 juin 2021 à 22:25:06">02/06/2021</span></span>
  </li>
  <li class="" data-id="68000002">
    <span class="topic-subject"><img src="/img/forums/topic-dossier2.png" alt="Topic hot" class="topic-img">
      <a class="lien-jv topic-title" href="/forums/42-51-68000002-1-0-1-0-un-sujet.htm" title="Un sujet &quot;chaud&quot;">Un sujet &quot;chaud&quot;</a></span>
    <span class="topic-author">Bavard</span>
    <span class="topic-count">40</span>
    <span class="topic-date">21:04:33</span>
  </li>
  <li class="">
    <span class="topic-subject"><a class="lien-jv topic-title" href="/forums/42-51-68000003-1-0-1-0-sans-id.htm" title="Sans id">Sans id</a></span>
    <span class="topic-author">X</span><span class="topic-count">1</span><span class="topic-date">01/01/2021</span>
  </li>
</ul>
</div>
</body>
</html>
''')

# ================================================================================== legacy topic page
leg_sticker = f'{NS}/fichiers/2021/22/3/1622662000-legacy.png'
write("topic-legacy.html", f'''<!DOCTYPE html>
<html lang="fr">
<head><meta charset="utf-8"><title>Sujet legacy sur le forum Blabla 18-25 ans - 02-06-2021 22:25:06 - jeuxvideo.com</title></head>
<body>
<div id="forum-main-col">
<div class="titre-head-bloc"><span id="bloc-title-forum">Sujet l&eacute;gacy &amp; co</span></div>
<div class="message-lock-topic">Sujet fermé pour la raison suivante : <span>Flood</span></div>
<div class="conteneur-messages-pagi">
<div class="bloc-pagi-default"><div class="bloc-liste-num-page"><span class="page-active">2</span><span><a href="/forums/42-51-68000002-3-0-1-0-un-sujet.htm" class="lien-jv">3</a></span>
<span><span class="JvCare {jv("/forums/42-51-68000002-4-0-1-0-un-sujet.htm")} lien-jv">4</span></span></div></div>
<div class="bloc-message-forum " data-id="1100000001">
  <div class="conteneur-message"><div class="bloc-header">
    <span class="JvCare 1FB3 bloc-pseudo-msg text-user" target="_blank">  Ancien  </span>
    <div class="bloc-date-msg"><span class="JvCare 1FB3 lien-jv" target="_blank">2 juin 2021 à 22:25:06</span></div></div>
  <div class="bloc-contenu"><div class="txt-msg  text-enrichi-forum ">
    <blockquote class="blockquote-jv"><p>Le 2 juin 2021 &agrave; 22:00:00 Autre a &eacute;crit :</p><p>cit&eacute; <img src="https://image.noelshack.com/minis/2021/22/3/1622660000-cite.png" class="img-shack" alt="https://image.noelshack.com/fichiers/2021/22/3/1622660000-cite.png"></p></blockquote>
    <p>Bonjour <img src="https://image.jeuxvideo.com/smileys_img/18.gif" alt=":hap:" data-code=":hap:" title=":hap:" width="16" height="16" class="smilies" /> le <span class="bloc-spoil-jv en-ligne"><input type="checkbox" id="s1" class="open-spoil"><label for="s1" class="barre-head"><span class="txt-spoil">Spoil</span><span class="aff-spoil">Afficher</span><span class="masq-spoil">Masquer</span></label><span class="contenu-spoil">secret</span></span> forum</p>
    <p><a href="https://www.noelshack.com/2021-22-3-1622662000-legacy.png" target="_blank" class="xXx"><img class="img-shack" width="68" height="51" src="https://image.noelshack.com/minis/2021/22/3/1622662000-legacy.png" alt="{leg_sticker}" /></a> <img src="https://image.jeuxvideo.com/stickers/p/st/1kki" class="img-stickers" alt="[[sticker:p/1kki]]" /></p>
  </div><div class="info-edition-msg">Message édité le 2 juin 2021 à 22:30:00 par Ancien</div>
  <div class="signature-msg  text-enrichi-forum "><p>signature legacy</p></div></div></div>
</div>
<div class="bloc-message-forum " data-id="1100000002">
  <div class="conteneur-message"><div class="bloc-header">
    <div class="bloc-pseudo-msg">Pseudo supprimé</div>
    <div class="bloc-date-msg">12 octobre 2021 à 09:05:00</div></div>
  <div class="bloc-contenu"><div class="txt-msg  text-enrichi-forum "><p>Compte supprim&eacute;</p></div></div></div>
</div>
<div class="bloc-pagi-default"><div class="bloc-liste-num-page"><span class="page-active">2</span><span class="pagi-fin-actif"><span class="JvCare {jv("/forums/42-51-68000002-5-0-1-0-un-sujet.htm")} lien-jv">»</span></span></div></div>
</div>
</div>
</body>
</html>
''')

# ================================================================================== challenge and unrelated pages
write("challenge.html", '''<!DOCTYPE html><html lang="en-US"><head><title>Just a moment...</title><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"><meta name="robots" content="noindex,nofollow"></head>
<body><div class="main-wrapper" role="main"><div class="main-content"><noscript><div class="h2"><span id="challenge-error-text">Enable JavaScript and cookies to continue</span></div></noscript></div></div>
<script>(function(){window._cf_chl_opt={cvId: '3',cZone: 'www.jeuxvideo.com',cType: 'managed'};var a = document.createElement('script');a.src = '/cdn-cgi/challenge-platform/h/g/orchestrate/chl_page/v1?ray=8f00';document.getElementsByTagName('head')[0].appendChild(a);}());</script></body></html>
''')
write("unrelated.html", '''<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Test du jeu de l'année - jeuxvideo.com</title></head>
<body><div class="layout"><article class="article"><h1 class="gameTitle">Test : un jeu</h1><p>Un texte d'article, pas un forum.</p>
<div class="pagination"><span class="pagination__item pagination__item--current">1</span></div></article></div>
<footer class="footer"></footer></body></html>
''')
