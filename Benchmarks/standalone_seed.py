#!/usr/bin/env python3
"""Writes the seed essay and a self-contained copy of its model into a folder, for tools
that read one model file on its own (the same-job Hugo runner in
../shared/bench/hugo_same_job). The repository's model names most entities by id and
leaves their definitions to the register, seeds/entities.yml; this copy puts each
definition back where the model names it, so the model alone says everything.

    Benchmarks/standalone_seed.py OUT_DIR     prints OUT_DIR/NAME.txt, the path to pass as SEED
"""
import os
import shutil
import sys

try:
    import yaml
except ImportError:
    sys.exit("standalone_seed.py needs PyYAML (Debian: python3-yaml)")

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEED = "000_5c98944540f2f0af"


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: standalone_seed.py OUT_DIR")
    out = sys.argv[1]
    seeds = os.path.join(ROOT, "seeds")
    with open(os.path.join(seeds, SEED + ".yml"), encoding="utf-8") as f:
        model = yaml.safe_load(f)
    register_path = os.path.join(seeds, "entities.yml")
    register = {}
    if os.path.exists(register_path):
        with open(register_path, encoding="utf-8") as f:
            register = {e["id"]: e for e in (yaml.safe_load(f) or {}).get("entities", [])}
    entities = []
    for entry in model.get("entities", []):
        if isinstance(entry, str):
            if entry not in register:
                sys.exit(f"standalone_seed.py: the model names '{entry}', which the register does not define")
            entry = register[entry]
        entities.append(entry)
    model["entities"] = entities
    os.makedirs(out, exist_ok=True)
    shutil.copyfile(os.path.join(seeds, SEED + ".txt"), os.path.join(out, SEED + ".txt"))
    with open(os.path.join(out, SEED + ".yml"), "w", encoding="utf-8") as f:
        yaml.safe_dump(model, f, allow_unicode=True, sort_keys=False, width=100000)
    print(os.path.join(out, SEED + ".txt"))


if __name__ == "__main__":
    main()
