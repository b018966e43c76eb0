#!/usr/bin/env python3
"""Parity of ComplianceAuditor's ELF hardening rules with Debian's checksec (2.6.0).

For each directory (default: /usr/bin, then /usr/lib/x86_64-linux-gnu, as two runs; or the directories given as
arguments) this script

  1. runs our CLI (`compliance-auditor audit DIR --out TMP --format json`) on the directory itself,
  2. runs `checksec --dir=DIR --output=json` (if that output is not valid JSON it is parsed leniently; files it
     lacks, or all files with --checksec-mode file, are checked one by one with `checksec --file=X --output=json`
     on a small thread pool),
  3. for every ELF file present in both, compares each property both tools report:

       property  checksec field                      our rule
       RELRO     relro full|partial|no               CMP1002 pass | fail "partial RELRO..." | fail "no RELRO..."
       CANARY    canary yes|no                       CMP1003 pass | fail
       NX        nx yes|no                           CMP1001 pass | fail
       PIE       pie yes|no|dso|rel                  CMP1004 pass | fail | notApplicable (shared library / .o)
       RPATH     rpath yes|no                        CMP1006 evidence "a RPATH entry" (presence only)
       RUNPATH   runpath yes|no                      CMP1006 evidence "a RUNPATH entry" (presence only)
       FORTIFY   fortify_source yes|no, fortify-able CMP1005 pass (yes) | fail (no, fortify-able > 0)
                                                     | notApplicable "calls none" (no, fortify-able = 0)
       SYMBOLS   symbols yes|no (.symtab present)    CMP1008 reason text ("symbol table was not stripped",
                                                     "(.symtab) with N entries is also present", "stripped: ...")

  4. prints the agreement per property and EVERY disagreement (file, property, checksec value, our outcome and
     reason), grouped by property and by class, and writes them as JSON with --json OUT.

Every (file, property) pair ends up as one of:
  agree       both say the same thing;
  documented  our model deliberately differs from checksec's and the difference is explained below (counted as
              agreement, listed separately);
  disagree    a real difference; the script names its class (see CLASSES) from readelf facts of the file;
  skipped     not comparable (our rule was inconclusive or errored for a reason no documented mapping covers, or
              gave no result).
Agreement % = (agree + documented) / (agree + documented + disagree).

Documented mappings (our model differs on purpose; not counted as disagreements):
  * PIE of a shared library: checksec says "dso", we say notApplicable ("a shared library: ... PIE is a property
    of executables"). PIE of a relocatable object / kernel module: checksec "rel", we notApplicable.
  * Relocatable objects, kernel modules, core dumps and files without program headers: every load-time property
    (NX, RELRO, canary, FORTIFY) is notApplicable for us ("hardening is decided when it is linked"); checksec
    answers "no" for NX/RELRO (there is no program header to find) and greps the symbols for canary/FORTIFY.
  * Static binaries (including static-pie): the static C library carries __stack_chk_fail and its own __*_chk
    definitions whether or not the program was built with them, so canary and FORTIFY cannot be told from symbols
    and we say inconclusive; checksec answers from what its grep finds. RELRO of a static binary without section
    headers is inconclusive for us too.
  * RELRO of static binaries: a static binary has no dynamic section, so checksec (which greps `readelf -d` for
    BIND_NOW) calls every static binary with PT_GNU_RELRO "partial". We check instead whether .got/.got.plt lie
    inside the PT_GNU_RELRO range (which is what -z now achieves for a static link) and may say "full".
  * FORTIFY of static binaries: checksec reads only `--dyn-syms`, so a static binary is always "no" with 0
    fortifiable for it; we count the functions linked into it (.symtab).
  * FORTIFY when the audited tree carries a C library without any __*_chk export (musl, uClibc-ng without
    fortify): we say notApplicable; checksec compares against the host's libc.
  * SYMBOLS of relocatable objects and core dumps: CMP1008 is notApplicable there, no .symtab statement to compare.

Requirements: Python 3 (standard library only), checksec (Debian package `checksec`), readelf (Debian package
`binutils`, also needed by checksec), file (Debian package `file`, needed by checksec), and our CLI built with
`dotnet build src/ComplianceAuditor.Cli -c Release` (or pass --auditor). Nothing is installed by this script.

Examples:
  python3 tests/benchmarks/checksec-parity.py                       # /usr/bin and /usr/lib/x86_64-linux-gnu
  python3 tests/benchmarks/checksec-parity.py tests/fixtures/elf/bin --json /tmp/parity.json
  python3 tests/benchmarks/checksec-parity.py /usr/bin --checksec-mode file --jobs 4
"""

from __future__ import annotations

import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DEFAULT_AUDITOR = REPO / "src/ComplianceAuditor.Cli/bin/Release/net10.0/compliance-auditor"
DEFAULT_DIRS = ["/usr/bin", "/usr/lib/x86_64-linux-gnu"]
PROPERTIES = ["RELRO", "CANARY", "NX", "PIE", "RPATH", "RUNPATH", "FORTIFY", "SYMBOLS"]
RULE_OF = {"RELRO": "CMP1002", "CANARY": "CMP1003", "NX": "CMP1001", "PIE": "CMP1004",
           "RPATH": "CMP1006", "RUNPATH": "CMP1006", "FORTIFY": "CMP1005", "SYMBOLS": "CMP1008"}
