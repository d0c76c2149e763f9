#!/usr/bin/env python3
"""Adds or updates UI strings in a resx pair (English default + Korean).

Usage:
  tools/l10n.py BASE KEY "English text" "한국어 텍스트"
  tools/l10n.py BASE < strings.tsv          # lines: KEY<TAB>English<TAB>Korean
  tools/l10n.py --normalize FILE.resx...     # sort and drop duplicate keys (after a merge); differing duplicates: error
BASE is the resx path without extension, e.g. Library.Web/Localization/SharedResource.
Creates BASE.resx and BASE.ko.resx when missing; keeps entries sorted by key.
"""
import sys
import os
import xml.etree.ElementTree as ET

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""


def load(path):
    entries = {}
    if os.path.exists(path):
        for data in ET.parse(path).getroot().findall("data"):
            value = data.find("value")
            entries[data.get("name")] = value.text or "" if value is not None else ""
    return entries


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def save(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(entries, key=str.lower):
            f.write(f'  <data name="{esc(key)}" xml:space="preserve"><value>{esc(entries[key])}</value></data>\n')
        f.write("</root>\n")


def normalize(paths):
    for path in paths:
        entries = {}
        for data in ET.parse(path).getroot().findall("data"):
            key, value = data.get("name"), (data.find("value").text or "")
            if key in entries and entries[key] != value:
                sys.exit(f"{path}: {key} has two different values: {entries[key]!r} / {value!r}")
            entries[key] = value
        save(path, entries)


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--normalize":
        normalize(sys.argv[2:])
        return
    if len(sys.argv) not in (2, 5):
        print(__doc__)
        sys.exit(2)
    base = sys.argv[1]
    rows = [sys.argv[2:5]] if len(sys.argv) == 5 else [
        line.rstrip("\n").split("\t") for line in sys.stdin if line.strip() and not line.startswith("#")]
    en, ko = load(base + ".resx"), load(base + ".ko.resx")
    for row in rows:
        if len(row) != 3:
            sys.exit(f"bad row (need KEY<TAB>English<TAB>Korean): {row}")
        key, english, korean = row
        en[key], ko[key] = english, korean
    save(base + ".resx", en)
    save(base + ".ko.resx", ko)


if __name__ == "__main__":
    main()
