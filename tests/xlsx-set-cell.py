#!/usr/bin/env python3
# xlsx-set-cell.py: changes input cells of a workbook, found by their defined
# names, as a user typing in Excel would, and drops every formula's cached
# value so that the result must be recalculated (test-export then runs
# `ssconvert --recalc`).  Standard library only.
#   xlsx-set-cell.py IN.xlsx OUT.xlsx NAME=VALUE [NAME=VALUE ...]
#
# SPDX-License-Identifier: GPL-3.0-or-later
import re
import sys
import zipfile


def attribute(tag, name):
    match = re.search(r'\b%s="([^"]*)"' % re.escape(name), tag)
    return match.group(1) if match else None


def sheet_parts(archive):
    """Sheet name -> part name inside the archive."""
    rels = archive.read("xl/_rels/workbook.xml.rels").decode("utf-8")
    targets = {attribute(tag, "Id"): attribute(tag, "Target")
               for tag in re.findall(r"<Relationship [^>]*>", rels)}
    workbook = archive.read("xl/workbook.xml").decode("utf-8")
    parts = {}
    for tag in re.findall(r"<sheet [^>]*>", workbook):
        target = targets[attribute(tag, "r:id")]
        parts[attribute(tag, "name")] = target.lstrip("/") if target.startswith("/xl/") \
            else "xl/" + target
    return parts


def defined_cell(archive, name):
    """The (sheet, cell) a one-cell defined name refers to."""
    workbook = archive.read("xl/workbook.xml").decode("utf-8")
    match = re.search(r'<definedName name="%s">([^<]*)</definedName>' % re.escape(name), workbook)
    if match is None:
        sys.exit("no defined name %s" % name)
    sheet, cell = match.group(1).rsplit("!", 1)
    sheet = sheet.strip("'").replace("''", "'")
    if ":" in cell:
        sys.exit("%s is a range, not one cell" % name)
    return sheet, cell.replace("$", "")


def set_value(xml, cell, value):
    pattern = re.compile(r'<c r="%s"([^>]*?)(/>|>.*?</c>)' % cell, re.S)
    match = pattern.search(xml)
    if match is None:
        sys.exit("cell %s not found" % cell)
    if "<f>" in match.group(2):
        sys.exit("cell %s holds a formula, not an input" % cell)
    attributes = re.sub(r'\s*\bt="[^"]*"', "", match.group(1))
    return xml[:match.start()] + '<c r="%s"%s><v>%s</v></c>' % (cell, attributes, value) \
        + xml[match.end():]


def main():
    source, target, changes = sys.argv[1], sys.argv[2], sys.argv[3:]
    with zipfile.ZipFile(source) as archive:
        parts = sheet_parts(archive)
        contents = {info.filename: archive.read(info.filename) for info in archive.infolist()}
        infos = archive.infolist()
        for change in changes:
            name, value = change.split("=", 1)
            float(value)
            sheet, cell = defined_cell(archive, name)
            part = parts[sheet]
            contents[part] = set_value(contents[part].decode("utf-8"), cell, value).encode("utf-8")
    for part in parts.values():
        xml = contents[part].decode("utf-8")
        contents[part] = re.sub(r"(<f>[^<]*</f>)<v>[^<]*</v>", r"\1", xml).encode("utf-8")
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for info in infos:
            archive.writestr(info, contents[info.filename])


if __name__ == "__main__":
    main()