CHECKSEC_FIELDS = ["relro", "canary", "nx", "pie", "rpath", "runpath", "symbols", "fortify_source", "fortified",
                   "fortify-able"]

# Disagreement classes: id -> (who is right, why). The script assigns a class to each disagreement from readelf
# facts about the file; "unclassified" ones need a human look.
CLASSES = {
    "relro-df1-now-only": (
        "ours",
        "Immediate binding is requested only by DF_1_NOW in DT_FLAGS_1 (readelf prints 'FLAGS_1 Flags: NOW'), "
        "without DT_BIND_NOW or DF_BIND_NOW. checksec greps `readelf -d` for the text 'BIND_NOW' and so says "
        "partial; glibc's loader (elf/get-dynamic-info.h) treats DF_1_NOW exactly like DT_BIND_NOW, so the GOT is "
        "read-only after start-up: full RELRO."),
    "pie-no-dt-debug": (
        "ours",
        "ET_DYN executable with DF_1_PIE but without a DT_DEBUG entry. checksec calls every ET_DYN without DT_DEBUG "
        "a 'DSO'; DT_DEBUG is only a debugger hook that some linkers or link modes omit. DF_1_PIE is what the "
        "linker sets for -pie, so the file is a position-independent executable."),
    "pie-runnable-library-without-soname": (
        "checksec",
        "ET_DYN with PT_INTERP but neither DF_1_PIE, DT_DEBUG nor SONAME: a plugin/module linked with -shared "
        "and given an interpreter so that it can also be run (libcap's pam_cap.so prints its version). It is "
        "loaded with dlopen (glibc refuses to dlopen DF_1_PIE objects), i.e. a shared library. checksec's 'DSO' "
        "is right; our ElfFile.Kind takes 'interpreter and no SONAME' for a PIE, so CMP1004 passes it as an "
        "executable instead of notApplicable (harmless for the verdict, wrong kind; see README)."),
    "pie-library-with-dt-debug": (
        "ours",
        "A shared library (no PT_INTERP, no DF_1_PIE) that happens to carry DT_DEBUG; checksec's DT_DEBUG "
        "heuristic calls it 'PIE enabled', we say notApplicable (shared library)."),
    "pie-executable-library": (
        "both (model difference)",
        "An ET_DYN that is both a library (SONAME) and runnable (PT_INTERP, DT_DEBUG, no DF_1_PIE). checksec says "
        "PIE via DT_DEBUG, we treat SONAME + no DF_1_PIE as a library."),
    "fortify-exports-chk": (
        "ours",
        "The file DEFINES (exports) __*_chk functions, e.g. the C library itself or a sanitizer runtime. checksec "
        "takes every name in --dyn-syms, defined or not, so exporting __memcpy_chk reads as 'compiled with "
        "FORTIFY_SOURCE'; we count only imports, i.e. calls this file makes."),
    "fortify-non-libc-chk-suffix": (
        "ours",
        "checksec says yes because some dynamic symbol ends in '_chk' although it is not a C library checked "
        "function (checksec's yes/no test is `grep '_chk$'` on all dynamic symbols); we only count the C "
        "library's __*_chk functions."),
    "fortify-counts-exports-as-fortifiable": (
        "ours",
        "checksec counts defined (exported) dynamic symbols such as memcpy or read as 'fortifiable' (and strips "
        "all leading underscores, so __read or _IO_... names match too); the file imports none of them, so there "
        "is nothing FORTIFY_SOURCE could have protected: we say notApplicable."),
    "fortify-libc-list-differs": (
        "ours",
        "The file imports a fortifiable function that checksec's list (the *_chk@@ exports of the HOST libc, "
        "read with a regex) does not include, or vice versa, so checksec counts 0 fortifiable and expects "
        "notApplicable while we count the function (or the other way round)."),
    "canary-defined-or-local": (
        "both (model difference)",
        "The canary symbol is present only in a form one tool does not look at (see the reason)."),
    "symbols-empty-symtab": (
        "see reason",
        "A .symtab section exists but holds no entries (or only the null entry), or a symbol table under another "
        "name; checksec greps readelf's 'Symbol table .symtab' line, we count parsed entries."),
    "nx-exec-without-write": (
        "ours",
        "PT_GNU_STACK has the E flag but not W ('R E'); checksec only looks for the string 'RWE' and says NX "
        "enabled; the stack is still executable."),
    "rpath-empty": (
        "checksec (on glibc)",
        "A wholly empty DT_RPATH/DT_RUNPATH string ('[]' in readelf). checksec's `read -a` splits it into zero "
        "elements and says none; we fail it as 'means the current directory'. glibc 2.36 ignores an empty "
        "RPATH/RUNPATH string (verified: a program with RUNPATH '' does not load a library from its working "
        "directory), so this is a false positive of ours on glibc. Empty ELEMENTS of a non-empty list ('/a::/b', "
        "'/a:') do search the working directory; there both tools report the entry."),
    "unclassified": ("?", "No known explanation; look at the file."),
}


