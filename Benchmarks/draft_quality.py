"""Compares a drafted model with the hand-written model of the same essay.

Usage: draft_quality.py ESSAY HAND.yml DRAFTED.yml

A model's entities are its own definitions and, for the ids it names, the definitions in
the register beside it (entities.yml).

Quotes are placed in the essay as the validator places them (white space, curly and
straight quotes folded), and each share is measured by place in the text, not by
wording, so that a drafted figure "100 percent" states the hand-written "nearly 100
percent" it sits inside.
"""
import os
import re
import sys
import unicodedata

import yaml

TARGETS = {"facts": 0.95, "entities": 0.80, "events": 0.60, "drafted entities": 0.70}
QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})


def fold(text):
    text = unicodedata.normalize("NFC", text).translate(QUOTES)
    return re.sub(r"\s+", " ", text)


def span(essay, quote):
    """Where a quote sits in the folded essay, or None."""
    start = essay.find(fold(quote))
    return None if start < 0 else (start, start + len(fold(quote)))


def figure_span(essay, fact):
    """Where a fact's figure sits: inside its quote when found there, else its quote."""
    place = span(essay, fact["quote"])
    if place is None:
        return None
    inner = essay.find(fold(str(fact["figure"])), place[0], place[1])
    if inner < 0:
        return place
    return (inner, inner + len(fold(str(fact["figure"]))))


def overlaps(a, b):
    return a is not None and b is not None and a[0] < b[1] and b[0] < a[1]


def entities(model, model_path):
    """The model's entities, each id it names looked up in the register beside it."""
    register_path = os.path.join(os.path.dirname(model_path), "entities.yml")
    registered = {}
    if os.path.exists(register_path):
        with open(register_path, encoding="utf-8") as file:
            registered = {e["id"]: e for e in (yaml.safe_load(file) or {}).get("entities") or []}
    return [registered[item] if isinstance(item, str) else item for item in model.get("entities") or []
            if not isinstance(item, str) or item in registered]


def names(entity):
    return {entity["name"], *entity.get("aliases", [entity["name"]])}


def main():
    essay_path, hand_path, drafted_path = sys.argv[1:4]
    with open(essay_path, encoding="utf-8") as file:
        essay = fold(file.read())
    with open(hand_path, encoding="utf-8") as file:
        hand = yaml.safe_load(file)
    with open(drafted_path, encoding="utf-8") as file:
        drafted = yaml.safe_load(file)

    drafted_figures = [figure_span(essay, fact) for fact in drafted.get("facts") or []]
    hand_facts = hand.get("facts") or []
    stated = [fact for fact in hand_facts if any(overlaps(figure_span(essay, fact), d) for d in drafted_figures)]

    drafted_entities = entities(drafted, drafted_path)
    hand_entities = entities(hand, hand_path)
    drafted_names = set().union(*(names(e) for e in drafted_entities)) if drafted_entities else set()
    hand_names = set().union(*(names(e) for e in hand_entities)) if hand_entities else set()
    named = [e for e in hand_entities if names(e) & drafted_names]
    matching = [e for e in drafted_entities if names(e) & hand_names]

    drafted_events = [(str(e["when"])[:4], span(essay, e["quote"])) for e in drafted.get("events") or []]
    hand_events = hand.get("events") or []
    matched = [e for e in hand_events
               if any(year == str(e["when"])[:4] and overlaps(place, span(essay, e["quote"])) for year, place in drafted_events)]

    rows = [
        ("facts", "hand-written facts whose figure a drafted fact states", len(stated), len(hand_facts)),
        ("entities", "hand-written entities a drafted entity names (any alias)", len(named), len(hand_entities)),
        ("events", "hand-written events a drafted event matches (same year, overlapping quote)", len(matched), len(hand_events)),
        ("drafted entities", "drafted entities that match a hand-written one", len(matching), len(drafted_entities)),
    ]
    missed = False
    print(f"| Measure | Share | Target | Met? |")
    print(f"|---|---|---|---|")
    for key, what, hits, total in rows:
        share = hits / total if total else 1.0
        met = share >= TARGETS[key]
        missed |= not met
        print(f"| {what} | {hits} of {total}, {share:.0%} | ≥ {TARGETS[key]:.0%} | {'yes' if met else 'no'} |")
    if "-v" in sys.argv:
        print("\nfacts not stated:", *[f"  {f['id']}: {f['figure']}" for f in hand_facts if f not in stated], sep="\n")
        print("\nentities not named:", *[f"  {e['id']}: {e['name']}" for e in hand_entities if e not in named], sep="\n")
        print("\nevents not matched:", *[f"  {e['id']}: {e['when']} {e['quote']}" for e in hand_events if e not in matched], sep="\n")
        print("\ndrafted entities matching none:", *[f"  {e['name']}" for e in drafted_entities if e not in matching], sep="\n")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
