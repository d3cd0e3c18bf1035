#!/usr/bin/env python3
"""Generates the benchmark inputs for one N (see run.sh).

    gen.py N OUT --txt SEED.txt --yml SEED.yml --md SEED.md --templates DIR --hugo-site DIR

writes, replacing OUT:
  OUT/briefing/seeds/bKKKKK.txt + .yml   N scraped seeds, each with the seed's model (its date set)
  OUT/briefing/seeds/entities.yml         the register beside the seed's model, whose entities
                                          every copy names by id
  OUT/briefing/Templates/                 a copy of the project's templates
  OUT/hugo/                               a copy of the Hugo site + content/b/bKKKKK.md (front matter + body)
  OUT/cmark/bKKKKK.md                     the same Markdown bodies without front matter, for cmark-gfm
  OUT/manifest.tsv                        k, name, title, token (the varied word)

Copy k differs from the seed in its title (" (No. k)" appended, so every briefing has its
own slug), in its date (k days before 2026-01-01, set in the model's `briefing:` section
and in Hugo's front matter, so the home pages list copy 1 first) and in one word of a
paragraph that no quote of the model depends on
("wildly" in "receive wildly different answers" becomes a token made of letters from k,
so that no new figure appears in the text).
"""
import argparse, datetime, json, os, shutil, sys

PHRASE = "receive wildly different answers"


def letters(k: int) -> str:
    s = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        s = chr(97 + r) + s
    return s


def token(k: int) -> str:
    return "variant" + letters(k)


def date(k: int) -> str:
    return (datetime.date(2026, 1, 1) - datetime.timedelta(days=k)).isoformat()


def vary_model(yml: bytes, k: int) -> bytes:
    head = b"briefing:\n"
    if not yml.startswith(head):
        sys.exit("gen.py: the seed's model does not start with 'briefing:'")
    return head + f'  date: "{date(k)}"\n'.encode() + yml[len(head):]


def vary_body(text: str, k: int) -> str:
    if text.count(PHRASE) != 1:
        sys.exit(f"gen.py: expected the phrase {PHRASE!r} once in the seed")
    return text.replace(PHRASE, f"receive {token(k)} different answers")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", type=int)
    ap.add_argument("out")
    ap.add_argument("--txt", required=True)
    ap.add_argument("--yml", required=True)
    ap.add_argument("--md", required=True)
    ap.add_argument("--templates", required=True)
    ap.add_argument("--hugo-site", required=True)
    a = ap.parse_args()

    txt = open(a.txt, encoding="utf-8").read()
    yml = open(a.yml, "rb").read()
    md = open(a.md, encoding="utf-8").read()

    # The scraped seed: the third line is "- Title - Subtitle".
    lines = txt.split("\n")
    crumb = lines[2]
    if not crumb.startswith("- ") or " - " not in crumb[2:]:
        sys.exit("gen.py: line 3 of the seed is not '- Title - Subtitle'")
    title, subtitle = crumb[2:].split(" - ", 1)

    # The Markdown seed: front matter with a 'title:' line, then the body.
    if not md.startswith("---\n"):
        sys.exit("gen.py: the converted seed has no front matter")
    end = md.index("\n---\n", 4)
    front, body = md[4:end], md[end + 5:]
    flines = front.split("\n")
    ti = [i for i, l in enumerate(flines) if l.startswith("title: ")]
    if len(ti) != 1:
        sys.exit("gen.py: no single 'title:' line in the converted seed's front matter")

    if os.path.exists(a.out):
        shutil.rmtree(a.out)
    seeds = os.path.join(a.out, "briefing", "seeds")
    content = os.path.join(a.out, "hugo", "content", "b")
    cmark = os.path.join(a.out, "cmark")
    shutil.copytree(a.templates, os.path.join(a.out, "briefing", "Templates"))
    shutil.copytree(a.hugo_site, os.path.join(a.out, "hugo"))
    for d in (seeds, content, cmark):
        os.makedirs(d, exist_ok=True)

    register = os.path.join(os.path.dirname(a.yml), "entities.yml")
    if os.path.exists(register):
        shutil.copyfile(register, os.path.join(seeds, "entities.yml"))

    rest_txt = lines[3:]
    with open(os.path.join(a.out, "manifest.tsv"), "w", encoding="utf-8") as manifest:
        for k in range(1, a.n + 1):
            name = f"b{k:05d}"
            t = f"{title} (No. {k})"
            new_txt = "\n".join(lines[:2] + [f"- {t} - {subtitle}"] + rest_txt)
            with open(os.path.join(seeds, name + ".txt"), "w", encoding="utf-8") as f:
                f.write(vary_body(new_txt, k))
            with open(os.path.join(seeds, name + ".yml"), "wb") as f:
                f.write(vary_model(yml, k))
            fl = list(flines)
            fl[ti[0]] = "title: " + json.dumps(t, ensure_ascii=False)
            fl = [l for l in fl if not l.startswith("date: ")] + [f"date: {date(k)}"]
            b = vary_body(body, k)
            with open(os.path.join(content, name + ".md"), "w", encoding="utf-8") as f:
                f.write("---\n" + "\n".join(fl) + "\n---\n" + b)
            with open(os.path.join(cmark, name + ".md"), "w", encoding="utf-8") as f:
                f.write(b)
            manifest.write(f"{k}\t{name}\t{t}\t{token(k)}\n")


if __name__ == "__main__":
    main()