def die(message: str, code: int = 2) -> None:
    print(f"checksec-parity: {message}", file=sys.stderr)
    sys.exit(code)


def require_tools(auditor: str | None) -> list[str]:
    missing = []
    for tool, package in (("checksec", "checksec"), ("readelf", "binutils"), ("file", "file"), ("find", "findutils")):
        if shutil.which(tool) is None:
            missing.append(f"'{tool}' not found: install the Debian package '{package}' (apt-get install -y {package})")
    if missing:
        die("missing requirement(s):\n  " + "\n  ".join(missing))
    if auditor:
        if not (os.path.isfile(auditor) and os.access(auditor, os.X_OK)):
            die(f"our CLI '{auditor}' is not an executable file")
        return [auditor]
    if DEFAULT_AUDITOR.is_file():
        return [str(DEFAULT_AUDITOR)]
    if shutil.which("dotnet"):
        print("note: built CLI not found, using `dotnet run` (build first to save time: "
              "dotnet build src/ComplianceAuditor.Cli -c Release)", file=sys.stderr)
        return ["dotnet", "run", "--project", str(REPO / "src/ComplianceAuditor.Cli"), "-c", "Release", "--"]
    die(f"our CLI is not built ({DEFAULT_AUDITOR}) and 'dotnet' is not installed (the .NET 10 SDK)")
    return []


# --------------------------------------------------------------------------------------------------- our tool

