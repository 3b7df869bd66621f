#!/usr/bin/env python3
"""Adds or updates UI texts in a neutral (Vietnamese) .resx and its .en.resx twin.

usage: tools/resx.py PATH/Name.resx < lines      each line: Key<TAB>Vietnamese<TAB>English
Keeps existing entries, replaces those with the same key, keeps keys sorted so diffs stay small.
"""
import sys, xml.etree.ElementTree as ET
from xml.sax.saxutils import escape

HEADER = """<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
"""

def load(path):
    try:
        return {d.get("name"): d.find("value").text or "" for d in ET.parse(path).getroot().findall("data")}
    except FileNotFoundError:
        return {}

def save(path, entries):
    with open(path, "w", encoding="utf-8") as f:
        f.write(HEADER)
        for key in sorted(entries):
            f.write(f'  <data name="{key}" xml:space="preserve"><value>{escape(entries[key])}</value></data>\n')
        f.write("</root>\n")

neutral_path = sys.argv[1]
english_path = neutral_path[:-5] + ".en.resx"
vi, en = load(neutral_path), load(english_path)
for n, line in enumerate(sys.stdin, 1):
    line = line.rstrip("\n")
    if not line.strip() or line.startswith("#"):
        continue
    parts = line.split("\t")
    if len(parts) != 3:
        sys.exit(f"line {n}: expected Key<TAB>Vietnamese<TAB>English: {line!r}")
    key, v, e = parts
    vi[key], en[key] = v, e
save(neutral_path, vi)
save(english_path, en)
print(f"{len(vi)} texts in {neutral_path}")
