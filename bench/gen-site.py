#!/usr/bin/env python3
"""Generates a larger simulated TC260 site for the benchmarks, from the scraper's own portal fixtures.

The scraper's fixture states hold 3 drafts; a benchmark of polling needs a site of realistic size. This writes
<out>/tc260-bench/state-1 (ITEMS drafts, PER_PAGE per list page, each with its detail page) and state-2 (state 1
with the comment deadline of the newest draft moved: one list page and one detail page change). The root goes on
the simulator's classpath: Tc260Simulator("tc260-bench").

    gen-site.py <scraper/src/test/resources/tc260-sim> <out> [items] [per-page]
"""
import hashlib, os, re, sys

src, out = sys.argv[1], sys.argv[2]
items = int(sys.argv[3]) if len(sys.argv) > 3 else 60
per_page = int(sys.argv[4]) if len(sys.argv) > 4 else 10
pages = (items + per_page - 1) // per_page
list_tpl = open(os.path.join(src, "state-1/portal-suggestion-page-1.html"), encoding="utf-8").read()
detail_tpl = open(os.path.join(src, "common/suggestion-detail-3bb57023.html"), encoding="utf-8").read()
homepage = open(os.path.join(src, "common/homepage-shtml.html"), encoding="utf-8").read()
empty = open(os.path.join(src, "common/portal-suggestion-empty.html"), encoding="utf-8").read()
OLD_ID, OLD_TITLE = "3bb57023c00a464faf4c2f7b9a5524c7", "数据安全技术 个人信息保护合规审计专业机构能力要求"

# The list template: chrome before the first item, chrome after the pager.
head, rest = list_tpl.split('<div class="item"', 1)
tail = rest[rest.index('<div id="pageDemo"'):]
tail = tail[tail.index("</div>") + len("</div>"):]


def draft(i):
    ident = hashlib.md5(f"bench-{i}".encode()).hexdigest()
    day = 1 + i % 28
    return ident, f"数据安全技术 基准测试标准第{i + 1}部分", f"2026-{1 + i % 12:02d}-{day:02d}", f"2026-{1 + (i + 2) % 12:02d}-{day:02d}"


def detail(ident, title, published, deadline):
    y, m, d = deadline.split("-")
    page = detail_tpl.replace(OLD_TITLE, title).replace(OLD_ID, ident).replace("2026-02-11", published)
    return re.sub(r"意见反馈截止时间为 \d+ 年 \d+ 月 \d+ 日", f"意见反馈截止时间为 {y} 年 {int(m)} 月 {int(d)} 日", page)


def list_page(n, drafts):
    entries = "".join(
        f'<div class="item" style="display: flex;justify-content: space-between;">\n'
        f'                            <a target="_blank" onclick="jumpDetail(\'{i}\',\'{dl}\')">\n'
        f'                                关于国家标准《{t}》征求意见稿征求意见的通知\n'
        f'                            </a>\n                            <span>{p}</span>\n                        </div>\n                        '
        for i, t, p, dl in drafts)
    return head + entries + f'<div id="pageDemo" data-page="{n}" data-pages="{pages}"></div>' + tail


def write(state, all_drafts):
    d = os.path.join(out, "tc260-bench", f"state-{state}")
    os.makedirs(d, exist_ok=True)
    routes = ["@homepage homepage.html", "/ homepage.html"]
    files = {"homepage.html": homepage, "empty.html": empty}
    for n in range(1, pages + 1):
        files[f"list-{n}.html"] = list_page(n, all_drafts[(n - 1) * per_page:n * per_page])
        routes.append(f"/portal/suggestion?page={n} list-{n}.html")
        if n == 1:
            routes.append("/portal/suggestion list-1.html")
    routes.append(f"/portal/suggestion?page={pages + 1} empty.html")
    for dr in all_drafts:
        files[f"detail-{dr[0]}.html"] = detail(*dr)
        routes.append(f"/portal/suggestion-detail/{dr[0]} detail-{dr[0]}.html")
    for name, text in files.items():
        with open(os.path.join(d, name), "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(d, "routes.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(routes) + "\n")
    return routes


drafts = [draft(i) for i in range(items)]
routes = write(1, drafts)
moved = list(drafts)
i, t, p, dl = moved[0]
moved[0] = (i, t, p, "2026-12-31")  # one change: the newest draft's deadline moved
write(2, moved)
# The URLs urlwatch gets, one job each: every list page (as the scraper reads them) and every detail page.
with open(os.path.join(out, "urls.txt"), "w") as f:
    # ?page=1 is the same page as /portal/suggestion, which is the one the scraper reads.
    f.write("\n".join(r.split()[0] for r in routes if r.startswith("/portal/") and not r.startswith("/portal/suggestion?page=1 ")) + "\n")