def run_ours(cmd: list[str], directory: str, report_path: str | None) -> tuple[dict, float]:
    """Runs our audit (unless a saved report is given); returns the report and the wall time."""
    if report_path:
        with open(report_path, encoding="utf-8") as f:
            return json.load(f), 0.0
    with tempfile.TemporaryDirectory(prefix="parity-ours-") as out:
        start = time.monotonic()
        proc = subprocess.run([*cmd, "audit", directory, "--out", out, "--format", "json"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False)
        elapsed = time.monotonic() - start
        report = Path(out) / "report.json"
        if not report.is_file():
            die(f"our CLI wrote no report (exit {proc.returncode}):\n{proc.stderr[-4000:]}")
        with open(report, encoding="utf-8") as f:
            return json.load(f), elapsed


def index_ours(report: dict) -> tuple[dict[str, dict[str, dict]], set[str], str]:
    """Maps relative path -> rule id -> result, plus the set of relative paths our inventory calls ELF."""
    name = report["inputs"][0]["name"] if report.get("inputs") else ""
    prefix = name + "/"

    def rel(artifact: str) -> str | None:
        return artifact[len(prefix):] if artifact.startswith(prefix) else None

    elf = {r for a in report.get("artifacts", []) if a.get("kind") == "elf" and (r := rel(a["path"])) is not None}
    results: dict[str, dict[str, dict]] = collections.defaultdict(dict)
    for r in report.get("results", []):
        if r.get("ruleId") in RULE_OF.values() and (p := rel(r.get("artifact", ""))) is not None:
            results[p][r["ruleId"]] = r
    return results, elf, name


# --------------------------------------------------------------------------------------------------- checksec

# checksec prints file names into its JSON without any escaping, so a name with a double quote or a backslash makes
# the --dir output invalid. Entries are `}, "PATH": { "relro":"...",...`: take the path literally between them.
ENTRY_RE = re.compile(
    r'\}\s*,\s*"(?P<path>.*?)": \{ "relro":"(?P<relro>[^"]*)","canary":"(?P<canary>[^"]*)",'
    r'"nx":"(?P<nx>[^"]*)","pie":"(?P<pie>[^"]*)","rpath":"(?P<rpath>[^"]*)","runpath":"(?P<runpath>[^"]*)",'
    r'"symbols":"(?P<symbols>[^"]*)","fortify_source":"(?P<fortify_source>[^"]*)",'
    r'"fortified":"(?P<fortified>[^"]*)","fortify-able":"(?P<fortifyable>[^"]*)"')


def checksec_root(directory: str) -> str:
    # checksec's chk_dir: follows a symlinked directory (readlink -f) and removes trailing slashes.
    root = os.path.realpath(directory) if os.path.islink(directory.rstrip("/") or "/") else directory
    return root.rstrip("/") or "/"


def parse_checksec(text: str) -> tuple[dict[str, dict], str]:
    """Returns path -> fields, and how the text was parsed."""
    how = "valid JSON"
    try:
        data = json.loads(text)
        entries = {k: v for k, v in data.items() if isinstance(v, dict) and "relro" in v}
    except json.JSONDecodeError as e:
        how = f"NOT valid JSON ({e.msg} at line {e.lineno} column {e.colno}); parsed leniently"
        entries = {}
        for m in ENTRY_RE.finditer(text):
            d = m.groupdict()
            d["fortify-able"] = d.pop("fortifyable")
            path = d.pop("path")
            entries[path] = d
    return entries, how


def checksec_file(path: str) -> tuple[str, dict | None, str]:
    proc = subprocess.run(["checksec", f"--file={path}", "--output=json"], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False)
    text = proc.stdout.decode("utf-8", "surrogateescape")
    entries, _ = parse_checksec("}, " + text.lstrip().removeprefix("{"))
    if len(entries) == 1:
        return path, next(iter(entries.values())), ""
    return path, None, re.sub(r"\x1b\[[0-9;]*m", "", text).strip()[:200]


def run_checksec(directory: str, mode: str, jobs: int, wanted: set[str], saved: str | None) -> tuple[dict, dict]:
    """Returns rel path -> checksec fields, and notes about how they were obtained."""
    root = checksec_root(directory)
    # checksec names files by the directory as it was given; accept the absolute and resolved forms as well
    # (a saved output may come from another working directory).
    roots = sorted({root, os.path.abspath(root), os.path.realpath(root)}, key=len, reverse=True)
    info: dict = {"mode": mode, "seconds": 0.0}
    by_rel: dict[str, dict] = {}
    if mode == "dir":
        start = time.monotonic()
        if saved:
            with open(saved, encoding="utf-8", errors="surrogateescape") as f:
                text = f.read()
        else:
            proc = subprocess.run(["checksec", f"--dir={directory}", "--output=json"], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, check=False)
            text = proc.stdout.decode("utf-8", "surrogateescape")
        info["seconds"] = time.monotonic() - start
        entries, info["parse"] = parse_checksec(text)
        for path, fields in entries.items():
            for r in roots:
                if path.startswith(r.rstrip("/") + "/"):
                    by_rel[path[len(r.rstrip("/")) + 1:]] = fields
                    break
    # Per-file: everything in file mode, and in dir mode whatever ELF file (by our inventory) checksec's
    # directory output lacks. Symbolic links are skipped, as checksec's `find -type f` does.
    todo = sorted(r for r in wanted if r not in by_rel and os.path.isfile(os.path.join(root, r))
                  and not os.path.islink(os.path.join(root, r)))
    if todo:
        start = time.monotonic()
        failed = {}
        with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
            for path, fields, error in pool.map(checksec_file, [os.path.join(root, r) for r in todo]):
                rel = path[len(root) + 1:]
                if fields is not None:
                    by_rel[rel] = fields
                else:
                    failed[rel] = error
        info["perFile"] = {"files": len(todo), "seconds": round(time.monotonic() - start, 1), "failed": failed}
    return by_rel, info


# --------------------------------------------------------------------------------------------------- readelf facts

_facts_cache: dict[str, dict] = {}


def facts(path: str) -> dict:
    """A few readelf facts used to name the class of a disagreement (only read for disagreeing files)."""
    if path in _facts_cache:
        return _facts_cache[path]
    out = subprocess.run(["readelf", "-W", "-h", "-l", "-d", "-S", "--dyn-syms", path], stdout=subprocess.PIPE,
                         stderr=subprocess.DEVNULL, check=False).stdout.decode("utf-8", "replace")
    f: dict = {
        "type": (m.group(1) if (m := re.search(r"Type:\s+(\w+)", out)) else None),
        "interp": "Requesting program interpreter" in out,
        "soname": bool(re.search(r"\(SONAME\)", out)),
        "dt_debug": bool(re.search(r"\(DEBUG\)", out)),
        "dynamic": bool(re.search(r"^\s*DYNAMIC\s", out, re.M)),
        "bind_now_text": "BIND_NOW" in out,
        "flags_1": (m.group(1).split() if (m := re.search(r"\(FLAGS_1\)\s+Flags:\s*(.*)", out)) else []),
        "gnu_stack": (m.group(1).strip() if (m := re.search(
            r"^\s*GNU_STACK\s+\S+\s+\S+\s+\S+\s+\S+\s+\S+\s+([RWE ]{3})", out, re.M)) else None),
        "symtab_section": bool(re.search(r"\]\s+\.symtab\s", out)),
        "dynsym_section": bool(re.search(r"\]\s+\.dynsym\s", out)),
    }
    dyn = [(m.group(2).split("@")[0], m.group(1) != "UND") for m in re.finditer(
        r"^\s*\d+:\s+\S+\s+\d+\s+\w+\s+\w+\s+\w+\s+(\S+)\s+(\S+)", out, re.M)]
    f["dyn"] = dyn
    f["dyn_defined"] = {n for n, d in dyn if d}
    f["dyn_undefined"] = {n for n, d in dyn if not d}
    _facts_cache[path] = f
    return f


# --------------------------------------------------------------------------------------------------- mapping

def outcome(result: dict | None) -> str:
    return result.get("outcome", "missing") if result else "missing"


def reason(result: dict | None) -> str:
    return (result or {}).get("reason", "") or ""


NOT_LOADED = ("a relocatable object", "a Linux kernel module", "a core dump", "is neither a program nor a library",
              "has no program headers")


def not_loaded(result: dict | None) -> bool:
    return outcome(result) == "notApplicable" and any(s in reason(result) for s in NOT_LOADED)


def stripped_static(result: dict | None) -> bool:
    # Any static file: its C library brings __stack_chk_fail and __*_chk definitions whether or not the program
    # uses them, so our canary and FORTIFY rules are inconclusive on static files (checksec answers from symbols).
    return outcome(result) == "inconclusive" and "statically linked" in reason(result)


def our_value(prop: str, res: dict) -> str | None:
    """Our verdict in checksec's vocabulary, or None when it has no checksec equivalent."""
    r = res.get(RULE_OF[prop])
    o, why = outcome(r), reason(r)
    if prop == "RELRO":
        if o == "pass":
            return "full"
        if o == "fail":
            return "partial" if why.startswith("partial RELRO") else "no" if why.startswith("no RELRO") else None
    elif prop in ("CANARY", "NX"):
        return {"pass": "yes", "fail": "no"}.get(o)
    elif prop == "PIE":
        # notApplicable (shared library, .o, .ko) has no checksec equivalent: see documented()
        return {"pass": "yes", "fail": "no"}.get(o)
    elif prop in ("RPATH", "RUNPATH"):
        if o in ("pass", "fail"):
            if why == "no RPATH or RUNPATH":
                return "no"
            tags = {(e.get("excerpt") or "").split(" ", 1)[0] for e in r.get("evidence") or []}
            if not tags:  # no evidence in the report: fall back to the reason text
                tags = {t for t in ("RPATH", "RUNPATH") if re.search(rf"(^|; ){t} '", why)}
            return "yes" if prop in tags else "no"
        if o == "notApplicable":
            return "no"  # not dynamically linked / not a loaded file: no search path at all
    elif prop == "FORTIFY":
        if o == "pass":
            return "yes"
        if o == "fail":
            return "no+fortifiable"
        if o == "notApplicable" and "calls none of the functions" in why:
            return "no+nothing-fortifiable"
    elif prop == "SYMBOLS":
        if o == "pass":
            return "yes" if "symbol table was not stripped" in why else "no" if why.startswith("stripped") else None
        if o == "fail":
            return "yes" if "(.symtab)" in why else "no"
        if o == "notApplicable" and "no section headers" in why:
            return "no"
    return None


def checksec_value(prop: str, cs: dict) -> str:
    if prop == "FORTIFY":
        if cs["fortify_source"] == "yes":
            return "yes"
        return "no+fortifiable" if int(cs.get("fortify-able") or 0) > 0 else "no+nothing-fortifiable"
    key = {"RELRO": "relro", "CANARY": "canary", "NX": "nx", "PIE": "pie", "RPATH": "rpath", "RUNPATH": "runpath",
           "SYMBOLS": "symbols"}[prop]
    return cs[key]


def documented(prop: str, cs_value: str, res: dict, path: str) -> str | None:
    """The documented mapping that explains this pair, if any (see the module docstring)."""
    r = res.get(RULE_OF[prop])
    o, why = outcome(r), reason(r)
    if prop == "PIE" and o == "notApplicable":
        if cs_value == "dso" and "a shared library" in why:
            return "PIE of a shared library: checksec 'dso', ours notApplicable"
        if cs_value == "rel" and ("a relocatable object" in why or "a Linux kernel module" in why):
            return "PIE of a relocatable object / kernel module: checksec 'rel', ours notApplicable"
    if prop in ("RELRO", "NX", "CANARY", "FORTIFY", "SYMBOLS") and not_loaded(r):
        return "not a loaded program or library (.o, .ko, core, no program headers): ours notApplicable"
    if prop in ("CANARY", "FORTIFY") and stripped_static(r):
        return "static binary: the C library's own canary and __*_chk code is inside it, ours inconclusive"
    if prop == "RELRO" and o == "inconclusive" and "statically linked without section headers" in why:
        return "static binary without section headers: ours inconclusive"
    if prop == "RELRO" and cs_value == "partial" and "statically linked" in why:
        return "static binary: checksec cannot see BIND_NOW (no dynamic section), ours checks the GOT range"
    if prop == "FORTIFY" and o == "notApplicable" and "provides no fortified functions" in why:
        return "the audited tree's C library has no __*_chk functions (musl): ours notApplicable"
    if prop == "FORTIFY" and cs_value == "no+nothing-fortifiable" and o in ("pass", "fail"):
        f = facts(path)
        if not f["dynamic"] and not f["dynsym_section"]:
            return "static binary: checksec reads only .dynsym, ours counts the linked-in functions"
    return None


def classify(prop: str, cs_value: str, ours: str | None, res: dict, path: str) -> str:
    f = facts(path)
    why = reason(res.get(RULE_OF[prop]))
    if prop == "RELRO" and cs_value == "partial" and ours == "full" and "NOW" in f["flags_1"] \
            and not f["bind_now_text"]:
        return "relro-df1-now-only"
    if prop == "PIE":
        if cs_value == "dso" and ours == "yes" and not f["dt_debug"]:
            if "PIE" in f["flags_1"]:
                return "pie-no-dt-debug"
            if f["interp"] and not f["soname"]:
                return "pie-runnable-library-without-soname"
        if cs_value == "yes" and "a shared library" in why and f["dt_debug"]:
            return "pie-executable-library" if f["interp"] else "pie-library-with-dt-debug"
    if prop == "NX" and cs_value == "yes" and ours == "no" and f["gnu_stack"] and "E" in f["gnu_stack"]:
        return "nx-exec-without-write"
    if prop == "FORTIFY":
        chk_defined = {s for s in f["dyn_defined"] if re.fullmatch(r"__\w+_chk", s) and s != "__stack_chk"}
        chk_imported = {s for s in f["dyn_undefined"] if re.fullmatch(r"__\w+_chk", s)}
        if cs_value == "yes" and ours != "yes":
            if chk_defined and not chk_imported:
                return "fortify-exports-chk"
            if not chk_defined and not chk_imported:
                return "fortify-non-libc-chk-suffix"
        if cs_value == "no+fortifiable" and ours == "no+nothing-fortifiable":
            return "fortify-counts-exports-as-fortifiable"
        if {cs_value, ours} == {"no+fortifiable", "no+nothing-fortifiable"}:
            return "fortify-libc-list-differs"
    if prop == "SYMBOLS" and f["symtab_section"] != (cs_value == "yes"):
        return "symbols-empty-symtab"
    if prop in ("RPATH", "RUNPATH") and ours == "yes" and cs_value == "no" and "(empty)" in json.dumps(
            res.get("CMP1006", {}).get("evidence", [])):
        return "rpath-empty"
    if prop == "CANARY" and "__stack_chk" in why:
        return "canary-defined-or-local"
    return "unclassified"


# --------------------------------------------------------------------------------------------------- FORTIFY counts

COUNT_CLASSES = {
    "ours-list-newer-than-host-libc": (
        "checksec (for this host)",
        "We count imports of functions whose checked variant the host's C library does not have (strlcpy, "
        "strlcat, wcslcpy, wcslcat: __*_chk since glibc 2.38). With no C library in the audited tree we count "
        "against a built-in glibc 2.38+ list; checksec counts against the host libc (2.36 here), where these "
        "imports come from libbsd and cannot be fortified."),
    "checksec-strips-underscores": (
        "ours",
        "checksec strips every leading underscore from the file's dynamic symbol names (sed 's/_*//'), so imports "
        "such as _longjmp or __stpcpy count as the fortifiable longjmp / stpcpy."),
    "checksec-counts-exports": (
        "ours",
        "checksec counts DEFINED dynamic symbols (exports) that are named like fortifiable or checked functions; "
        "we count only the file's imports (its calls)."),
    "checksec-counts-duplicates": (
        "ours",
        "checksec counts lines of readelf output, so a name listed twice (two versions) counts twice; we count "
        "distinct names."),
    "static-binary": (
        "documented mapping",
        "No dynamic symbols (a static or static-pie binary): checksec reads only --dyn-syms and counts 0 / 0; we "
        "count the functions linked in from .symtab (see the README for why that count is itself unreliable)."),
    "unclassified": ("?", "No known explanation; look at the file."),
}


def host_libc_checked() -> set[str]:
    """The checked functions (without the leading __) of the libc checksec's filecheck() compares against."""
    for libc in ("/lib/libc.so.6", "/lib/libc.so.7", "/lib/libc.so", "/lib64/libc.so.6", "/lib/i386-linux-gnu/libc.so.6",
                 "/lib/x86_64-linux-gnu/libc.so.6", "/lib/arm-linux-gnueabihf/libc.so.6",
                 "/lib/aarch64-linux-gnu/libc.so.6"):
        if os.path.exists(libc):
            out = subprocess.run(["readelf", "-W", "-s", libc], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                 check=False).stdout.decode("utf-8", "replace")
            return set(re.findall(r"__(\S*_chk)@@", out))
    return set()


def compare_fortify_counts(root: str, ours: dict, checksec: dict[str, dict], both: list[str]) -> dict:
    """Informational: our fortified / fortifiable counts (from CMP1005's reason) against checksec's."""
    chk = host_libc_checked()
    plain = {c[:-4] for c in chk}
    stats = collections.Counter()
    differences = []
    for rel in both:
        m = re.search(r"(\d+) fortified, (\d+) unfortified fortifiable", reason(ours.get(rel, {}).get("CMP1005")))
        if not m:
            continue
        fortified, fortifiable = int(m.group(1)), int(m.group(1)) + int(m.group(2))
        cs_fortified, cs_fortifiable = int(checksec[rel]["fortified"]), int(checksec[rel]["fortify-able"])
        stats["compared"] += 1
        stats["fortifiedEqual"] += fortified == cs_fortified
        stats["fortifiableEqual"] += fortifiable == cs_fortifiable
        if fortified == cs_fortified and fortifiable == cs_fortifiable:
            continue
        f = facts(os.path.join(root, rel))
        classes = set() if f["dyn"] else {"static-binary"}
        seen = collections.Counter(n for n, _ in f["dyn"])
        for name, defined in f["dyn"]:
            stripped = name.lstrip("_")
            counted_by_checksec = stripped in chk or stripped in plain
            counted_by_us = not defined and (name in plain or (name.startswith("__") and name[2:] in chk))
            if counted_by_checksec and defined:
                classes.add("checksec-counts-exports")
            elif counted_by_checksec and not counted_by_us and stripped != name:
                classes.add("checksec-strips-underscores")
            if counted_by_checksec and seen[name] > 1:
                classes.add("checksec-counts-duplicates")
        for name in f["dyn_undefined"]:
            if name in ("strlcpy", "strlcat", "wcslcpy", "wcslcat") and f"{name}_chk" not in chk:
                classes.add("ours-list-newer-than-host-libc")
        differences.append({"file": rel, "ours": {"fortified": fortified, "fortifiable": fortifiable},
                            "checksec": {"fortified": cs_fortified, "fortifiable": cs_fortifiable},
                            "classes": sorted(classes) or ["unclassified"]})
    return {"compared": stats["compared"], "fortifiedEqual": stats["fortifiedEqual"],
            "fortifiableEqual": stats["fortifiableEqual"], "differences": differences}


# --------------------------------------------------------------------------------------------------- compare

def compare(directory: str, ours: dict, ours_elf: set[str], checksec: dict[str, dict]) -> dict:
    root = checksec_root(directory)
    both = sorted(set(checksec) & ours_elf)
    stats = {p: collections.Counter() for p in PROPERTIES}
    documented_counts = {p: collections.Counter() for p in PROPERTIES}
    skipped = {p: collections.Counter() for p in PROPERTIES}
    disagreements = []
    for rel in both:
        cs, res = checksec[rel], ours.get(rel, {})
        path = os.path.join(root, rel)
        for prop in PROPERTIES:
            cv = checksec_value(prop, cs)
            ov = our_value(prop, res)
            r = res.get(RULE_OF[prop])
            if ov is not None and ov == cv:
                stats[prop]["agree"] += 1
                continue
            doc = documented(prop, cv, res, path)
            if doc:
                stats[prop]["documented"] += 1
                documented_counts[prop][doc] += 1
                continue
            if ov is None and outcome(r) in ("inconclusive", "error", "missing"):
                stats[prop]["skipped"] += 1
                skipped[prop][f"ours {outcome(r)}: {re.sub(r'[0-9]+', 'N', reason(r))[:120]}"] += 1
                continue
            stats[prop]["disagree"] += 1
            cls = classify(prop, cv, ov, res, path)
            disagreements.append({
                "file": rel, "property": prop, "class": cls,
                "checksec": {k: cs.get(k) for k in CHECKSEC_FIELDS} if prop == "FORTIFY" else cv,
                "checksecValue": cv, "oursValue": ov,
                "ours": {"rule": RULE_OF[prop], "outcome": outcome(r), "reason": reason(r)},
            })
    return {
        "directory": directory,
        "filesCompared": len(both),
        "fortifyCounts": compare_fortify_counts(root, ours, checksec, both),
        "onlyChecksec": sorted(set(checksec) - ours_elf),
        "onlyOurs": sorted(ours_elf - set(checksec)),
        "properties": {p: {"agree": stats[p]["agree"], "documented": stats[p]["documented"],
                           "disagree": stats[p]["disagree"], "skipped": stats[p]["skipped"],
                           "compared": stats[p]["agree"] + stats[p]["documented"] + stats[p]["disagree"],
                           "documentedMappings": dict(documented_counts[p]),
                           "skippedReasons": dict(skipped[p])} for p in PROPERTIES},
        "disagreements": disagreements,
    }


def pct(a: int, b: int) -> str:
    return f"{100.0 * a / b:6.2f}%" if b else "    n/a"


def print_summary(run: dict) -> None:
    print(f"\n=== {run['directory']}: {run['filesCompared']} ELF files in both "
          f"(only checksec: {len(run['onlyChecksec'])}, only ours: {len(run['onlyOurs'])})")
    for key in ("onlyChecksec", "onlyOurs"):
        if run[key]:
            print(f"  {key}: {', '.join(run[key][:10])}{' ...' if len(run[key]) > 10 else ''}")
    print(f"{'property':9} {'agree':>7} {'doc.':>6} {'disagree':>8} {'compared':>8} {'agreement':>9} "
          f"{'strict':>8} {'skipped':>7}")
    for p, s in run["properties"].items():
        print(f"{p:9} {s['agree']:7} {s['documented']:6} {s['disagree']:8} {s['compared']:8} "
              f"{pct(s['agree'] + s['documented'], s['compared']):>9} {pct(s['agree'], s['compared']):>8} "
              f"{s['skipped']:7}")
    print("(agreement = (agree + documented mapping) / compared; strict = agree / compared)")
    for p, s in run["properties"].items():
        for label, n in sorted(s["documentedMappings"].items(), key=lambda kv: -kv[1]):
            print(f"  documented {p}: {n} x {label}")
        for label, n in sorted(s["skippedReasons"].items(), key=lambda kv: -kv[1]):
            print(f"  skipped    {p}: {n} x {label}")
    fc = run["fortifyCounts"]
    print(f"FORTIFY counts (informational, not in the table; files where we counted): fortified equal "
          f"{fc['fortifiedEqual']}/{fc['compared']} ({pct(fc['fortifiedEqual'], fc['compared']).strip()}), "
          f"fortifiable equal {fc['fortifiableEqual']}/{fc['compared']} "
          f"({pct(fc['fortifiableEqual'], fc['compared']).strip()})")
    by_class = collections.defaultdict(list)
    for d in fc["differences"]:
        by_class[" + ".join(d["classes"])].append(d)
    for label, items in sorted(by_class.items(), key=lambda kv: -len(kv[1])):
        print(f"  [{label}] {len(items)} file(s); right: "
              + "; ".join(f"{c}: {COUNT_CLASSES[c][0]}" for c in label.split(" + ")))
        for d in items:
            print(f"    {d['file']}: ours {d['ours']['fortified']} fortified / {d['ours']['fortifiable']} fortifiable, "
                  f"checksec {d['checksec']['fortified']} / {d['checksec']['fortifiable']}")
    by_prop = collections.defaultdict(lambda: collections.defaultdict(list))
    for d in run["disagreements"]:
        by_prop[d["property"]][d["class"]].append(d)
    for p in PROPERTIES:
        if p not in by_prop:
            continue
        print(f"\n--- {p} disagreements: {sum(len(v) for v in by_prop[p].values())}")
        for cls, items in sorted(by_prop[p].items(), key=lambda kv: -len(kv[1])):
            who, why = CLASSES[cls]
            print(f"  [{cls}] {len(items)} file(s); right: {who}\n      {why}")
            for d in items:
                cs = d["checksec"] if isinstance(d["checksec"], str) else \
                    f"fortify_source={d['checksec']['fortify_source']} fortified={d['checksec']['fortified']} " \
                    f"fortify-able={d['checksec']['fortify-able']}"
                print(f"    {d['file']}: checksec {cs} | ours {d['ours']['rule']} {d['ours']['outcome']}: "
                      f"{d['ours']['reason']}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("dirs", nargs="*", help=f"directories to audit (default: {' and '.join(DEFAULT_DIRS)})")
    ap.add_argument("--json", metavar="OUT", help="write the per-property counts and every disagreement as JSON")
    ap.add_argument("--auditor", help=f"our CLI (default: {DEFAULT_AUDITOR.relative_to(REPO)})")
    ap.add_argument("--checksec-mode", choices=["dir", "file"], default="dir",
                    help="checksec --dir (default; falls back per file for what it misses) or --file per file")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 2, help="threads for per-file checksec runs")
    ap.add_argument("--checksec-output", help="reuse a saved `checksec --dir=DIR --output=json` output "
                                              "(one directory only)")
    ap.add_argument("--our-report", help="reuse a saved report.json of our audit of DIR (one directory only)")
    args = ap.parse_args()
    dirs = args.dirs or DEFAULT_DIRS
    if (args.checksec_output or args.our_report) and len(dirs) != 1:
        die("--checksec-output and --our-report need exactly one directory")
    cmd = require_tools(args.auditor)
    runs = []
    for directory in dirs:
        if not os.path.isdir(directory):
            die(f"'{directory}' is not a directory")
        print(f"auditing {directory} with our CLI ...", file=sys.stderr)
        report, ours_seconds = run_ours(cmd, directory, args.our_report)
        ours, ours_elf, _ = index_ours(report)
        print(f"running checksec on {directory} ({args.checksec_mode} mode) ...", file=sys.stderr)
        checksec, info = run_checksec(directory, args.checksec_mode, args.jobs, ours_elf, args.checksec_output)
        run = compare(directory, ours, ours_elf, checksec)
        run["checksec"] = info
        run["oursSeconds"] = round(ours_seconds, 1)
        print_summary(run)
        how = f"checksec --dir: {info['parse']}, {info['seconds']:.1f} s" if "parse" in info else "checksec --file"
        if "perFile" in info:
            pf = info["perFile"]
            how += (f"; checksec --file run for {pf['files']} file(s) "
                    f"({'all' if args.checksec_mode == 'file' else 'missing from the --dir output'}), "
                    f"{pf['seconds']} s, {len(pf['failed'])} failed")
        print(how + (f"; our audit {ours_seconds:.1f} s" if ours_seconds else ""))
        for rel, error in (info.get("perFile") or {}).get("failed", {}).items():
            print(f"  checksec --file failed on {rel}: {error}")
        runs.append(run)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump({"generated": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
                       "classes": {k: {"right": v[0], "why": v[1]} for k, v in CLASSES.items()},
                       "fortifyCountClasses": {k: {"right": v[0], "why": v[1]} for k, v in COUNT_CLASSES.items()},
                       "runs": runs}, f, indent=1)
        print(f"\nwrote {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
